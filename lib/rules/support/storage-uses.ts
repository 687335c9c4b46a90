import type { Finding } from '../../model/finding';
import type { ObjectRef, PersistentVolume, Snapshot, StorageClass } from '../../model/snapshot';
import { join, t, type Text } from '../../model/text';
import type { EvidenceDraft } from './finding';
import { objectTarget, refOf, subjectTarget } from './object-refs';
import { api, named, ns, refText, setting } from './text';
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

/** The workloads (or pods) that mount each claim, by their top-level owner, keyed 'namespace/claim'. */
export type ClaimConsumers = Pick<ReadonlyMap<string, readonly ObjectRef[]>, 'get'>;

const refKey = (r: ObjectRef) => `${r.kind} ${r.namespace ?? ''}/${r.name}`;

/** Built once per snapshot, when first asked: the in-tree volume and CSI migration checks both read it. */
const CONSUMERS = new WeakMap<Snapshot, ReadonlyMap<string, readonly ObjectRef[]>>();

/**
 * 'namespace/claim' → the workloads (or pods) that mount the claim, by their top-level owner. Walked on the first
 * lookup only: a cluster without in-tree persistent volumes never pays for it.
 */
export function claimConsumers(snapshot: Snapshot): ClaimConsumers {
  return {
    get(key) {
      let consumers = CONSUMERS.get(snapshot);
      if (!consumers) {
        consumers = buildClaimConsumers(snapshot);
        CONSUMERS.set(snapshot, consumers);
      }
      return consumers.get(key);
    },
  };
}

function buildClaimConsumers(snapshot: Snapshot): ReadonlyMap<string, readonly ObjectRef[]> {
  const out = new Map<string, Map<string, ObjectRef>>();
  for (const s of podSubjects(snapshot)) {
    for (const v of s.spec.volumes) {
      if (v.source.type !== 'persistentVolumeClaim') continue;
      const key = `${s.ref.namespace ?? ''}/${v.source.claimName}`;
      const top = s.owner ?? s.ref;
      out.set(key, (out.get(key) ?? new Map<string, ObjectRef>()).set(refKey(top), top));
    }
  }
  return new Map(
    [...out].map(([k, v]) => [k, [...v].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r)]),
  );
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

/** What storage evidence and descriptions say. */
const say = {
  provisioner: t`in-tree dynamic provisioner`,
  defaultClass: t`default StorageClass: claims without storageClassName use it`,
  inline: (plugin: string) => t`inline ${api(plugin)} volume`,
  source: (plugin: string) => t`in-tree ${api(plugin)} volume source`,
  bound: t`bound to a claim: its data is in use`,
  unbound: t`not bound to a claim`,
  storageClass: t`StorageClass`,
  mountedBy: (users: Text) => t`mounted by ${users}`,
  noMount: t`no pod or template in the scan mounts this claim`,
  migrated: t`the control plane already routes this volume through the CSI driver`,
  unknownPhase: t`(unknown)`,
};

const claimText = (c: { namespace: string; name: string }): Text => t`${ns(c.namespace)}/${named(c.name)}`;
const usersText = (users: readonly ObjectRef[]): Text => join(users.map(refText));

/** Evidence for a use: the source field, phase, claim, StorageClass and consumers. */
export function storageEvidence(use: StorageUse, consumers: ClaimConsumers): EvidenceDraft[] {
  if (use.kind === 'sc') {
    return [
      { source: 'field', path: t`provisioner`, value: [api(use.sc.provisioner)], detail: say.provisioner },
      ...(use.sc.isDefault
        ? [
            {
              source: 'annotation' as const,
              path: t`metadata.annotations[storageclass.kubernetes.io/is-default-class]`,
              value: t`true`,
              detail: say.defaultClass,
            },
          ]
        : []),
    ];
  }
  if (use.kind === 'inline') {
    const path = t`${use.subject.specPath}.volumes[${named(use.volume)}].${api(use.plugin)}`;
    return [{ source: 'field', path, detail: say.inline(use.plugin) }];
  }
  const pv = use.pv;
  const claim = pv.claimRef;
  const users = claim ? (consumers.get(`${claim.namespace}/${claim.name}`) ?? []) : [];
  const ev: EvidenceDraft[] = [
    { source: 'field', path: t`spec.${api(use.plugin)}`, detail: say.source(use.plugin) },
    {
      source: 'field',
      path: t`status.phase`,
      value: pv.phase === undefined ? say.unknownPhase : [setting(pv.phase)],
      detail: isBound(pv) ? say.bound : say.unbound,
    },
  ];
  if (pv.storageClassName)
    ev.push({
      source: 'field',
      path: t`spec.storageClassName`,
      value: [named(pv.storageClassName)],
      detail: say.storageClass,
    });
  if (claim)
    ev.push({
      source: 'field',
      path: t`spec.claimRef`,
      value: claimText(claim),
      detail: users.length > 0 ? say.mountedBy(usersText(users)) : say.noMount,
    });
  const migrated = pv.metadata.annotations['pv.kubernetes.io/migrated-to'];
  if (migrated)
    ev.push({
      source: 'annotation',
      path: t`metadata.annotations[pv.kubernetes.io/migrated-to]`,
      value: [api(migrated)],
      detail: say.migrated,
    });
  return ev;
}

/** 'PersistentVolume pv-1 (Bound to shop/data, used by StatefulSet shop/db)' and the like. */
export function describeUse(use: StorageUse, consumers: ClaimConsumers): Text {
  if (use.kind === 'sc')
    return t`StorageClass ${named(use.sc.metadata.name)}${use.sc.isDefault ? ' (the default StorageClass)' : ''}`;
  if (use.kind === 'inline') return t`${refText(use.subject.ref)} (inline volume ${named(use.volume)})`;
  const pv = use.pv;
  const name = named(pv.metadata.name);
  if (!pv.claimRef || !isBound(pv))
    return t`PersistentVolume ${name} (${pv.phase === undefined ? 'phase unknown' : setting(pv.phase)}, not bound to a claim)`;
  const users = consumers.get(`${pv.claimRef.namespace}/${pv.claimRef.name}`) ?? [];
  return t`PersistentVolume ${name} (Bound to claim ${claimText(pv.claimRef)}${users.length > 0 ? t`, used by ${usersText(users)}` : ''})`;
}
