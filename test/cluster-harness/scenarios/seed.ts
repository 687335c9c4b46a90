import { kubeOk, kubeRequest, type KubeTarget } from '../harness/kube-request';
import { sleep } from '../harness/wait';
import type { Json } from './builders';
import { collectionPath, describeKey, keyOf, objectPath, resourceInfo } from './resources';
import type { Manifest, Scenario, SeedObject, SeedWrite } from './types';

export interface SeedResult {
  scenarios: string[];
  created: number;
  /** Objects that already existed (seeding twice into the same etcd). */
  skipped: number;
  writes: number;
  ms: number;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepMerge(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const current = out[k];
    out[k] = isObject(current) && isObject(v) ? deepMerge(current, v) : v;
  }
  return out;
}

function fail(scenario: string, what: string, err: unknown): never {
  const reason = err instanceof Error ? err.message : String(err);
  throw new Error(`seeding scenario "${scenario}" failed at ${what}: ${reason}`);
}

async function resolveOwners(cluster: KubeTarget, obj: SeedObject): Promise<Manifest> {
  if (!obj.owners?.length) return obj.manifest;
  const ownerReferences = [];
  for (const [i, owner] of obj.owners.entries()) {
    const found = await kubeOk<{ metadata: { uid: string } }>(cluster, 'GET', objectPath(owner));
    ownerReferences.push({
      apiVersion: resourceInfo(owner.kind).apiVersion,
      kind: owner.kind,
      name: owner.name,
      uid: found.metadata.uid,
      // Mirror pods point at their Node as controller, without blockOwnerDeletion.
      ...(i === 0 ? { controller: true, ...(owner.kind === 'Node' ? {} : { blockOwnerDeletion: true }) } : {}),
    });
  }
  return { ...obj.manifest, metadata: { ...obj.manifest.metadata, ownerReferences } };
}

/** Creates one object; returns false when it already existed. */
async function create(cluster: KubeTarget, obj: SeedObject): Promise<boolean> {
  const manifest = await resolveOwners(cluster, obj);
  const gv = obj.apiPath ?? manifest.apiVersion;
  const path = collectionPath(manifest.kind, gv, manifest.metadata.namespace);
  const res = await kubeRequest(cluster, 'POST', path, { ...manifest, apiVersion: gv }, undefined, {
    query: { fieldManager: obj.fieldManager },
  });
  if (res.status >= 200 && res.status <= 299) return true;
  if (res.status === 409 && res.text.includes('AlreadyExists')) return false;
  // Some creates fail validation before the existence check (a Service re-using its own static IP).
  const existing = await kubeRequest(cluster, 'GET', objectPath(keyOf(manifest)));
  if (existing.status === 200) return false;
  throw new Error(`POST ${path} -> ${res.status}: ${res.text.slice(0, 600)}`);
}

async function write(cluster: KubeTarget, manifest: Manifest, w: SeedWrite): Promise<void> {
  const gv = w.apiPath ?? manifest.apiVersion;
  const base = objectPath(keyOf(manifest), gv);
  const path = w.subresource ? `${base}/${w.subresource}` : base;
  const query = { fieldManager: w.fieldManager, ...(w.op === 'apply' ? { force: true } : {}) };
  switch (w.op) {
    case 'update': {
      const current = await kubeOk<Json>(cluster, 'GET', path);
      await kubeOk(cluster, 'PUT', path, deepMerge(current, { ...w.body, apiVersion: gv }), undefined, { query });
      return;
    }
    case 'merge-patch':
    case 'strategic-merge-patch':
      await kubeOk(cluster, 'PATCH', path, w.body, undefined, {
        query,
        contentType: `application/${w.op}+json`,
      });
      return;
    case 'apply':
      await kubeOk(cluster, 'PATCH', path, { ...w.body, apiVersion: gv }, undefined, {
        query,
        contentType: 'application/apply-patch+yaml',
      });
      return;
  }
}

async function waitEstablished(cluster: KubeTarget, name: string): Promise<void> {
  const path = objectPath({ kind: 'CustomResourceDefinition', name });
  for (let i = 0; i < 100; i++) {
    const crd = await kubeOk<{ status?: { conditions?: { type: string; status: string }[] } }>(cluster, 'GET', path);
    if (crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) return;
    await sleep(100);
  }
  throw new Error(`CRD ${name} never became Established`);
}

const phase = (o: SeedObject): number =>
  o.manifest.kind === 'Namespace' ? 0 : o.manifest.kind === 'CustomResourceDefinition' ? 1 : 2;

/**
 * Writes every scenario through the admin token: namespaces, then CRDs, then the rest in
 * order; then, at least one second later, the follow-up writes. Throws naming the object on
 * any rejected write.
 */
export async function seedScenarios(cluster: KubeTarget, scenarios: readonly Scenario[]): Promise<SeedResult> {
  const started = Date.now();
  const result: SeedResult = { scenarios: scenarios.map((s) => s.name), created: 0, skipped: 0, writes: 0, ms: 0 };
  const items = scenarios.flatMap((scenario) => {
    const declared = new Set(
      scenario.objects.filter((o) => o.manifest.kind === 'Namespace').map((o) => o.manifest.metadata.name),
    );
    const bareNamespaces: SeedObject[] = scenario.namespaces
      .filter((ns) => !declared.has(ns))
      .map((ns) => ({ manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } }));
    return [...bareNamespaces, ...scenario.objects].map((obj) => ({ scenario: scenario.name, obj }));
  });
  items.sort((a, b) => phase(a.obj) - phase(b.obj));

  const followUps: { scenario: string; obj: SeedObject }[] = [];
  let crdsReady = false;
  for (const { scenario, obj } of items) {
    if (!crdsReady && phase(obj) === 2) {
      for (const crd of items.filter((i) => phase(i.obj) === 1)) {
        await waitEstablished(cluster, crd.obj.manifest.metadata.name).catch((e: unknown) =>
          fail(crd.scenario, 'CRD', e),
        );
      }
      crdsReady = true;
    }
    const created = await create(cluster, obj).catch((e: unknown) =>
      fail(scenario, `${describeKey(keyOf(obj.manifest))} (create via ${obj.apiPath ?? obj.manifest.apiVersion})`, e),
    );
    if (created) {
      result.created++;
      if (obj.then?.length) followUps.push({ scenario, obj });
    } else {
      result.skipped++;
    }
  }

  if (followUps.length) {
    // managedFields times have one-second resolution: make follow-ups land in a later second.
    await sleep(1050 - (Date.now() % 1000));
    for (const { scenario, obj } of followUps) {
      for (const w of obj.then ?? []) {
        await write(cluster, obj.manifest, w).catch((e: unknown) =>
          fail(
            scenario,
            `${describeKey(keyOf(obj.manifest))} (${w.op}${w.subresource ? `/${w.subresource}` : ''} via ${w.apiPath ?? obj.manifest.apiVersion})`,
            e,
          ),
        );
        result.writes++;
      }
    }
  }
  result.ms = Date.now() - started;
  return result;
}
