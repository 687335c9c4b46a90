import type { RemovedApi } from '../../catalog/schema';
import type { ApiEvidenceObject, ManagedFieldsEntry } from '../../model/snapshot';
import { minorOf } from '../../model/releases';
import { groupVersionOf, removedApisForKind } from './removed-apis';

/**
 * Control-plane components upgrade with the cluster, so their old writes say nothing about clients. The last one is
 * kube-apiserver maintaining the built-in FlowSchemas and PriorityLevelConfigurations.
 */
const CONTROL_PLANE_MANAGERS = new Set([
  'kube-controller-manager',
  'kube-scheduler',
  'kube-apiserver',
  'kubelet',
  'api-priority-and-fairness-config-producer-v1',
]);

/** The manager kubectl's client-side apply records; it also maintains the last-applied annotation. */
export const CLIENT_SIDE_APPLY = 'kubectl-client-side-apply';

/** A write through the removed version, weighed against every later write to the object. */
export interface GradedWrite {
  entry: ManagedFieldsEntry;
  /**
   * live: no later write through a served version by anyone; superseded: another writer wrote the object later
   * through a served version (`by`), so the live object is fine but the old writer's source may not be;
   * unordered: a write through a served version exists but the times do not say which came last;
   * stale: kubectl's client-side apply wrote it, but the last-applied annotation, which every later kubectl apply
   * (client- or server-side) rewrites, now names a served version: the entry is history.
   */
  state: 'live' | 'superseded' | 'unordered' | 'stale';
  by?: ManagedFieldsEntry;
}

export interface ApiEvidenceGrade {
  writes: GradedWrite[];
  /** The last-applied annotation names the removed version and no later client-side apply went elsewhere. */
  lastApplied: boolean;
  /** A later write through a served version by another writer than the last kubectl apply. */
  lastAppliedSupersededBy?: ManagedFieldsEntry;
  /** The newest write to the object with a time, any version, any writer but the control plane. */
  latest?: ManagedFieldsEntry;
}

const timeOf = (e: ManagedFieldsEntry): number | undefined => {
  const t = e.time === undefined ? Number.NaN : Date.parse(e.time);
  return Number.isNaN(t) ? undefined : t;
};

/** 'later' when b is after a, 'earlier' otherwise, 'unknown' when either time is missing or they are equal. */
function order(a: ManagedFieldsEntry, b: ManagedFieldsEntry): 'later' | 'earlier' | 'unknown' {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta === undefined || tb === undefined || ta === tb) return 'unknown';
  return tb > ta ? 'later' : 'earlier';
}

/** Group/versions of the same kind gone by the time `api` is removed (including it). */
function goneWith(api: RemovedApi, all: readonly RemovedApi[]): Set<string> {
  const rows = removedApisForKind(all, api.group, api.kind).filter(
    (r) => minorOf(r.removedIn) <= minorOf(api.removedIn),
  );
  return new Set(rows.map(groupVersionOf));
}

/**
 * Writes that say something about a client: not the control plane's (it upgrades with the cluster) and not a
 * status update (a controller reporting status says nothing about the manifest the object came from).
 */
const clientWrites = (obj: ApiEvidenceObject) =>
  obj.managedFields.filter((e) => !CONTROL_PLANE_MANAGERS.has(e.manager) && e.subresource !== 'status');

/** The newest of the entries that have a time. */
function newest(entries: readonly ManagedFieldsEntry[]): ManagedFieldsEntry | undefined {
  let best: ManagedFieldsEntry | undefined;
  for (const e of entries) if (timeOf(e) !== undefined && (best === undefined || order(best, e) === 'later')) best = e;
  return best;
}

function gradeWrite(entry: ManagedFieldsEntry, obj: ApiEvidenceObject, gone: Set<string>): GradedWrite | undefined {
  const served = clientWrites(obj).filter((e) => !gone.has(e.apiVersion));
  const moved = served.filter((e) => e.manager === entry.manager);
  const orders = moved.map((e) => order(entry, e));
  if (orders.includes('later')) return undefined;
  const applied = obj.lastAppliedApiVersion;
  if (entry.manager === CLIENT_SIDE_APPLY && applied !== undefined && !gone.has(applied)) {
    return { entry, state: 'stale' };
  }
  const by = newest(served.filter((e) => e.manager !== entry.manager && order(entry, e) === 'later'));
  if (by) return { entry, state: 'superseded', by };
  return { entry, state: orders.includes('unknown') ? 'unordered' : 'live' };
}

/** Grades the removed-version evidence of one object for one removed API row. */
export function gradeApiEvidence(
  obj: ApiEvidenceObject,
  api: RemovedApi,
  all: readonly RemovedApi[],
): ApiEvidenceGrade {
  const gv = groupVersionOf(api);
  const gone = goneWith(api, all);
  const writes = clientWrites(obj)
    .filter((e) => e.apiVersion === gv)
    .flatMap((e) => gradeWrite(e, obj, gone) ?? []);
  let lastApplied = false;
  let lastAppliedSupersededBy: ManagedFieldsEntry | undefined;
  if (obj.lastAppliedApiVersion === gv) {
    const applies = obj.managedFields.filter((e) => e.manager === CLIENT_SIDE_APPLY);
    const oldApply = applies.find((e) => e.apiVersion === gv);
    const newer = applies.filter((e) => !gone.has(e.apiVersion));
    lastApplied = !newer.some((e) => oldApply === undefined || order(oldApply, e) === 'later');
    if (lastApplied && oldApply) {
      const others = clientWrites(obj).filter((e) => e.manager !== CLIENT_SIDE_APPLY && !gone.has(e.apiVersion));
      lastAppliedSupersededBy = newest(others.filter((e) => order(oldApply, e) === 'later'));
    }
  }
  const latest = newest(clientWrites(obj));
  return {
    writes,
    lastApplied,
    ...(lastAppliedSupersededBy ? { lastAppliedSupersededBy } : {}),
    ...(latest ? { latest } : {}),
  };
}
