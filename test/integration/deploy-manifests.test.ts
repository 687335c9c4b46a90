import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseRegistry } from '../../lib/fleet/registry';
import { describe, expect, it } from 'vitest';
import { kubeRequest } from '../cluster-harness/harness/kube-request';
import { testCluster } from './test-cluster';

const cluster = testCluster();
const deployDir = path.join(import.meta.dirname, '..', '..', 'deploy');

interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
}

/** Where each kind the manifests hold is created; a kind missing here fails the test until it is added. */
const COLLECTIONS: Record<string, { base: string; resource: string; namespaced: boolean }> = {
  Namespace: { base: '/api/v1', resource: 'namespaces', namespaced: false },
  ServiceAccount: { base: '/api/v1', resource: 'serviceaccounts', namespaced: true },
  Service: { base: '/api/v1', resource: 'services', namespaced: true },
  ConfigMap: { base: '/api/v1', resource: 'configmaps', namespaced: true },
  PersistentVolumeClaim: { base: '/api/v1', resource: 'persistentvolumeclaims', namespaced: true },
  ClusterRole: { base: '/apis/rbac.authorization.k8s.io/v1', resource: 'clusterroles', namespaced: false },
  ClusterRoleBinding: {
    base: '/apis/rbac.authorization.k8s.io/v1',
    resource: 'clusterrolebindings',
    namespaced: false,
  },
  Deployment: { base: '/apis/apps/v1', resource: 'deployments', namespaced: true },
  CronJob: { base: '/apis/batch/v1', resource: 'cronjobs', namespaced: true },
};

/**
 * Paths of `sent` that are not in `got`: a 1.24 API server drops unknown fields without a word (strict field
 * validation came later), so a field it did not keep is a typo or a field this release does not know.
 */
function dropped(sent: unknown, got: unknown, at = ''): string[] {
  if (typeof sent !== 'object' || sent === null) return [];
  if (typeof got !== 'object' || got === null) return [at];
  return Object.entries(sent).flatMap(([k, v]) =>
    k in got ? dropped(v, (got as Record<string, unknown>)[k], `${at}.${k}`) : [`${at}.${k}`],
  );
}

const manifests = readdirSync(deployDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(deployDir, file), 'utf8'))
      .map((d) => d.toJS() as Obj | null)
      .filter((o): o is Obj => o !== null)
      .map((obj) => ({ file, obj })),
  );

describe('the deploy/ manifests', () => {
  it('hold the dashboard, its service, the agent CronJob and the read-only role', () => {
    const kinds = manifests.map(({ obj }) => `${obj.kind}/${obj.metadata.name}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Deployment/release-lens',
        'Service/release-lens',
        'CronJob/release-lens-agent',
        'ClusterRole/release-lens-reader',
        'ClusterRoleBinding/release-lens-reader',
        'ConfigMap/release-lens-clusters',
      ]),
    );
  });

  it('ship a registry of clusters the dashboard reads, naming the path the Deployment mounts', () => {
    const configMap = manifests.find(({ obj }) => obj.kind === 'ConfigMap')?.obj;
    const data = (configMap?.data ?? {}) as Record<string, string>;
    const text = data['clusters.yaml'] ?? '';
    expect(parseRegistry(text, '/etc/release-lens/fleet/clusters.yaml')).toEqual([
      { id: 'home', name: 'This cluster', target: '1.25', access: { kind: 'in-cluster' }, everyMs: 21_600_000 },
    ]);
    expect(readFileSync(path.join(deployDir, 'dashboard.yaml'), 'utf8')).toContain(
      'value: /etc/release-lens/fleet/clusters.yaml',
    );
  });

  it.each(manifests.map(({ file, obj }) => [`${file}: ${obj.kind}/${obj.metadata.name}`, obj] as const))(
    'pass a server-side dry run on kube-apiserver v1.24.17, every field kept: %s',
    async (_, obj) => {
      const where = COLLECTIONS[obj.kind];
      expect(where, `no collection known for ${obj.kind}`).toBeDefined();
      if (!where) return;
      // Dry run only: nothing is stored. Namespaced objects go to `default`, which exists in every cluster; a name of
      // its own, since other tests of this shared cluster may have applied the same manifest for real.
      const name = `${obj.metadata.name}-dry-${randomBytes(3).toString('hex')}`;
      const metadata = { ...obj.metadata, name, ...(where.namespaced ? { namespace: 'default' } : {}) };
      const body = { ...obj, metadata };
      const ns = where.namespaced ? '/namespaces/default' : '';
      const res = await kubeRequest(cluster, 'POST', `${where.base}${ns}/${where.resource}?dryRun=All`, body);
      expect(res.status, res.text).toBe(201);
      expect(dropped(body, res.body)).toEqual([]);
      // Still not there: a dry run leaves the cluster as it was.
      const after = await kubeRequest(cluster, 'GET', `${where.base}${ns}/${where.resource}/${name}`);
      expect(after.status).toBe(404);
    },
  );

  it('run the containers as non-root on a read-only root filesystem, with no capability', () => {
    interface PodSpec {
      securityContext?: unknown;
      containers: { securityContext?: unknown }[];
    }
    interface WithTemplate {
      template?: { spec?: PodSpec };
      jobTemplate?: { spec?: { template?: { spec?: PodSpec } } };
    }
    const specs = manifests.flatMap(({ obj }) => {
      const spec = obj.spec as WithTemplate | undefined;
      const pod = obj.kind === 'CronJob' ? spec?.jobTemplate?.spec?.template?.spec : spec?.template?.spec;
      return pod ? [pod] : [];
    });
    expect(specs.length).toBe(2);
    for (const pod of specs) {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      for (const c of pod.containers) {
        expect(c.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
      }
    }
  });
});
