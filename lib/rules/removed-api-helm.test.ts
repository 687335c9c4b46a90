import { renderText } from '../model/text';
import { describe, expect, it } from 'vitest';
import type { HelmManifestObject, HelmRelease, HelmRevision } from '../model/snapshot';
import { snapshot } from '../snapshot/test-fixtures';
import { helmAnomalies } from '../scan/helm-anomalies';
import { rule as check } from './removed-api-helm';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';
import type { Target } from '../model/releases';

const rule = plainRule(check);

const rev = (revision: number, status = 'superseded'): HelmRevision => ({
  revision,
  status,
  storageObject: `sh.helm.release.v1.backup.v${revision}`,
  chart: 'backup',
  chartVersion: '1.2.0',
});
const obj = (
  apiVersion: string,
  kind: string,
  name: string,
  extra: Partial<HelmManifestObject> = {},
): HelmManifestObject => ({
  apiVersion,
  kind,
  name,
  source: 'manifest',
  ...extra,
});
const release = (objects: HelmManifestObject[], extra: Partial<HelmRelease> = {}): HelmRelease => ({
  name: 'backup',
  namespace: 'jobs',
  storage: 'Secret',
  revisions: [rev(1), rev(2, 'deployed')],
  current: { ...rev(2, 'deployed'), objects },
  decodeErrors: [],
  ...extra,
});
const run = (releases: HelmRelease[], target: Target = '1.25') =>
  rule.run(snapshot({ helmReleases: releases }), ruleContext({ target }));

describe('removed-api-helm', () => {
  it('flags a removed API in the current manifest with the helm upgrade consequence and the fix', () => {
    const [f, ...rest] = run([
      release([obj('batch/v1beta1', 'CronJob', 'nightly'), obj('apps/v1', 'Deployment', 'api')]),
    ]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      changeId: 'cronjob-v1beta1-removal',
      severity: 'breaking',
      confidence: 'certain',
      object: { apiVersion: 'batch/v1beta1', kind: 'CronJob', namespace: 'jobs', name: 'nightly' },
      helmRelease: { name: 'backup', namespace: 'jobs' },
    });
    expect(f?.message).toContain('next helm upgrade of this release fails');
    expect(f?.message).toContain('revision 2, chart backup 1.2.0');
    expect(f?.remediation).toContain('helm mapkubeapis backup --namespace jobs');
    expect(f?.evidence[0]).toMatchObject({ source: 'helm-release', value: 'batch/v1beta1 CronJob nightly' });
    expect(f?.evidence[0]?.path).toBe('Secret jobs/sh.helm.release.v1.backup.v2 manifest');
  });

  it('explains hooks: created from the chart at each upgrade, not fixed by mapkubeapis', () => {
    const hook = obj('batch/v1beta1', 'CronJob', 'migrate', { source: { hook: 'migrate', events: ['pre-upgrade'] } });
    const [f] = run([release([hook])]);
    expect(f?.message).toContain('pre-upgrade hook "migrate"');
    expect(f?.message).toContain('running this chart version again fails');
    expect(f?.remediation).toContain('does not help');
  });

  it('flags PodSecurityPolicies in a chart under psp-removal, cluster-scoped, with no replacement', () => {
    const [f] = run([release([obj('policy/v1beta1', 'PodSecurityPolicy', 'backup-psp')])]);
    expect(f?.changeId).toBe('psp-removal');
    expect(f?.object.namespace).toBeUndefined();
    expect(f?.remediation).toContain('no replacement');
  });

  it('uses the target to grade look-ahead removals as action', () => {
    const hpa = obj('autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'api');
    expect(run([release([hpa])])[0]?.severity).toBe('action');
    expect(run([release([obj('policy/v1beta1', 'PodDisruptionBudget', 'api')])], '1.24')[0]?.severity).toBe('action');
  });

  it('ignores releases without a deployed revision and objects on served versions', () => {
    const { current: _current, ...noCurrent } = release([obj('batch/v1beta1', 'CronJob', 'x')]);
    expect(run([{ ...noCurrent, revisions: [rev(1, 'failed')] }])).toEqual([]);
    expect(run([release([obj('batch/v1', 'CronJob', 'x'), obj('policy/v1', 'PodDisruptionBudget', 'y')])])).toEqual([]);
  });

  it('looks only at the current revision: older revisions with removed APIs are not flagged', () => {
    // Revision 1 (superseded) shipped batch/v1beta1; revision 2, the deployed one, moved to batch/v1.
    const r = release([obj('batch/v1', 'CronJob', 'nightly')], { revisions: [rev(1), rev(2, 'deployed')] });
    expect(run([r])).toEqual([]);
  });

  it('sorts by namespace, kind and name', () => {
    const a = release([obj('batch/v1beta1', 'CronJob', 'b'), obj('batch/v1beta1', 'CronJob', 'a')]);
    const b = release([obj('policy/v1beta1', 'PodDisruptionBudget', 'z', { namespace: 'apps' })], { name: 'other' });
    expect(run([a, b]).map((f) => `${f.object.namespace ?? ''}/${f.object.name}`)).toEqual([
      'apps/z',
      'jobs/a',
      'jobs/b',
    ]);
  });
});

describe('helmAnomalies', () => {
  it('reports duplicate deployed revisions, undecodable records and releases with nothing deployed', () => {
    const dup = release([], { name: 'web', revisions: [rev(3, 'deployed'), rev(5, 'deployed'), rev(4)] });
    const broken = release([], {
      name: 'api',
      decodeErrors: [{ storageObject: 'sh.helm.release.v1.api.v7', message: 'gzip: invalid header' }],
    });
    const { current: _current, ...failedOnly } = release([], { name: 'zeta', revisions: [rev(1, 'failed')] });
    const notes = helmAnomalies(snapshot({ helmReleases: [dup, broken, failedOnly] }));
    expect(notes.map((n) => n.kind)).toEqual([
      'helm-decode-error',
      'helm-duplicate-deployed',
      'helm-no-deployed-revision',
    ]);
    expect(renderText(notes[0]?.message ?? [])).toContain('sh.helm.release.v1.api.v7');
    expect(renderText(notes[1]?.message ?? [])).toContain('2 revisions marked deployed (3, 5)');
    expect(renderText(notes[1]?.message ?? [])).toContain('checked the highest (5)');
    expect(renderText(notes[2]?.message ?? [])).toContain('latest: 1, failed');
  });

  it('returns nothing for healthy releases', () => {
    expect(helmAnomalies(snapshot({ helmReleases: [release([])] }))).toEqual([]);
  });
});
