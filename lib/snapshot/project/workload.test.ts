import { describe, expect, it } from 'vitest';
import { projectWorkload } from './workload';

const template = (image = 'nginx:1.25') => ({
  metadata: {
    labels: { app: 'web', 'app.kubernetes.io/instance': 'web' },
    annotations: { 'kubernetes.io/psp': 'x', other: 'y' },
  },
  spec: { containers: [{ name: 'web', image }] },
});

describe('projectWorkload', () => {
  it('projects a Deployment with its template', () => {
    const w = projectWorkload(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'shop', uid: 'd' },
        spec: { replicas: 3, template: template() },
      },
      'Deployment',
      'apps/v1',
    );
    expect(w).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', replicas: 3 });
    expect(w?.template.labels).toEqual({ 'app.kubernetes.io/instance': 'web' });
    expect(w?.template.annotations).toEqual({ 'kubernetes.io/psp': 'x' });
    expect(w?.template.spec.containers[0]?.image).toBe('nginx:1.25');
  });

  it('takes kind and apiVersion from the resource when list items omit them', () => {
    const w = projectWorkload(
      { metadata: { name: 'agent', uid: 'a' }, spec: { template: template() } },
      'DaemonSet',
      'apps/v1',
    );
    expect(w).toMatchObject({ apiVersion: 'apps/v1', kind: 'DaemonSet' });
    expect(w?.replicas).toBeUndefined();
  });

  it('reads StatefulSet, ReplicaSet, ReplicationController and Job', () => {
    for (const [kind, apiVersion] of [
      ['StatefulSet', 'apps/v1'],
      ['ReplicaSet', 'apps/v1'],
      ['ReplicationController', 'v1'],
      ['Job', 'batch/v1'],
    ] as const) {
      const w = projectWorkload(
        { apiVersion, kind, metadata: { name: 'x' }, spec: { suspend: true, template: template() } },
        kind,
        apiVersion,
      );
      expect(w?.kind).toBe(kind);
      expect(w?.suspend).toBe(true);
    }
  });

  it('reads a batch/v1beta1 CronJob through its jobTemplate', () => {
    const w = projectWorkload(
      {
        apiVersion: 'batch/v1beta1',
        kind: 'CronJob',
        metadata: { name: 'nightly', namespace: 'ci' },
        spec: {
          schedule: '0 3 * * *',
          suspend: false,
          jobTemplate: { spec: { template: template('k8s.gcr.io/cleaner:1') } },
        },
      },
      'CronJob',
      'batch/v1',
    );
    expect(w).toMatchObject({ apiVersion: 'batch/v1beta1', kind: 'CronJob', schedule: '0 3 * * *', suspend: false });
    expect(w?.timeZone).toBeUndefined();
    expect(w?.template.spec.containers[0]?.image).toBe('k8s.gcr.io/cleaner:1');
  });

  it('keeps a batch/v1 CronJob timeZone', () => {
    const w = projectWorkload(
      {
        metadata: { name: 'n' },
        spec: { schedule: '@daily', timeZone: 'Europe/Paris', jobTemplate: { spec: { template: template() } } },
      },
      'CronJob',
      'batch/v1',
    );
    expect(w?.timeZone).toBe('Europe/Paris');
  });

  it('skips objects without a template or name', () => {
    expect(projectWorkload({ metadata: { name: 'x' }, spec: {} }, 'Deployment', 'apps/v1')).toBeUndefined();
    expect(
      projectWorkload({ metadata: { name: 'x' }, spec: { template: template() } }, 'CronJob', 'batch/v1'),
    ).toBeUndefined();
    expect(projectWorkload({ spec: { template: template() } }, 'Deployment', 'apps/v1')).toBeUndefined();
    expect(projectWorkload('nope', 'Deployment', 'apps/v1')).toBeUndefined();
  });
});
