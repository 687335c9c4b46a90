import type { PodSpec } from '../../model/snapshot';

/** How many distinct specs one owner's pods are compared against before they fall back to the keyed lookup. */
const SPECS_PER_OWNER = 4;

interface Body {
  /** The first spec kept with this body, whatever its nodeName. */
  first: PodSpec;
  /** The spec object handed out for each nodeName ('' for none). */
  perNode: Map<string, PodSpec>;
}

/**
 * True when two projected values are equal (plain JSON data: objects, arrays, strings, numbers, booleans), leaving
 * out the key `skip` of the two outer objects.
 */
function same(a: unknown, b: unknown, skip?: string): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!same(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (k === skip) continue;
    if (!Object.hasOwn(y, k) || !same(x[k], y[k])) return false;
    keys += 1;
  }
  for (const k in y) if (k !== skip) keys -= 1;
  return keys === 0;
}

/**
 * Shares identical projected pod specs. Pods of one ReplicaSet (and the ReplicaSets of one Deployment) have the
 * same spec apart from nodeName: pods with an equal spec on the same node get the very same object, and pods on
 * other nodes get a shallow copy that shares every nested array and object. Interned specs are shared: treat them
 * as read-only.
 *
 * A pod's spec is first compared with the few specs its owner's earlier pods had (`owner`, its controller's uid),
 * which is all most pods need; only a pod without an owner, or one unlike them, is looked up by the canonical JSON
 * of its spec without nodeName (projection builds keys in a fixed order and sorts map keys, so JSON.stringify is
 * canonical here). That lookup also shares equal specs between owners.
 */
export class PodSpecInterner {
  private readonly byBody = new Map<string, Body>();
  private readonly byOwner = new Map<string, Body[]>();
  private count = 0;

  /** Returns the shared spec equal to `spec`, remembering `spec` when it is the first of its kind. */
  intern(spec: PodSpec, owner?: string): PodSpec {
    const known = owner === undefined ? undefined : this.byOwner.get(owner);
    let body = known?.find((b) => same(b.first, spec, 'nodeName'));
    if (!body) {
      const { nodeName: _, ...rest } = spec;
      const key = JSON.stringify(rest);
      body = this.byBody.get(key);
      if (!body) {
        body = { first: spec, perNode: new Map() };
        this.byBody.set(key, body);
      }
      if (owner !== undefined) {
        if (!known) this.byOwner.set(owner, [body]);
        else if (known.length < SPECS_PER_OWNER) known.push(body);
      }
    }
    const node = spec.nodeName ?? '';
    const hit = body.perNode.get(node);
    if (hit) return hit;
    let shared = spec;
    if (body.perNode.size > 0) {
      // Reuse the nested objects of a spec already kept for another node; only nodeName differs.
      const { nodeName: _other, ...rest } = body.first;
      shared = spec.nodeName === undefined ? rest : { ...rest, nodeName: spec.nodeName };
    }
    body.perNode.set(node, shared);
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
