import { describe, expect, it } from 'vitest';
import type { ApiEvidenceObject, ManagedFieldsEntry } from '../model/snapshot';
import { snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './removed-api-objects';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';
import type { Target } from '../model/releases';

const rule = plainRule(check);

const write = (manager: string, apiVersion: string, time?: string, operation = 'Update'): ManagedFieldsEntry => ({
  manager,
  operation,
  apiVersion,
  ...(time ? { time } : {}),
});
const cronJob = (
  name: string,
  managedFields: ManagedFieldsEntry[],
  lastAppliedApiVersion?: string,
): ApiEvidenceObject => ({
  ref: { apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'jobs', name },
  group: 'batch',
  resource: 'cronjobs',
  managedFields,
  ...(lastAppliedApiVersion ? { lastAppliedApiVersion } : {}),
});
const hpa = (managedFields: ManagedFieldsEntry[]): ApiEvidenceObject => ({
  ref: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', namespace: 'web', name: 'web' },
  group: 'autoscaling',
  resource: 'horizontalpodautoscalers',
  managedFields,
});
const run = (apiEvidence: ApiEvidenceObject[], target: Target = '1.25') =>
  rule.run(snapshot({ apiEvidence }), ruleContext({ target }));
const T1 = '2022-01-01T00:00:00Z';
const T2 = '2023-01-01T00:00:00Z';

describe('removed-api-objects: managedFields', () => {
  it('flags a manager whose last write went through the removed version as likely', () => {
    const [f, ...rest] = run([cronJob('backup', [write('argocd-controller', 'batch/v1beta1', T1)])]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ changeId: 'cronjob-v1beta1-removal', severity: 'breaking', confidence: 'likely' });
    expect(f?.message).toContain('argocd-controller still writes it through batch/v1beta1');
    expect(f?.remediation).toContain('batch/v1');
    expect(f?.evidence[0]).toMatchObject({
      source: 'managed-fields',
      path: 'metadata.managedFields[manager=argocd-controller,operation=Update]',
      value: `batch/v1beta1 at ${T1}`,
    });
  });

  it('treats an old entry as stale when the same manager later wrote through a served version', () => {
    expect(run([cronJob('backup', [write('ci', 'batch/v1beta1', T1), write('ci', 'batch/v1', T2)])])).toEqual([]);
  });

  it('still flags when the served-version write came first, or came from another manager', () => {
    expect(run([cronJob('a', [write('ci', 'batch/v1', T1), write('ci', 'batch/v1beta1', T2)])])).toHaveLength(1);
    expect(run([cronJob('b', [write('ci', 'batch/v1beta1', T1), write('kubectl-edit', 'batch/v1', T2)])])).toHaveLength(
      1,
    );
  });

  it('grades a write it cannot order against a newer one as possible', () => {
    const [f] = run([cronJob('a', [write('ci', 'batch/v1beta1'), write('ci', 'batch/v1')])]);
    expect(f?.confidence).toBe('possible');
  });

  it('ignores control-plane managers, which upgrade with the cluster', () => {
    expect(run([cronJob('a', [write('kube-controller-manager', 'batch/v1beta1', T1)])])).toEqual([]);
    const builtIn: ApiEvidenceObject = {
      ref: { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kind: 'FlowSchema', name: 'system-leader-election' },
      group: 'flowcontrol.apiserver.k8s.io',
      resource: 'flowschemas',
      managedFields: [
        write('api-priority-and-fairness-config-producer-v1', 'flowcontrol.apiserver.k8s.io/v1beta1', T1),
      ],
    };
    expect(run([builtIn])).toEqual([]);
    expect(
      run([{ ...builtIn, managedFields: [write('my-operator', 'flowcontrol.apiserver.k8s.io/v1beta1', T1)] }]),
    ).toHaveLength(1);
  });

  it('counts a move from autoscaling/v2beta1 to v2beta2 as stale for 1.25 but flags v2beta2 as a 1.26 look-ahead', () => {
    const findings = run([hpa([write('keda', 'autoscaling/v2beta1', T1), write('keda', 'autoscaling/v2beta2', T2)])]);
    expect(findings.map((f) => [f.changeId, f.severity, f.confidence])).toEqual([
      ['hpa-v2beta2-removal-lookahead', 'action', 'likely'],
    ]);
    expect(findings[0]?.message).toContain('the release after your 1.25 target');
  });
});

