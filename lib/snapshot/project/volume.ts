import type { Volume, VolumeSource } from '../../model/snapshot';
import { isRecord, opt, rec, recs, str, text } from './read';
import type { Raw } from './read';

/**
 * In-tree volume plugins, by their API field name. Pod volumes and PersistentVolumes use the same names; the
 * checks for deprecated or removed plugins and CSI migration key on them.
 */
export const IN_TREE_PLUGINS: readonly string[] = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'gitRepo',
  'glusterfs',
  'iscsi',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
];

function projectedSource(p: Raw): VolumeSource {
  const secretNames: string[] = [];
  let serviceAccountToken = false;
  for (const s of recs(p, 'sources')) {
    const secretName = text(rec(s, 'secret'), 'name');
    if (secretName !== undefined) secretNames.push(secretName);
    if (rec(s, 'serviceAccountToken')) serviceAccountToken = true;
  }
  return { type: 'projected', secretNames, serviceAccountToken };
}

/** Maps one volume source field and its value to the VolumeSource union. */
function sourceOf(field: string, v: Raw): VolumeSource {
  switch (field) {
    case 'hostPath':
      return { type: 'hostPath', path: str(v, 'path') ?? '', ...opt('hostPathType', text(v, 'type')) };
    case 'emptyDir':
      return { type: 'emptyDir' };
    case 'secret':
      return { type: 'secret', secretName: str(v, 'secretName') ?? '' };
    case 'projected':
      return projectedSource(v);
    case 'configMap':
      return { type: 'configMap' };
    case 'persistentVolumeClaim':
      return { type: 'persistentVolumeClaim', claimName: str(v, 'claimName') ?? '' };
    case 'csi':
      return { type: 'csi', driver: str(v, 'driver') ?? '' };
    case 'ephemeral':
      return { type: 'ephemeral' };
    case 'downwardAPI':
      return { type: 'downwardAPI' };
    default:
      return IN_TREE_PLUGINS.includes(field) ? { type: 'inTree', plugin: field } : { type: 'other', field };
  }
}

/**
 * The volume source of a raw pod volume or PersistentVolume spec: the first field holding an object that is not in
 * `ignore` (the non-source fields of the enclosing object). `{type:'other', field:''}` when there is none.
 */
export function projectVolumeSource(o: Raw, ignore: ReadonlySet<string>): VolumeSource {
  for (const [field, value] of Object.entries(o)) {
    if (!ignore.has(field) && isRecord(value)) return sourceOf(field, value);
  }
  return { type: 'other', field: '' };
}

const POD_VOLUME_FIELDS: ReadonlySet<string> = new Set(['name']);

/** Projects the volumes of a raw pod spec; entries without a name are dropped. */
export function projectVolumes(spec: Raw): Volume[] {
  return recs(spec, 'volumes').flatMap((v) => {
    const name = text(v, 'name');
    return name === undefined ? [] : [{ name, source: projectVolumeSource(v, POD_VOLUME_FIELDS) }];
  });
}
