import { describe, expect, it } from 'vitest';
import { container, pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './legacy-sa-tokens';
import { plainRule } from './testing/plain';
import { ctx, tokenSecret } from './testing/objects';

const rule = plainRule(check);

const tokens = [
  tokenSecret('ci', 'deployer-token-abcde', 'deployer'),
  tokenSecret('ci', 'default-token-x1y2z', 'default'),
];

describe('legacy-sa-tokens', () => {
  it('flags a template that mounts a token Secret by name, through a secret or a projected volume', () => {
    const s = snapshot({
      serviceAccountTokens: tokens,
      workloads: [
        workload('Deployment', 'runner', 'ci', {
          volumes: [{ name: 'tok', source: { type: 'secret', secretName: 'deployer-token-abcde' } }],
        }),
        workload('CronJob', 'sync', 'ci', {
          volumes: [
            {
              name: 'p',
              source: { type: 'projected', secretNames: ['deployer-token-abcde'], serviceAccountToken: false },
            },
          ],
        }),
      ],
    });
    const findings = rule.run(s, ctx('1.24')).filter((f) => f.object.kind !== 'Namespace');
    expect(findings.map((f) => [f.object.kind, f.severity, f.confidence])).toEqual([
      ['CronJob', 'action', 'certain'],
      ['Deployment', 'action', 'certain'],
    ]);
    expect(findings[1]?.evidence[0]).toMatchObject({
      path: 'spec.template.spec.volumes[tok].secret.secretName',
      value: 'deployer-token-abcde',
    });
    expect(findings[0]?.evidence[0]?.path).toBe(
      'spec.jobTemplate.spec.template.spec.volumes[p].projected.sources[].secret.name',
    );
  });

  it('gives one inventory finding per namespace with token Secrets', () => {
    const s = snapshot({
      serviceAccountTokens: tokens,
      workloads: [
        workload('Deployment', 'runner', 'ci', {
          volumes: [{ name: 'tok', source: { type: 'secret', secretName: 'deployer-token-abcde' } }],
        }),
      ],
    });
    const inv = rule.run(s, ctx('1.25')).find((f) => f.object.kind === 'Namespace');
    expect(inv).toMatchObject({ severity: 'info', object: { name: 'ci' } });
    expect(inv?.message).toContain('2 long-lived ServiceAccount token Secret(s)');
    expect(inv?.message).toContain('1 of them are mounted');
  });

  it('flags a missing Secret named like a token as possible', () => {
    const s = snapshot({
      workloads: [
        workload('Deployment', 'old', 'ci', {
          volumes: [{ name: 'tok', source: { type: 'secret', secretName: 'builder-token-qwert' } }],
        }),
      ],
    });
    expect(rule.run(s, ctx('1.24'))).toMatchObject([{ confidence: 'possible', severity: 'action' }]);
  });

  it('does not flag the automatic projected token, other Secrets, or the token the admission plugin injected', () => {
    const legacyPod = pod('old-pod', 'ci', {
      serviceAccountName: 'default',
      volumes: [{ name: 'default-token-x1y2z', source: { type: 'secret', secretName: 'default-token-x1y2z' } }],
      containers: [
        container('app', {
          volumeMounts: [{ name: 'default-token-x1y2z', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        }),
      ],
    });
    const s = snapshot({
      workloads: [
        workload('Deployment', 'web', 'ci', {
          volumes: [
            { name: 'kube-api-access', source: { type: 'projected', secretNames: [], serviceAccountToken: true } },
            { name: 'tls', source: { type: 'secret', secretName: 'web-tls' } },
          ],
        }),
      ],
      pods: [legacyPod],
      serviceAccountTokens: [tokenSecret('ci', 'default-token-x1y2z', 'default')],
    });
    expect(rule.run(s, ctx('1.24')).filter((f) => f.object.kind !== 'Namespace')).toEqual([]);
  });
});