describe('removed-api-objects: last-applied annotation', () => {
  it('flags a last-applied removed version as possible', () => {
    const [f] = run([cronJob('a', [], 'batch/v1beta1')]);
    expect(f).toMatchObject({ confidence: 'possible', severity: 'breaking' });
    expect(f?.message).toContain('re-applying the manifest');
    expect(f?.evidence[0]).toMatchObject({ source: 'last-applied', value: 'batch/v1beta1' });
  });

  it('treats the annotation as stale after a client-side apply through a served version', () => {
    expect(run([cronJob('a', [write('kubectl-client-side-apply', 'batch/v1', T2)], 'batch/v1beta1')])).toEqual([]);
    const older = [
      write('kubectl-client-side-apply', 'batch/v1', T1),
      write('kubectl-client-side-apply', 'batch/v1beta1', T2),
    ];
    expect(run([cronJob('b', older, 'batch/v1beta1')])[0]?.confidence).toBe('likely');
  });

  it('reports an old client-side apply entry as info when kubectl has since applied a served version', () => {
    // kubectl apply --server-side through batch/v1 rewrote the annotation; the client-side entry stays behind.
    const moved = [write('kubectl-client-side-apply', 'batch/v1beta1', T1), write('kubectl', 'batch/v1', T2, 'Apply')];
    const [f, ...rest] = run([cronJob('a', moved, 'batch/v1')]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', confidence: 'possible' });
    expect(f?.message).toContain('looks stale');
    // Without a served-version annotation the same entry is still a live client-side apply.
    expect(run([cronJob('b', moved.slice(0, 1))])[0]).toMatchObject({ severity: 'breaking', confidence: 'likely' });
  });

  it('combines both sources into one finding per object and change', () => {
    const [f, ...rest] = run([cronJob('a', [write('helm', 'batch/v1beta1', T1)], 'batch/v1beta1')]);
    expect(rest).toEqual([]);
    expect(f?.confidence).toBe('likely');
    expect(f?.evidence.map((e) => e.source)).toEqual(['managed-fields', 'last-applied']);
  });
});

describe('removed-api-objects: scope and severity', () => {
  it('skips PodSecurityPolicy objects, which the PSP checks own', () => {
    const psp: ApiEvidenceObject = {
      ref: { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', name: 'restricted' },
      group: 'policy',
      resource: 'podsecuritypolicies',
      managedFields: [write('helm', 'policy/v1beta1', T1)],
      lastAppliedApiVersion: 'policy/v1beta1',
    };
    expect(run([psp])).toEqual([]);
  });

  it('grades a 1.25 removal as action when the target is 1.24, breaking when it is 1.25', () => {
    const obj = cronJob('a', [write('ci', 'batch/v1beta1', T1)]);
    expect(run([obj], '1.24')[0]?.severity).toBe('action');
    expect(run([obj], '1.25')[0]?.severity).toBe('breaking');
  });

  it('carries the Helm release and sorts by namespace, kind and name', () => {
    const a = {
      ...cronJob('z', [write('helm', 'batch/v1beta1', T1)]),
      helmRelease: { name: 'backup', namespace: 'jobs' },
    };
    const b = cronJob('a', [write('ci', 'batch/v1beta1', T1)]);
    const findings = run([a, b, hpa([write('ci', 'autoscaling/v2beta1', T1)])]);
    expect(findings.map((f) => f.object.name)).toEqual(['a', 'z', 'web']);
    expect(findings[1]?.helmRelease).toEqual({ name: 'backup', namespace: 'jobs' });
    expect(findings[1]?.remediation).toContain('Helm release jobs/backup');
  });
});

describe('removed-api-objects: evidence weighed by time across writers', () => {
  it('grades a removed-version write followed by another writer through a served version as action, naming both', () => {
    const [f] = run([
      cronJob(
        'nightly',
        [write('kubectl-client-side-apply', 'batch/v1beta1', T1), write('deploy-bot', 'batch/v1', T2)],
        'batch/v1beta1',
      ),
    ]);
    expect(f).toMatchObject({ severity: 'action', confidence: 'possible' });
    expect(f?.message).toContain(`kubectl-client-side-apply through batch/v1beta1 at ${T1}`);
    expect(f?.message).toContain(
      `the latest write went through a served version: deploy-bot through batch/v1 at ${T2}`,
    );
    expect(f?.remediation).toMatch(
      /^Change apiVersion to batch\/v1 before the upgrade to 1.25. Verify the manifest that kubectl applies/,
    );
    expect(f?.evidence.map((e) => e.detail)).toContain('deploy-bot wrote the object last, through a served version.');
  });

  it('keeps a removed-version write that came after the other writer’s served write as breaking', () => {
    const [f] = run([cronJob('nightly', [write('deploy-bot', 'batch/v1', T1), write('ci', 'batch/v1beta1', T2)])]);
    expect(f).toMatchObject({ severity: 'breaking', confidence: 'likely' });
  });

  it('ignores status writes and the control plane when deciding what came last', () => {
    const status = { ...write('some-controller', 'batch/v1', T2), subresource: 'status' };
    const [f] = run([
      cronJob('nightly', [write('ci', 'batch/v1beta1', T1), status, write('kube-controller-manager', 'batch/v1', T2)]),
    ]);
    expect(f).toMatchObject({ severity: 'breaking', confidence: 'likely' });
  });
});

describe('removed-api-objects: the fix names who writes the object', () => {
  const fixFor = (manager: string, extra: Partial<ApiEvidenceObject> = {}) =>
    run([{ ...cronJob('x', [write(manager, 'batch/v1beta1', T1)]), ...extra }])[0]?.remediation ?? '';

  it('kubectl: the manifest, not kubectl', () => {
    for (const m of ['kubectl', 'kubectl-create', 'kubectl-client-side-apply']) {
      expect(fixFor(m)).toContain(
        'kubectl sends whatever apiVersion the manifest names, so upgrading kubectl changes nothing',
      );
      expect(fixFor(m)).not.toContain('upgrade or reconfigure');
    }
  });

  it('Helm: the chart', () => {
    expect(fixFor('helm')).toContain('the Helm chart that renders this CronJob');
  });

  it('Argo CD and Flux: the Git source they apply', () => {
    expect(fixFor('argocd-controller')).toContain('that the Argo CD Application syncs this CronJob from');
    expect(fixFor('kubectl-client-side-apply', { gitOps: 'argocd' })).toContain('Argo CD Application');
    expect(fixFor('kustomize-controller')).toContain('that Flux reconciles this CronJob from');
  });

  it('an operator: upgrade the operator', () => {
    expect(fixFor('manager')).toContain('upgrade it to a release that writes the served version');
    const owned = { controller: { apiVersion: 'example.com/v1', kind: 'Backup', name: 'b' } };
    expect(fixFor('backup-writer', owned)).toContain('the operator that writes this CronJob');
  });

  it('any other client: its configuration or the tool itself', () => {
    expect(fixFor('deploy-bot')).toContain(
      'deploy-bot writes it: fix the configuration of the tool that writes this CronJob',
    );
  });
});
