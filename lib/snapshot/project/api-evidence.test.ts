import { describe, expect, it } from 'vitest';
import { lastAppliedApiVersion, projectApiEvidence } from './api-evidence';

const cronjobs = { group: 'batch', resource: 'cronjobs', kind: 'CronJob', apiVersion: 'batch/v1' };

describe('projectApiEvidence', () => {
  it('keeps the last-applied apiVersion, managedFields and the Helm release', () => {
    const lastApplied = JSON.stringify({
      apiVersion: 'batch/v1beta1',
      kind: 'CronJob',
      metadata: { name: 'n' },
      spec: {},
    });
    const e = projectApiEvidence(
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: {
          name: 'nightly',
          namespace: 'ci',
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration': lastApplied,
            'meta.helm.sh/release-name': 'ci-tools',
          },
          managedFields: [
            {
              manager: 'kubectl-client-side-apply',
              operation: 'Update',
              apiVersion: 'batch/v1beta1',
              time: '2022-01-01T00:00:00Z',
              fieldsType: 'FieldsV1',
              fieldsV1: { 'f:spec': {} },
            },
            { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', subresource: 'status' },
            { manager: 'broken' },
          ],
        },
      },
      cronjobs,
    );
    expect(e).toEqual({
      ref: { apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'ci', name: 'nightly' },
      group: 'batch',
      resource: 'cronjobs',
      lastAppliedApiVersion: 'batch/v1beta1',
      managedFields: [
        {
          manager: 'kubectl-client-side-apply',
          operation: 'Update',
          apiVersion: 'batch/v1beta1',
          time: '2022-01-01T00:00:00Z',
        },
        { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'batch/v1', subresource: 'status' },
      ],
      helmRelease: { name: 'ci-tools', namespace: 'ci' },
    });
  });

  it('falls back to the resource type for list items without one', () => {
    expect(projectApiEvidence({ metadata: { name: 'x' } }, cronjobs)?.ref).toEqual({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      name: 'x',
    });
    expect(projectApiEvidence({ metadata: {} }, cronjobs)).toBeUndefined();
  });
});

describe('lastAppliedApiVersion', () => {
  it('reads apiVersion wherever it sits, and tolerates junk', () => {
    expect(lastAppliedApiVersion('{"apiVersion":"policy/v1beta1","kind":"PodDisruptionBudget"}\n')).toBe(
      'policy/v1beta1',
    );
    expect(lastAppliedApiVersion('{"kind":"X","apiVersion":"v1"}')).toBe('v1');
    expect(lastAppliedApiVersion('not json')).toBeUndefined();
    expect(lastAppliedApiVersion('[1]')).toBeUndefined();
    expect(lastAppliedApiVersion(undefined)).toBeUndefined();
  });
});
