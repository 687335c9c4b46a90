import { describe, expect, it } from 'vitest';
import type { CapabilityWorld } from './conditions';
import { collectHelpers, readTemplateApis, type ChartFile } from './templates';

const REMOVED_BY_125 = ['policy/v1beta1', 'batch/v1beta1', 'networking.k8s.io/v1beta1', 'extensions/v1beta1'];
const world = (release: string): CapabilityWorld => ({
  release,
  served: (gv) => {
    const groupVersion =
      gv.split('/').length > 2 || /^[a-z0-9.-]+\/v\d\w*\/[A-Z]/.test(gv) ? gv.replace(/\/[A-Z]\w*$/, '') : gv;
    return !(release >= '1.25' && REMOVED_BY_125.includes(groupVersion));
  },
});

const HELPERS: ChartFile = {
  path: 'chart/templates/_helpers.tpl',
  text: [
    '{{/* The PDB version this cluster serves. */}}',
    '{{- define "app.pdb.apiVersion" -}}',
    '{{- if semverCompare ">=1.21-0" .Capabilities.KubeVersion.Version -}}',
    'policy/v1',
    '{{- else -}}',
    'policy/v1beta1',
    '{{- end -}}',
    '{{- end -}}',
    '{{- define "app.cron.apiVersion" -}}',
    '{{- if .Capabilities.APIVersions.Has "batch/v1/CronJob" }}{{ print "batch/v1" }}{{ else }}{{ print "batch/v1beta1" }}{{ end -}}',
    '{{- end -}}',
    '{{- define "app.fullname" -}}{{ .Release.Name }}-app{{- end -}}',
    '',
  ].join('\n'),
};

function read(templates: ChartFile[], release = '1.25') {
  const w = world(release);
  return readTemplateApis(templates, collectHelpers([HELPERS, ...templates], w), w);
}

describe('readTemplateApis', () => {
  it('reads a literal apiVersion with the kind, name and line of its document', () => {
    const apis = read([
      {
        path: 'chart/templates/web.yaml',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\n---\n# second\napiVersion: "policy/v1beta1"\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n',
      },
    ]);
    expect(apis).toEqual([
      expect.objectContaining({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        line: 1,
        column: 1,
        taken: 'yes',
        name: '{{ include "app.fullname" . }}',
      }),
      expect.objectContaining({
        apiVersion: 'policy/v1beta1',
        kind: 'PodDisruptionBudget',
        line: 7,
        name: 'web',
        taken: 'yes',
      }),
    ]);
  });

  it('grades both sides of a semverCompare around the whole document', () => {
    const text = [
      '{{- if semverCompare "<1.25-0" .Capabilities.KubeVersion.GitVersion }}',
      'apiVersion: policy/v1beta1',
      'kind: PodSecurityPolicy',
      'metadata:',
      '  name: restricted',
      '{{- end }}',
    ].join('\n');
    const [psp] = read([{ path: 'chart/templates/psp.yaml', text }]);
    expect(psp).toMatchObject({ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', line: 2, taken: 'no' });
    expect(psp?.condition).toContain('semverCompare "<1.25-0"');
    expect(read([{ path: 'chart/templates/psp.yaml', text }], '1.24')[0]?.taken).toBe('yes');
  });

  it('follows if / else if / else on the apiVersion line itself', () => {
    const text = [
      'apiVersion: {{ if .Capabilities.APIVersions.Has "networking.k8s.io/v1/Ingress" }}networking.k8s.io/v1{{ else if .Capabilities.APIVersions.Has "networking.k8s.io/v1beta1" }}networking.k8s.io/v1beta1{{ else }}extensions/v1beta1{{ end }}',
      'kind: Ingress',
      'metadata:',
      '  name: web',
    ].join('\n');
    const apis = read([{ path: 'chart/templates/ingress.yaml', text }]);
    expect(apis.map((a) => [a.apiVersion, a.taken])).toEqual([
      ['networking.k8s.io/v1', 'yes'],
      ['networking.k8s.io/v1beta1', 'no'],
      ['extensions/v1beta1', 'no'],
    ]);
    expect(apis.every((a) => a.kind === 'Ingress' && a.line === 1)).toBe(true);
  });

  it('expands helpers defined in _helpers.tpl, keeping their branches and where they are defined', () => {
    const apis = read([
      {
        path: 'chart/templates/pdb.yaml',
        text: 'apiVersion: {{ include "app.pdb.apiVersion" . }}\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n',
      },
      {
        path: 'chart/templates/cron.yaml',
        text: 'apiVersion: {{ template "app.cron.apiVersion" . }}\nkind: CronJob\nmetadata:\n  name: nightly\n',
      },
    ]);
    expect(apis.map((a) => [a.apiVersion, a.taken, a.helper?.line])).toEqual([
      ['policy/v1', 'yes', 4],
      ['policy/v1beta1', 'no', 6],
      ['batch/v1', 'yes', 10],
      ['batch/v1beta1', 'no', 10],
    ]);
    expect(apis[1]?.helper).toEqual({ name: 'app.pdb.apiVersion', path: 'chart/templates/_helpers.tpl', line: 6 });
  });

  it('leaves a branch chosen by values undecided, and takes default literals as possible values', () => {
    const apis = read([
      {
        path: 'chart/templates/pdb.yaml',
        text: '{{- if .Values.pdb.enabled }}\napiVersion: {{ .Values.pdb.apiVersion | default "policy/v1beta1" }}\nkind: PodDisruptionBudget\nmetadata:\n  name: web\n{{- end }}\n',
      },
    ]);
    expect(apis).toEqual([expect.objectContaining({ apiVersion: 'policy/v1beta1', taken: 'unknown', line: 2 })]);
  });

  it('ignores nested apiVersion fields and template comments', () => {
    const apis = read([
      {
        path: 'chart/templates/hpa.yaml',
        text: '{{/* apiVersion: extensions/v1beta1 */}}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef:\n    apiVersion: extensions/v1beta1\n    kind: Deployment\n',
      },
    ]);
    expect(apis.map((a) => a.apiVersion)).toEqual(['autoscaling/v2']);
  });
});
