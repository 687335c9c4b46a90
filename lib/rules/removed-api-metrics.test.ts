import { describe, expect, it } from 'vitest';
import type { DeprecatedApiRequest } from '../model/snapshot';
import { snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './removed-api-metrics';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';
import type { ClusterProfile } from './support/check';
import type { Target } from '../model/releases';

const rule = plainRule(check);

const req = (
  group: string,
  version: string,
  resource: string,
  removedRelease: string,
  subresource?: string,
): DeprecatedApiRequest => ({
  group,
  version,
  resource,
  removedRelease,
  ...(subresource ? { subresource } : {}),
});
const run = (
  requests: DeprecatedApiRequest[] | undefined,
  target: Target = '1.25',
  provider: ClusterProfile['provider'] = 'kubeadm',
) =>
  rule.run(
    snapshot(requests ? { deprecatedApiRequests: requests } : {}),
    ruleContext({ target, profile: { provider } }),
  );

describe('removed-api-metrics', () => {
  it('reports one certain finding per removed API version, with each series as evidence', () => {
    const findings = run([
      req('batch', 'v1beta1', 'cronjobs', '1.25'),
      req('batch', 'v1beta1', 'cronjobs', '1.25', 'status'),
      req('autoscaling', 'v2beta2', 'horizontalpodautoscalers', '1.26'),
    ]);
    expect(findings.map((f) => [f.changeId, f.severity, f.confidence])).toEqual([
      ['cronjob-v1beta1-removal', 'breaking', 'certain'],
      ['hpa-v2beta2-removal-lookahead', 'action', 'certain'],
    ]);
    const cron = findings[0];
    expect(cron?.object).toEqual({ apiVersion: 'batch/v1beta1', kind: 'CronJob', name: 'cronjobs (API requests)' });
    expect(cron?.evidence).toHaveLength(2);
    expect(cron?.evidence[1]?.path).toBe(
      'apiserver_requested_deprecated_apis{group="batch",version="v1beta1",resource="cronjobs",subresource="status",removed_release="1.25"}',
    );
    expect(cron?.remediation).toContain('userAgent');
    expect(cron?.remediation).toContain('batch/v1');
  });

  it('never reports a series the scan itself raises (reading a resource through its only version)', () => {
    const psp = [req('policy', 'v1beta1', 'podsecuritypolicies', '1.25')];
    const readThroughV1beta1 = snapshot({
      deprecatedApiRequests: psp,
      coverage: [
        {
          resource: 'podsecuritypolicies',
          status: 'ok',
          count: 0,
          apiVersion: 'policy/v1beta1',
          deprecatedVersionRead: true,
        },
      ],
    });
    expect(rule.run(readThroughV1beta1, ruleContext({ target: '1.25' }))).toEqual([]);
    // Without such a read (another source of the series), it is another client's, graded by the removal.
    const [other] = run(psp);
    expect(other).toMatchObject({ changeId: 'psp-removal', severity: 'breaking', confidence: 'possible' });
    expect(other?.message).toMatch(/^Some client called policy\/v1beta1 podsecuritypolicies/);
  });

  it('grades by target and ignores series that are not removed APIs or no metrics at all', () => {
    expect(run([req('policy', 'v1beta1', 'poddisruptionbudgets', '1.25')], '1.24')[0]?.severity).toBe('action');
    expect(run([req('flowcontrol.apiserver.k8s.io', 'v1beta2', 'flowschemas', '1.29')])).toEqual([]);
    expect(run(undefined)).toEqual([]);
  });

  it('points at the provider’s audit log', () => {
    expect(run([req('batch', 'v1beta1', 'cronjobs', '1.25')], '1.25', 'eks')[0]?.remediation).toContain(
      'CloudWatch Logs Insights',
    );
    expect(run([req('batch', 'v1beta1', 'cronjobs', '1.25')], '1.25', 'gke')[0]?.remediation).toContain(
      'Cloud Logging',
    );
  });
});
