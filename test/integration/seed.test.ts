import { UNLABELLED_NAMESPACES } from '../../lib/rules/pod-security-levels';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { kubeOk, kubeRequest } from '../cluster-harness/harness/kube-request';
import {
  allScenarios,
  decodeHelmRelease,
  describeKey,
  keyOf,
  objectPath,
  seedScenarios,
  type Manifest,
  type ObjectKey,
} from '../cluster-harness/scenarios/index';
import { testCluster } from './test-cluster';

const cluster = testCluster();
const reader = cluster.tokens.reader;

interface Stored extends Manifest {
  metadata: Manifest['metadata'] & {
    managedFields?: { manager: string; operation: string; apiVersion: string; time: string }[];
    annotations?: Record<string, string>;
  };
}
interface HelmRecord {
  name: string;
  namespace: string;
  version: number;
  info: { status: string };
  manifest: string;
  hooks?: { manifest: string }[];
}

const read = (key: ObjectKey) => kubeOk<Stored>(cluster, 'GET', objectPath(key), undefined, reader);
const id = (k: ObjectKey) => `${k.kind}|${k.namespace ?? ''}|${k.name}`;
const isHelmRecord = (m: Manifest) => m.metadata.name.startsWith('sh.helm.release.v1.');

function documents(yaml: string): ObjectKey[] {
  return parseAllDocuments(yaml)
    .map((d) => d.toJS() as { kind?: string; metadata?: { name?: string } } | null)
    .filter((o): o is { kind: string; metadata: { name: string } } => Boolean(o?.kind && o.metadata?.name))
    .map((o) => ({ kind: o.kind, name: o.metadata.name }));
}

describe('seeded scenarios', () => {
  beforeAll(async () => {
    // The global setup seeds unless RELEASE_LENS_TEST_SEED=0; seed here in that case.
    if (cluster.seededScenarios.length === 0) await seedScenarios(cluster, allScenarios);
  });

  it('reads back every seeded object through the reader', async () => {
    const missing: string[] = [];
    for (const scenario of allScenarios) {
      for (const obj of scenario.objects) {
        const res = await kubeRequest<Stored>(cluster, 'GET', objectPath(keyOf(obj.manifest)), undefined, reader);
        if (res.status !== 200 || res.body.metadata.name !== obj.manifest.metadata.name) {
          missing.push(`${scenario.name}: ${describeKey(keyOf(obj.manifest))} -> ${res.status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps the write version and field manager in managedFields', async () => {
    for (const scenario of allScenarios) {
      for (const obj of scenario.objects.filter((o) => o.fieldManager)) {
        const stored = await read(keyOf(obj.manifest));
        const entries = (stored.metadata.managedFields ?? []).map((m) => `${m.manager}@${m.apiVersion}`);
        expect(entries, describeKey(keyOf(obj.manifest))).toContain(
          `${obj.fieldManager}@${obj.apiPath ?? obj.manifest.apiVersion}`,
        );
      }
    }
  });

  it('applied the follow-up writes', async () => {
    const apiPdb = await read({ kind: 'PodDisruptionBudget', namespace: 'rl-apis', name: 'api-pdb' });
    const helm = (v: string) =>
      apiPdb.metadata.managedFields?.find((m) => m.manager === 'helm' && m.apiVersion === v)?.time ?? '';
    expect(helm('policy/v1beta1')).not.toBe('');
    expect(helm('policy/v1') > helm('policy/v1beta1')).toBe(true);

    const cachePdb = await read({ kind: 'PodDisruptionBudget', namespace: 'rl-apis', name: 'cache-pdb' });
    expect(cachePdb.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toContain(
      '"apiVersion":"policy/v1"',
    );

    const pod = await read({ kind: 'Pod', namespace: 'rl-docker', name: 'payments-api' });
    const ephemeral =
      (pod.spec as { ephemeralContainers?: { env?: { name: string; value: string }[] }[] }).ephemeralContainers ?? [];
    expect(ephemeral.flatMap((c) => c.env ?? [])).toContainEqual({
      name: 'DOCKER_HOST',
      value: 'unix:///host/run/docker.sock',
    });
  });

  it('stores Helm releases the way Helm reads them', async () => {
    const records = allScenarios.flatMap((s) => s.objects.map((o) => o.manifest)).filter(isHelmRecord);
    expect(records.length).toBeGreaterThanOrEqual(9);
    for (const manifest of records) {
      const stored = await read(keyOf(manifest));
      const labels = stored.metadata.labels as Record<string, string>;
      const release = decodeHelmRelease(stored) as unknown as HelmRecord;
      expect(labels.owner).toBe('helm');
      expect(release.name).toBe(labels.name);
      expect(String(release.version)).toBe(labels.version);
      expect(release.info.status).toBe(labels.status);
      expect(release.namespace).toBe(stored.metadata.namespace);
    }
  });

  it('matches what 1.24 does with fields it does not serve', async () => {
    // spec.configSource is dropped while DynamicKubeletConfig is off, hence no expected finding for this node.
    const node = await read({ kind: 'Node', name: 'kubeadm-worker-dkc' });
    expect((node.spec as Record<string, unknown>).configSource).toBeUndefined();
    const nodeInfo = (node.status as { nodeInfo: { kubeletVersion: string } }).nodeInfo;
    expect(nodeInfo.kubeletVersion).toBe('v1.24.17');
  });

  it('has expectations that point at seeded objects', async () => {
    const live = new Set(
      allScenarios.flatMap((s) => [
        ...s.objects.map((o) => id(keyOf(o.manifest))),
        ...s.namespaces.map((name) => id({ kind: 'Namespace', name })),
      ]),
    );
    // The one grouped finding about namespaces without a Pod Security label is about all of them.
    live.add(id({ kind: 'Namespace', name: UNLABELLED_NAMESPACES }));
    const inReleases = new Set<string>();
    for (const manifest of allScenarios.flatMap((s) => s.objects.map((o) => o.manifest)).filter(isHelmRecord)) {
      const release = decodeHelmRelease(await read(keyOf(manifest))) as unknown as HelmRecord;
      const docs = [release.manifest, ...(release.hooks ?? []).map((h) => h.manifest)].flatMap(documents);
      for (const d of docs) inReleases.add(id({ ...d, namespace: release.namespace }));
      inReleases.add(id({ kind: 'Release', namespace: release.namespace, name: release.name }));
    }
    for (const scenario of allScenarios) {
      const expected = scenario.expect.map(id);
      for (const key of [...scenario.expect, ...scenario.clean, ...(scenario.anomalies ?? [])]) {
        expect(live.has(id(key)) || inReleases.has(id(key)), `${scenario.name}: ${describeKey(key)}`).toBe(true);
      }
      for (const key of scenario.clean)
        expect(expected, `${scenario.name}: ${describeKey(key)} is both expected and clean`).not.toContain(id(key));
    }
  });
});
