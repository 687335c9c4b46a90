import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readAuditEvents, type AuditEvent } from '../cluster-harness/harness/audit';
import { kubeRequest, type KubeTarget } from '../cluster-harness/harness/kube-request';
import { USERS } from '../cluster-harness/harness/users';
import { testCluster } from './test-cluster';

const cluster = testCluster();
// Every request of this file carries this user agent, so its audit events can be told apart.
const userAgent = `release-lens-harness-test/${randomUUID()}`;
const call = (method: string, path: string, token?: string, body?: unknown) =>
  kubeRequest<{ gitVersion?: string; items?: unknown[] }>(cluster, method, path, body, token, { userAgent });

interface Kubeconfig {
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { name: string; user: { token: string } }[];
  contexts: { name: string; context: { cluster: string; user: string; namespace?: string } }[];
  'current-context': string;
}

describe('real-cluster harness', () => {
  it('serves kube-apiserver v1.24.17', async () => {
    const res = await call('GET', '/version');
    expect(res.status).toBe(200);
    expect(res.body.gitVersion).toBe('v1.24.17');
  });

  it('lets the reader list nodes and read secrets cluster-wide, and refuses its writes', async () => {
    expect((await call('GET', '/api/v1/nodes', cluster.tokens.reader)).status).toBe(200);
    expect((await call('GET', '/api/v1/secrets', cluster.tokens.reader)).status).toBe(200);
    const write = await call('POST', '/api/v1/namespaces/default/configmaps', cluster.tokens.reader, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'reader-must-not-write' },
    });
    expect(write.status).toBe(403);
  });

  it('confines team-a to its namespace', async () => {
    expect((await call('GET', '/api/v1/namespaces/team-a/pods', cluster.tokens.teamA)).status).toBe(200);
    expect((await call('GET', '/api/v1/namespaces/default/pods', cluster.tokens.teamA)).status).toBe(403);
    expect((await call('GET', '/api/v1/nodes', cluster.tokens.teamA)).status).toBe(403);
  });

  it('rejects a token that is not in the token file', async () => {
    expect((await call('GET', '/api/v1/nodes', `expired-${randomUUID()}`)).status).toBe(401);
  });

  it('writes a kubeconfig whose contexts reach the server with the inline CA', async () => {
    const kc = parse(cluster.kubeconfigYaml) as Kubeconfig;
    expect(kc.contexts.map((c) => c.name).sort()).toEqual(['admin', 'nobody', 'reader', 'team-a']);
    expect(kc['current-context']).toBe('admin');
    const entry = kc.clusters[0];
    expect(entry?.cluster.server).toBe(cluster.server);
    const caPem = Buffer.from(entry?.cluster['certificate-authority-data'] ?? '', 'base64').toString('utf8');
    const reader = kc.users.find((u) => u.name === 'reader')?.user.token ?? '';
    // A target built only from the kubeconfig: TLS verification uses the inline CA.
    const fromKubeconfig: KubeTarget = { server: entry?.cluster.server ?? '', caPem, tokens: { admin: reader } };
    const res = await kubeRequest(fromKubeconfig, 'GET', '/api/v1/namespaces', undefined, undefined, { userAgent });
    expect(res.status).toBe(200);
  });

  it('records each call in the audit log with its user, verb and status', async () => {
    const expected: [string, string, string, number][] = [
      [USERS.admin.name, 'get', '/version', 200],
      [USERS.reader.name, 'list', '/api/v1/nodes', 200],
      [USERS.reader.name, 'create', '/api/v1/namespaces/default/configmaps', 403],
      [USERS.teamA.name, 'list', '/api/v1/namespaces/team-a/pods', 200],
      [USERS.teamA.name, 'list', '/api/v1/namespaces/default/pods', 403],
      [USERS.reader.name, 'list', '/api/v1/namespaces', 200],
    ];
    const mine = (events: AuditEvent[]) => events.filter((e) => e.userAgent === userAgent);
    const matches = (e: AuditEvent, [user, verb, uri, code]: (typeof expected)[number]) =>
      e.user.username === user && e.verb === verb && e.requestURI === uri && e.responseStatus?.code === code;
    const events = mine(
      await readAuditEvents(cluster.auditLogPath, {
        until: (all) => expected.every((x) => mine(all).some((e) => matches(e, x))),
      }),
    );
    for (const x of expected)
      expect(
        events.some((e) => matches(e, x)),
        `audit event ${x.join(' ')}`,
      ).toBe(true);
    const readerWrites = events.filter(
      (e) => e.user.username === USERS.reader.name && !['get', 'list', 'watch'].includes(e.verb),
    );
    expect(readerWrites.map((e) => e.requestURI)).toEqual(['/api/v1/namespaces/default/configmaps']);
  });
});
