import type { PersistentVolume, StorageClass } from '../../model/snapshot';
import { projectMeta } from './meta';
import { isRecord, opt, rec, str, text } from './read';
import { projectVolumeSource } from './volume';

/** PersistentVolume spec fields that are not the volume source. */
const PV_FIELDS: ReadonlySet<string> = new Set([
  'accessModes',
  'capacity',
  'claimRef',
  'mountOptions',
  'nodeAffinity',
  'persistentVolumeReclaimPolicy',
  'storageClassName',
  'volumeAttributesClassName',
  'volumeMode',
]);

/** Projects a raw PersistentVolume; its source maps like a pod volume's (in-tree plugins by field name). */
export function projectPersistentVolume(raw: unknown): PersistentVolume | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw);
  const spec = rec(raw, 'spec');
  if (!metadata || !spec) return undefined;
  const claim = rec(spec, 'claimRef');
  const claimNamespace = str(claim, 'namespace');
  const claimName = str(claim, 'name');
  return {
    metadata,
    source: projectVolumeSource(spec, PV_FIELDS),
    ...opt('storageClassName', text(spec, 'storageClassName')),
    ...opt(
      'claimRef',
      claimNamespace === undefined || claimName === undefined
        ? undefined
        : { namespace: claimNamespace, name: claimName },
    ),
    ...opt('phase', text(rec(raw, 'status'), 'phase')),
  };
}

const DEFAULT_CLASS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** Projects a raw StorageClass; default when either is-default-class annotation says "true". */
export function projectStorageClass(raw: unknown): StorageClass | undefined {
  if (!isRecord(raw)) return undefined;
  const metadata = projectMeta(raw);
  if (!metadata) return undefined;
  return {
    metadata,
    provisioner: str(raw, 'provisioner') ?? '',
    isDefault: DEFAULT_CLASS.some((a) => metadata.annotations[a] === 'true'),
  };
}

/** The name of a raw CSIDriver (all the checks need); undefined without one. */
export function projectCsiDriver(raw: unknown): string | undefined {
  return text(rec(isRecord(raw) ? raw : undefined, 'metadata'), 'name');
}
