import type { Pod, Snapshot, Workload } from '../../../model/snapshot';
import type { PodSubject } from '../subjects';
import { podSubjects } from '../subjects';
import { PSP_ANNOTATION } from './namespace-summary';

/** Pods admitted by one PSP, grouped on their top-level owner (or the pod itself when it has none). */
export interface PspGroup {
  psp: string;
  subject: PodSubject;
  owner?: Workload;
  pods: Pod[];
}

/** Pods carrying kubernetes.io/psp, grouped by PSP and top-level owner so a Deployment's pods make one group. */
export function pspGroups(snapshot: Snapshot): PspGroup[] {
  // Most clusters have no pod admitted by a PSP any more: the lookups are built for the first one that is.
  let workloads: Map<string, Workload> | undefined;
  let pods: Map<string, Pod> | undefined;
  const out = new Map<string, PspGroup>();
  for (const s of podSubjects(snapshot)) {
    if (s.from !== 'pod' || !s.metadata.annotations[PSP_ANNOTATION]) continue;
    workloads ??= new Map(
      snapshot.workloads.map((w) => [`${w.kind}/${w.metadata.namespace ?? ''}/${w.metadata.name}`, w]),
    );
    pods ??= new Map(snapshot.pods.map((p) => [p.metadata.uid, p]));
    const pod = pods.get(s.metadata.uid);
    const psp = pod?.metadata.annotations[PSP_ANNOTATION];
    if (!pod || !psp) continue;
    const owner = s.owner ? workloads.get(`${s.owner.kind}/${s.owner.namespace ?? ''}/${s.owner.name}`) : undefined;
    const key = `${psp}\u0000${owner ? `${owner.kind}/${owner.metadata.uid}` : pod.metadata.uid}`;
    const group: PspGroup = out.get(key) ?? { psp, subject: s, ...(owner ? { owner } : {}), pods: [] };
    group.pods.push(pod);
    out.set(key, group);
  }
  return [...out.values()];
}
