import { describe, expect, it } from 'vitest';
import type { DeclaredObject } from '../model/snapshot';
import { snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './removed-api-manifests';
import { ruleContext } from './testing/context';
import { plainRule } from './testing/plain';

const rule = plainRule(check);

const declared = (extra: Partial<DeclaredObject> & Pick<DeclaredObject, 'ref'>): DeclaredObject => ({
  location: { path: 'deploy/pdb.yaml', line: 3, column: 1 },
  origin: 'manifest',
  ...extra,
});

const pdb = (apiVersion: string, name = 'web') => ({
  apiVersion,
  kind: 'PodDisruptionBudget',
  namespace: 'shop',
  name,
});

describe('removed-api-manifests', () => {
  it('finds a manifest that names a removed version, certain, at its line, and leaves served versions alone', () => {
    const s = snapshot({
      manifests: [declared({ ref: pdb('policy/v1beta1') }), declared({ ref: pdb('policy/v1', 'api') })],
    });
    const [finding, ...rest] = rule.run(s, ruleContext());
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      changeId: 'pdb-v1beta1-removal',
      severity: 'breaking',
      confidence: 'certain',
      location: { path: 'deploy/pdb.yaml', line: 3 },
    });
    expect(finding?.message).toContain('is written with apiVersion policy/v1beta1');
    expect(finding?.remediation).toContain('policy/v1');
  });

  it('grades template branches by the target: taken, chosen by values, or only on older clusters', () => {
    const template = (taken: 'yes' | 'no' | 'unknown', line: number) =>
      declared({
        ref: pdb('policy/v1beta1', '{{ include "app.fullname" . }}'),
        origin: 'template',
        location: { path: 'chart/templates/pdb.yaml', line, column: 1 },
        takenOn: { '1.24': 'yes', '1.25': taken },
        condition: 'semverCompare "<1.25-0" .Capabilities.KubeVersion.Version',
        helper: { name: 'app.pdb.apiVersion', location: { path: 'chart/templates/_helpers.tpl', line: 6, column: 1 } },
      });
    const findings = rule
      .run(snapshot({ manifests: [template('yes', 1), template('unknown', 2), template('no', 3)] }), ruleContext())
      .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0));
    expect(findings.map((f) => [f.location?.line, f.severity, f.confidence])).toEqual([
      [1, 'breaking', 'certain'],
      [2, 'breaking', 'possible'],
      [3, 'info', 'likely'],
    ]);
    expect(findings[2]?.message).toContain('The chart already switches on 1.25');
    expect(findings[2]?.message).toContain('chart/templates/_helpers.tpl:6');
    expect(findings[1]?.message).toContain('depending on the values');
  });

  it('leaves a template to its rendering when helm rendered the same apiVersion from it', () => {
    const location = { path: 'chart/templates/pdb.yaml', line: 1, column: 1 };
    const s = snapshot({
      manifests: [
        declared({
          ref: pdb('policy/v1beta1', 'release-lens-app'),
          origin: 'rendered',
          location,
          from: 'chart/Chart.yaml',
        }),
        declared({
          ref: pdb('policy/v1beta1', '{{ .Release.Name }}'),
          origin: 'template',
          location,
          takenOn: { '1.25': 'yes' },
        }),
      ],
    });
    const findings = rule.run(s, ruleContext());
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('is rendered from chart/Chart.yaml');
  });

  it('reads PodSecurityPolicy in templates only: objects from files have checks of their own', () => {
    const psp = { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', name: 'restricted' };
    const s = snapshot({
      manifests: [
        declared({ ref: psp }),
        declared({
          ref: psp,
          origin: 'template',
          takenOn: { '1.25': 'unknown' },
          location: { path: 't.yaml', line: 2, column: 1 },
        }),
      ],
    });
    expect(rule.run(s, ruleContext()).map((f) => [f.changeId, f.location?.path])).toEqual([['psp-removal', 't.yaml']]);
  });

  it('says a version removed after the target needs action, not that it breaks', () => {
    const hpa = { apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', namespace: 'shop', name: 'web' };
    const [finding] = rule.run(snapshot({ manifests: [declared({ ref: hpa })] }), ruleContext());
    expect(finding?.severity).toBe('action');
  });
});
