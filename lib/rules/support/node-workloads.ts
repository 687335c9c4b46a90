import type { ObjectRef, Snapshot, Workload } from '../../model/snapshot';
import { refOf } from './object-refs';
import { topOwner } from './subjects';

/** A workload with pods on a node: its top-level controller (or the pod itself), and how many of its pods. */
export interface NodeWorkload {
  ref: ObjectRef;
  pods: number;
  /** A static pod's mirror: it lives in the node's manifest directory, not in a controller. */
  static: boolean;
}

/**
 * The workloads with pods scheduled on each node, by top-level controller: what moves (or stops) when the node
 * is drained or its runtime changes. Largest first, then by kind and name.
 */
export function workloadsByNode(
  snapshot: Pick<Snapshot, 'pods' | 'workloads'>,
  onlyNodes?: ReadonlySet<string>,
): Map<string, NodeWorkload[]> {
  const out = new Map<string, Map<string, NodeWorkload>>();
  if (onlyNodes?.size === 0) return new Map();
  const byUid = new Map<string, Workload>(snapshot.workloads.map((w) => [w.metadata.uid, w]));
  for (const p of snapshot.pods) {
    const nodeName = p.spec.nodeName;
    if (nodeName === undefined || (onlyNodes !== undefined && !onlyNodes.has(nodeName))) continue;
    const owner = topOwner(p.metadata, byUid);
    const ref = owner ? refOf(owner.apiVersion, owner.kind, owner.metadata) : refOf('v1', 'Pod', p.metadata);
    const key = `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
    const onNode = out.get(nodeName) ?? new Map<string, NodeWorkload>();
    const entry = onNode.get(key) ?? { ref, pods: 0, static: p.mirror && owner === undefined };
    entry.pods += 1;
    onNode.set(key, entry);
    out.set(nodeName, onNode);
  }
  const sorted = new Map<string, NodeWorkload[]>();
  for (const [nodeName, m] of out) {
    sorted.set(
      nodeName,
      [...m.values()].sort(
        (a, b) => b.pods - a.pods || a.ref.kind.localeCompare(b.ref.kind) || a.ref.name.localeCompare(b.ref.name),
      ),
    );
  }
  return sorted;
}
