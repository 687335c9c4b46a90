import { randomUUID } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { RESOURCE_KEYS } from '../../lib/model/resources';
import { collectSnapshot, type CollectOptions } from '../../lib/sources/cluster/collect/collect-snapshot';
import { renderRbacManifest } from '../../lib/sources/cluster/collect/rbac';
import { connect } from '../../lib/sources/cluster/connect';
import { testKubeconfig } from '../../lib/sources/cluster/testing/connect-fake';
import { parseEnv } from '../../lib/env';
import { parseDeprecatedApiRequests } from '../../lib/snapshot/metrics';
import type { CoverageEntry, Snapshot } from '../../lib/model/snapshot';
import type { ResourceKey } from '../../lib/model/resources';
import { readAuditEvents, type AuditEvent } from '../cluster-harness/harness/audit';
import { kubeOk, kubeRequest } from '../cluster-harness/harness/kube-request';
import { USERS } from '../cluster-harness/harness/users';
import { testCluster } from './test-cluster';
import { renderText } from '../../lib/model/text';
import * as wire from '../../lib/sources/cluster/wire/pod-wire';

const cluster = testCluster();
const READ_VERBS = ['get', 'list', 'watch'];

interface ScanRun {
  snapshot: Snapshot;
  ms: number;
  /** This scan's audit events (ResponseComplete), told apart by a user agent of its own. */
  audit: () => Promise<AuditEvent[]>;
}

/** Scans through the upload path (sanitizer, host policy, inline credentials only), as a browser upload would. */
async function scanAs(
  context: string,
  options: CollectOptions = {},
  kubeconfig = cluster.kubeconfigYaml,
): Promise<ScanRun> {
  const userAgent = `release-lens-integration/${randomUUID()}`;
  const env = parseEnv({});
  const conn = await connect({ kind: 'upload', kubeconfig, context }, { env, userAgent });
  const started = Date.now();
  try {
    const snapshot = await collectSnapshot(conn, { env, ...options });
    const ms = Date.now() - started;
    const audit = async () =>
      (await readAuditEvents(cluster.auditLogPath, { timeoutMs: 3000 })).filter((e) => e.userAgent === userAgent);
    return { snapshot, ms, audit };
  } finally {
    conn.close();
  }
}

async function deprecatedSeries(): Promise<Set<string>> {
  const text = await kubeOk<string>(cluster, 'GET', '/metrics');
  return new Set(parseDeprecatedApiRequests(String(text)).map((r) => `${r.group}/${r.version}/${r.resource}`));
}

/** The coverage entry of a resource, its message rendered to text. */
const cov = (s: Snapshot, r: ResourceKey) => {
  const entry: CoverageEntry | undefined = s.coverage.find((c) => c.resource === r);
  return entry && { ...entry, message: entry.message === undefined ? undefined : renderText(entry.message) };
};
/** A value with every array sorted, so two reads that only differ in arrival order compare equal. */
const canonical = (v: unknown): unknown => {
  if (Array.isArray(v)) {
    return v.map(canonical).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  }
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, canonical(x)]));
  }
  return v;
};
const statuses = (s: Snapshot) => Object.fromEntries(s.coverage.map((c) => [c.resource, c.status]));

