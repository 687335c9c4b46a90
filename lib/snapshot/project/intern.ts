import type { PodSpec } from '../../model/snapshot';

/**
 * Shares identical projected pod specs. Pods of one ReplicaSet (and the ReplicaSets of one Deployment) have the
 * same spec apart from nodeName, so specs are keyed by the canonical JSON of everything but nodeName: pods with an
 * equal spec on the same node get the very same object, and pods on other nodes get a shallow copy that shares
 * every nested array and object. Projection builds keys in a fixed order and sorts map keys, so JSON.stringify is
 * canonical here. Interned specs are shared: treat them as read-only.
 */
export class PodSpecInterner {
  private readonly byBody = new Map<string, Map<string, PodSpec>>();
  private count = 0;

  /** Returns the shared spec equal to `spec`, remembering `spec` when it is the first of its kind. */
  intern(spec: PodSpec): PodSpec {
    const { nodeName, ...body } = spec;
    const key = JSON.stringify(body);
    const node = nodeName ?? '';
    let perNode = this.byBody.get(key);
    if (!perNode) {
      perNode = new Map();
      this.byBody.set(key, perNode);
    }
    const hit = perNode.get(node);
    if (hit) return hit;
    const first = perNode.values().next();
    let shared = spec;
    if (!first.done) {
      // Reuse the nested objects of a spec already kept for another node; only nodeName differs.
      const { nodeName: _other, ...rest } = first.value;
      shared = nodeName === undefined ? rest : { ...rest, nodeName };
    }
    perNode.set(node, shared);
    this.count += 1;
    return shared;
  }

  /** How many distinct spec objects are held. */
  get size(): number {
    return this.count;
  }

  /** How many distinct specs there are when nodeName is ignored. */
  get bodies(): number {
    return this.byBody.size;
  }
}
