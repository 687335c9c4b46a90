import type { PersistentVolume, Snapshot, StorageClass } from '../../model/snapshot';
import type { Evidence, Finding } from '../../model/finding';
import { describeRef, objectTarget, refOf, subjectTarget } from './object-refs';
import type { PodSubject } from './subjects';
import { podSubjects } from './subjects';

/** An in-tree volume plugin: its volume source field and its dynamic provisioner name. */
export interface InTreePlugin {
  field: string;
  provisioner: string;
}

/** One place a cluster uses an in-tree plugin. */
export type StorageUse =
  | { kind: 'pv'; pv: PersistentVolume; plugin: string }
  | { kind: 'sc'; sc: StorageClass; plugin: string }
  | { kind: 'inline'; subject: PodSubject; volume: string; plugin: string };

/** PVs, StorageClasses and inline pod volumes (templates and uncovered pods) that use one of the plugins. */
export function storageUses(snapshot: Snapshot, plugins: readonly InTreePlugin[]): StorageUse[] {
  const byField = new Map(plugins.map((p) => [p.field, p.field]));
  const byProvisioner = new Map(plugins.map((p) => [p.provisioner, p.field]));
  const uses: StorageUse[] = [];
  for (const pv of snapshot.persistentVolumes) {
    const plugin = pv.source.type === 'inTree' ? byField.get(pv.source.plugin) : undefined;
    if (plugin) uses.push({ kind: 'pv', pv, plugin });
  }
  for (const sc of snapshot.storageClasses) {
    const plugin = byProvisioner.get(sc.provisioner);
    if (plugin) uses.push({ kind: 'sc', sc, plugin });
  }
  for (const subject of podSubjects(snapshot)) {
    if (subject.coveredByOwner) continue;
    for (const v of subject.spec.volumes) {
      const plugin = v.source.type === 'inTree' ? byField.get(v.source.plugin) : undefined;
      if (plugin) uses.push({ kind: 'inline', subject, volume: v.name, plugin });
    }
  }
  return uses;
}

/** 'namespace/claim' → the workloads (or pods) that mount the claim, by their top-level owner. */
export function claimConsumers(snapshot: Snapshot): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const s of podSubjects(snapshot)) {
    for (const v of s.spec.volumes) {
      if (v.source.type !== 'persistentVolumeClaim') continue;
      const key = `${s.ref.namespace ?? ''}/${v.source.claimName}`;
      out.set(key, (out.get(key) ?? new Set()).add(describeRef(s.owner ?? s.ref)));
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

/** The object a use is about, for the finding. */
export function storageTarget(use: StorageUse): Pick<Finding, 'object' | 'owner' | 'helmRelease'> {
  if (use.kind === 'pv') return objectTarget(refOf('v1', 'PersistentVolume', use.pv.metadata), use.pv.metadata);
  if (use.kind === 'sc')
    return objectTarget(refOf('storage.k8s.io/v1', 'StorageClass', use.sc.metadata), use.sc.metadata);
  return subjectTarget(use.subject);
}

/** True for a PV bound to a claim: data in use, the worst case. */
export const isBound = (pv: PersistentVolume) => pv.phase === 'Bound';

/** Evidence for a use: the source field, phase, claim, StorageClass and consumers. */
export function storageEvidence(use: StorageUse, consumers: Map<string, string[]>): Evidence[] {
  if (use.kind === 'sc') {
    return [
      { source: 'field', path: 'provisioner', value: use.sc.provisioner, detail: 'in-tree dynamic provisioner' },
      ...(use.sc.isDefault
        ? [
            {
              source: 'annotation' as const,
              path: 'metadata.annotations[storageclass.kubernetes.io/is-default-class]',
              value: 'true',
              detail: 'default StorageClass: claims without storageClassName use it',
            },
          ]
        : []),
    ];
  }
  if (use.kind === 'inline') {
    const path = `${use.subject.specPath}.volumes[${use.volume}].${use.plugin}`;
    return [{ source: 'field', path, detail: `inline ${use.plugin} volume` }];
  }
  const pv = use.pv;
  const claim = pv.claimRef ? `${pv.claimRef.namespace}/${pv.claimRef.name}` : undefined;
  const users = claim ? (consumers.get(claim) ?? []) : [];
  const ev: Evidence[] = [
    { source: 'field', path: `spec.${use.plugin}`, detail: `in-tree ${use.plugin} volume source` },
    {
      source: 'field',
      path: 'status.phase',
      value: pv.phase ?? '(unknown)',
      detail: isBound(pv) ? 'bound to a claim: its data is in use' : 'not bound to a claim',
    },
  ];
  if (pv.storageClassName)
    ev.push({ source: 'field', path: 'spec.storageClassName', value: pv.storageClassName, detail: 'StorageClass' });
  if (claim)
    ev.push({
      source: 'field',
      path: 'spec.claimRef',
      value: claim,
      detail: users.length > 0 ? `mounted by ${users.join(', ')}` : 'no pod or template in the scan mounts this claim',
    });
  const migrated = pv.metadata.annotations['pv.kubernetes.io/migrated-to'];
  if (migrated)
    ev.push({
      source: 'annotation',
      path: 'metadata.annotations[pv.kubernetes.io/migrated-to]',
      value: migrated,
      detail: 'the control plane already routes this volume through the CSI driver',
    });
  return ev;
}

/** 'PersistentVolume pv-1 (Bound to shop/data, used by StatefulSet shop/db)' and the like. */
export function describeUse(use: StorageUse, consumers: Map<string, string[]>): string {
  if (use.kind === 'sc')
    return `StorageClass ${use.sc.metadata.name}${use.sc.isDefault ? ' (the default StorageClass)' : ''}`;
  if (use.kind === 'inline') return `${describeRef(use.subject.ref)} (inline volume ${use.volume})`;
  const pv = use.pv;
  if (!pv.claimRef || !isBound(pv))
    return `PersistentVolume ${pv.metadata.name} (${pv.phase ?? 'phase unknown'}, not bound to a claim)`;
  const claim = `${pv.claimRef.namespace}/${pv.claimRef.name}`;
  const users = consumers.get(claim) ?? [];
  return `PersistentVolume ${pv.metadata.name} (Bound to claim ${claim}${users.length > 0 ? `, used by ${users.join(', ')}` : ''})`;
}