describe('collectSnapshot against kube-apiserver v1.24.17, as the cluster-wide reader', () => {
  it('reads a large collection namespace by namespace with the same objects as one chain of pages', async () => {
    const uids = (s: Snapshot) => ({
      pods: s.pods.map((p) => p.metadata.uid).sort(),
      workloads: s.workloads.map((w) => `${w.kind}/${w.metadata.uid}`).sort(),
    });
    // A threshold of 5 sends every namespaced collection with more than 5 objects through the lanes.
    const lanes = await scanAs('reader', { laneThreshold: 5, pageSize: 7 });
    const chain = await scanAs('reader', { laneThreshold: Number.MAX_SAFE_INTEGER, pageSize: 7 });
    expect(lanes.snapshot.pods.length).toBeGreaterThan(5);
    expect(uids(lanes.snapshot)).toEqual(uids(chain.snapshot));
    expect(cov(lanes.snapshot, 'pods')?.message).toMatch(
      /^Read namespace by namespace \(\d+ namespaces, 4 at a time\)/,
    );
    expect(cov(chain.snapshot, 'pods')?.message ?? '').not.toContain('namespace by namespace');
    // Only reads: a count, the namespaces, and a list per namespace.
    const verbs = new Set((await lanes.audit()).map((e) => e.verb));
    expect([...verbs].every((v) => READ_VERBS.includes(v))).toBe(true);
  });

  it('reads pods as protobuf into exactly the snapshot JSON gives, pages and all', async () => {
    // The API server answers protobuf to the Accept a pod list sends.
    const conn = await connect(
      { kind: 'upload', kubeconfig: cluster.kubeconfigYaml, context: 'reader' },
      { env: parseEnv({}), userAgent: 'release-lens-integration/protobuf' },
    );
    try {
      const res = await conn.get('/api/v1/pods?limit=1', { accept: wire.POD_LIST_ACCEPT });
      expect(res.contentType).toBe('application/vnd.kubernetes.protobuf');
    } finally {
      conn.close();
    }
    const collectedAt = new Date('2026-01-01T00:00:00Z');
    const decoders = vi.spyOn(wire, 'podListDecoder');
    const protobuf = await scanAs('reader', { protobuf: true, pageSize: 7, collectedAt });
    expect(decoders).toHaveBeenCalled();
    decoders.mockClear();
    const json = await scanAs('reader', { protobuf: false, pageSize: 7, collectedAt });
    expect(decoders).not.toHaveBeenCalled();
    decoders.mockRestore();
    // More pods than one page holds: continue tokens read from protobuf list metadata too.
    expect(protobuf.snapshot.pods.length).toBeGreaterThan(7);
    expect(protobuf.snapshot.coverage.find((c) => c.resource === 'pods')?.status).toBe('ok');
    // Resources are read side by side, so their items may arrive in another order; and the first scan's own
    // PodSecurityPolicy read may show in the metric the second one reads. That aside, the same snapshot.
    const same = (s: Snapshot) => canonical({ ...s, deprecatedApiRequests: undefined });
    expect(same(protobuf.snapshot)).toEqual(same(json.snapshot));
    expect(protobuf.snapshot.pods).toEqual(json.snapshot.pods);
  });

  let run: ScanRun;
  let before: Set<string>;
  let after: Set<string>;
  let audit: AuditEvent[];

  beforeAll(async () => {
    before = await deprecatedSeries();
    // A tiny page size so every list of more than 7 objects takes several pages.
    run = await scanAs('reader', { pageSize: 7 });
    after = await deprecatedSeries();
    audit = await run.audit();
  });

  it('reads every resource, through the non-deprecated versions', () => {
    const s = run.snapshot;
    expect(s.serverVersion?.gitVersion).toBe('v1.24.17');
    expect(s.coverage.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(s.coverage).toHaveLength(RESOURCE_KEYS.length);
    expect(cov(s, 'horizontalpodautoscalers')?.apiVersion).toBe('autoscaling/v2');
    expect(cov(s, 'poddisruptionbudgets')?.apiVersion).toBe('policy/v1');
    expect(cov(s, 'cronjobs')?.apiVersion).toBe('batch/v1');
    expect(cov(s, 'flowschemas')?.apiVersion).toBe('flowcontrol.apiserver.k8s.io/v1beta2');
    expect(cov(s, 'csistoragecapacities')?.apiVersion).toBe('storage.k8s.io/v1');
    expect(cov(s, 'podsecuritypolicies')).toMatchObject({ apiVersion: 'policy/v1beta1', deprecatedVersionRead: true });
    expect(s.podSecurityPolicies.length).toBeGreaterThan(0);
    expect(s.nodes.length).toBeGreaterThan(5);
    expect(s.helmReleases.length).toBeGreaterThan(0);
    expect(s.servedGroupVersions).toEqual(expect.arrayContaining(['v1', 'batch/v1beta1', 'policy/v1beta1']));
    expect(run.ms).toBeLessThan(60_000);
  });

  it('really pages: lists with more objects than the page size were read with continue tokens', () => {
    const pages = audit.filter((e) => e.verb === 'list' && e.requestURI.includes('continue='));
    expect(pages.length).toBeGreaterThan(1);
    expect(audit.filter((e) => e.verb === 'list' && e.requestURI.startsWith('/api/v1/pods?')).length).toBeGreaterThan(
      1,
    );
    // Pages of 7, but the one-item pages that ask the server how large a pod or workload collection is.
    const probe = /[?&]limit=1(&|$)/;
    expect(
      audit.filter((e) => e.verb === 'list' && !e.requestURI.includes('limit=7')).map((e) => e.requestURI),
    ).toEqual(audit.filter((e) => e.verb === 'list' && probe.test(e.requestURI)).map((e) => e.requestURI));
  });

  it('the audit log shows only get/list from the scanning user', () => {
    expect(audit.length).toBeGreaterThan(40);
    expect(new Set(audit.map((e) => e.user.username))).toEqual(new Set([USERS.reader.name]));
    expect(audit.filter((e) => !READ_VERBS.includes(e.verb))).toEqual([]);
  });

  it('calls no deprecated API except policy/v1beta1 podsecuritypolicies', () => {
    const deprecated = audit.filter((e) => e.annotations?.['k8s.io/deprecated'] === 'true');
    expect(
      deprecated.map((e) => `${e.objectRef?.apiGroup}/${e.objectRef?.apiVersion}/${e.objectRef?.resource}`),
    ).toEqual(['policy/v1beta1/podsecuritypolicies']);
    const added = [...after].filter((k) => !before.has(k));
    expect(added.every((k) => k === 'policy/v1beta1/podsecuritypolicies')).toBe(true);
    expect(after.has('policy/v1beta1/podsecuritypolicies')).toBe(true);
  });

  it('reads Secret values only for Helm records; token Secrets and kube-system ConfigMaps as metadata', () => {
    const secretLists = audit.filter((e) => e.objectRef?.resource === 'secrets');
    expect(
      secretLists.every((e) =>
        /labelSelector=owner%3Dhelm|fieldSelector=type%3Dkubernetes.io%2Fservice-account-token/.test(e.requestURI),
      ),
    ).toBe(true);
    expect(run.snapshot.serviceAccountTokens.length).toBeGreaterThan(0);
    const kubeSystem = audit.filter(
      (e) => e.objectRef?.resource === 'configmaps' && e.objectRef.namespace === 'kube-system',
    );
    expect(kubeSystem.every((e) => e.verb === 'list' || e.objectRef?.name === 'kubeadm-config')).toBe(true);
  });
});

describe('collectSnapshot as team-a (one namespace only)', () => {
  let run: ScanRun;
  beforeAll(async () => {
    run = await scanAs('team-a');
  });

  it('is a partial snapshot: cluster-scoped and other-namespace reads forbidden, its own namespace read', async () => {
    const s = statuses(run.snapshot);
    for (const r of [
      'nodes',
      'persistentvolumes',
      'storageclasses',
      'csidrivers',
      'priorityclasses',
      'podsecuritypolicies',
      'customresourcedefinitions',
      'kubeadmconfig',
      'metrics',
    ] as const) {
      expect(s[r], r).toBe('forbidden');
    }
    for (const r of [
      'pods',
      'deployments',
      'cronjobs',
      'helmsecrets',
      'serviceaccounttokens',
      'poddisruptionbudgets',
      'events',
    ] as const) {
      expect(s[r], r).toBe('ok');
      expect(cov(run.snapshot, r)?.message).toContain('Only namespace team-a was read');
    }
    expect(s.version).toBe('ok');
    expect(s.discovery).toBe('ok');
    expect(cov(run.snapshot, 'nodes')?.message).toContain('cannot list resource "nodes"');
    expect(run.snapshot.workloads.every((w) => w.metadata.namespace === 'team-a')).toBe(true);
    expect(run.snapshot.workloads.map((w) => w.metadata.name)).toContain('team-a-api');
    expect(run.snapshot.nodes).toEqual([]);
    const audit = await run.audit();
    expect(audit.filter((e) => !READ_VERBS.includes(e.verb))).toEqual([]);
  });
});

describe('the committed in-cluster RBAC manifest', () => {
  it('is enough for a complete scan, and grants no write', async () => {
    for (const doc of parseAllDocuments(renderRbacManifest())) {
      const m = doc.toJS() as { kind: string; metadata: { name: string; namespace?: string } };
      const path = {
        Namespace: '/api/v1/namespaces',
        ServiceAccount: `/api/v1/namespaces/${m.metadata.namespace}/serviceaccounts`,
        ClusterRole: '/apis/rbac.authorization.k8s.io/v1/clusterroles',
        ClusterRoleBinding: '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
      }[m.kind];
      const res = await kubeRequest(cluster, 'POST', path ?? '', m);
      expect([201, 409]).toContain(res.status);
    }
    const tr = await kubeOk<{ status: { token: string } }>(
      cluster,
      'POST',
      '/api/v1/namespaces/release-lens/serviceaccounts/release-lens/token',
      {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: { expirationSeconds: 600 },
      },
    );
    const kubeconfig = testKubeconfig(cluster.server, { token: tr.status.token, caPem: cluster.caPem });
    const run = await scanAs('test', {}, kubeconfig);
    expect(run.snapshot.coverage.filter((c) => c.status !== 'ok')).toEqual([]);
    const audit = await run.audit();
    expect(new Set(audit.map((e) => e.user.username))).toEqual(
      new Set(['system:serviceaccount:release-lens:release-lens']),
    );
    expect(audit.filter((e) => (e.responseStatus?.code ?? 0) >= 400)).toEqual([]);
    const write = await kubeRequest(
      cluster,
      'POST',
      '/api/v1/namespaces/release-lens/configmaps',
      { metadata: { name: 'x' } },
      tr.status.token,
    );
    expect(write.status).toBe(403);
  });
});
