import { describe, expect, it } from 'vitest';
import type { RemovedApi } from '../catalog/schema';
import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import type { DeclaredObject } from '../model/snapshot';
import { t } from '../model/text';
import { joinRepository } from './join';

const removedApis = [
  {
    group: 'policy',
    version: 'v1beta1',
    kind: 'PodDisruptionBudget',
    changeId: 'pdb-v1beta1-removal',
    removedIn: '1.25',
  },
] as unknown as RemovedApi[];

const finding = (over: Partial<Finding>): Finding => ({
  id: over.id ?? 'f',
  ruleId: 'removed-api-objects',
  changeId: 'pdb-v1beta1-removal',
  severity: 'breaking',
  confidence: 'likely',
  object: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', namespace: 'payments', name: 'api' },
  message: t`m`,
  remediation: t`r`,
  evidence: [],
  ...over,
});

const report = (findings: Finding[], helmCharts: { namespace: string; name: string; chart: string }[] = []) =>
  ({ target: '1.25', cluster: { helmCharts }, findings, notes: [] }) as unknown as Report;
const at = (path: string, line: number) => ({ path, line, column: 1 });
const declared = (apiVersion: string, path: string, extra: Partial<DeclaredObject> = {}): DeclaredObject => ({
  ref: { apiVersion, kind: 'PodDisruptionBudget', namespace: 'payments', name: 'api' },
  location: at(path, 3),
  origin: 'manifest',
  ...extra,
});

const join = (
  findings: Finding[],
  manifests: DeclaredObject[],
  helmCharts: { namespace: string; name: string; chart: string }[] = [],
) =>
  joinRepository(
    report(findings, helmCharts),
    { manifests, charts: [{ location: at('charts/pay/Chart.yaml', 1), name: 'pay', rendering: { rendered: [] } }] },
    { removedApis, label: 'repo' },
  );

describe('joinRepository', () => {
  it('says redeploy when the source already names a served version, fix the source when it does not', () => {
    expect(join([finding({})], [declared('policy/v1', 'deploy/pdb.yaml')]).findings[0]?.source).toEqual({
      location: at('deploy/pdb.yaml', 3),
      apiVersion: 'policy/v1',
      state: 'fixed',
      via: 'name',
    });
    const unfixed = join([finding({})], [declared('policy/v1beta1', 'deploy/pdb.yaml')]);
    expect(unfixed.findings[0]?.source?.state).toBe('unfixed');
    expect(unfixed.notes.map((n) => n.kind)).toEqual(['repository-join']);
  });

  it('matches a manifest without a namespace (applied with -n), but not one written for another namespace', () => {
    const loose = declared('policy/v1', 'a.yaml', {
      ref: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', name: 'api' },
    });
    expect(join([finding({})], [loose]).findings[0]?.source?.location.path).toBe('a.yaml');
    const other = declared('policy/v1', 'b.yaml', {
      ref: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', namespace: 'shop', name: 'api' },
    });
    expect(join([finding({})], [other]).findings[0]?.source).toBeUndefined();
  });

  it('matches an object of a Helm release with its chart, ignoring the branch the target does not take', () => {
    const helm = finding({
      helmRelease: { name: 'pay', namespace: 'payments' },
      object: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', namespace: 'payments', name: 'pay-api' },
    });
    const template = (apiVersion: string, taken: 'yes' | 'no', line: number): DeclaredObject => ({
      ref: { apiVersion, kind: 'PodDisruptionBudget', name: '{{ include "pay.fullname" . }}' },
      location: at('charts/pay/templates/pdb.yaml', line),
      origin: 'template',
      takenOn: { '1.25': taken },
      from: 'charts/pay/Chart.yaml',
    });
    const charts = [{ namespace: 'payments', name: 'pay', chart: 'pay' }];
    const switched = join([helm], [template('policy/v1', 'yes', 1), template('policy/v1beta1', 'no', 1)], charts);
    expect(switched.findings[0]?.source).toMatchObject({ state: 'fixed', apiVersion: 'policy/v1', via: 'helm-chart' });
    const stuck = join([helm], [template('policy/v1beta1', 'yes', 2)], charts);
    expect(stuck.findings[0]?.source).toMatchObject({ state: 'unfixed', location: { line: 2 } });
  });

  it('points any other finding at where its object is written', () => {
    const docker = finding({
      ruleId: 'docker-socket',
      changeId: 'dockershim-removal',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
    });
    const deployment: DeclaredObject = {
      ref: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
      location: at('deploy/web.yaml', 2),
      origin: 'manifest',
    };
    expect(join([docker], [deployment]).findings[0]?.source).toMatchObject({
      state: 'defined',
      location: at('deploy/web.yaml', 2),
    });
  });
});
