import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import { renderText, t } from '../model/text';
import { applyAcceptances, parseIgnoreFile, type AcceptanceEntry } from './acceptances';

const finding = (over: Partial<Finding>): Finding => ({
  id: over.id ?? 'f',
  ruleId: 'removed-api-manifests',
  changeId: 'pdb-v1beta1-removal',
  severity: 'breaking',
  confidence: 'certain',
  object: { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', namespace: 'shop', name: 'web' },
  message: t`m`,
  remediation: t`r`,
  evidence: [],
  ...over,
});

const report = (findings: Finding[]) => ({ findings, notes: [] }) as unknown as Report;

function entries(text: string): AcceptanceEntry[] {
  const parsed = parseIgnoreFile(text, '.release-lens.yaml');
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.entries;
}

describe('parseIgnoreFile', () => {
  it('reads entries with their line', () => {
    const [first, second] = entries(
      [
        'ignore:',
        '  - change: pdb-v1beta1-removal',
        '    object: PodDisruptionBudget/shop/*',
        '    reason: the shop moves to policy/v1 with its next release',
        '    expires: "2027-01-31"',
        '  - rule: chart-kube-version',
        '    path: charts/legacy/**',
        '    reason: legacy is retired before the upgrade',
      ].join('\n'),
    );
    expect(first).toMatchObject({ change: 'pdb-v1beta1-removal', expires: '2027-01-31', at: { line: 2 } });
    expect(second).toMatchObject({ rule: 'chart-kube-version', path: 'charts/legacy/**', at: { line: 6 } });
  });

  it('refuses an entry without a reason or a selector, a bad date, unknown keys, each with its line', () => {
    const parsed = parseIgnoreFile(
      [
        'ignore:',
        '  - change: pdb-v1beta1-removal',
        '  - reason: no selector',
        '  - rule: x',
        '    reason: y',
        '    expires: 2027-02-30',
        '  - rule: x',
        '    reason: y',
        '    until: soon',
        'accept: []',
      ].join('\n'),
      'f.yaml',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      'f.yaml:10: unknown key "accept" (expected "ignore")',
      'f.yaml:2: an entry needs a reason: say why the finding is accepted',
      'f.yaml:3: an entry needs a rule or a change id',
      'f.yaml:4: "expires" must be a date, YYYY-MM-DD (got "2027-02-30")',
      'f.yaml:9: unknown key "until"',
    ]);
  });

  it('refuses YAML that does not parse, and reads an empty file as no entries', () => {
    expect(parseIgnoreFile('ignore: [', 'f.yaml').ok).toBe(false);
    expect(parseIgnoreFile('', 'f.yaml')).toEqual({ ok: true, entries: [] });
  });
});

describe('applyAcceptances', () => {
  const findings = [
    finding({ id: 'a', location: { path: 'deploy/web.yaml', line: 27, column: 1 } }),
    finding({
      id: 'b',
      object: { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', namespace: 'pay', name: 'api' },
    }),
    finding({
      id: 'c',
      ruleId: 'chart-kube-version',
      changeId: 'helm-chart-kube-version',
      location: { path: 'charts/legacy/Chart.yaml', line: 5, column: 1 },
    }),
  ];

  it('marks what each entry selects, keeps every finding, and says which entries matched nothing', () => {
    const out = applyAcceptances(
      report(findings),
      entries(
        [
          'ignore:',
          '  - change: pdb-v1beta1-removal',
          '    object: PodDisruptionBudget/shop/*',
          '    reason: moving next sprint',
          '  - rule: chart-kube-version',
          '    path: charts/legacy/**',
          '    reason: retired',
          '  - change: psp-removal',
          '    reason: nothing left',
        ].join('\n'),
      ),
      '2026-12-05',
    );
    expect(out.findings.map((f) => [f.id, f.accepted?.reason ?? null])).toEqual([
      ['a', 'moving next sprint'],
      ['b', null],
      ['c', 'retired'],
    ]);
    expect(out.notes.map((n) => [n.kind, renderText(n.message)])).toEqual([
      [
        'acceptance-unused',
        'The ignore-file entry at .release-lens.yaml:8 matches no finding of this scan; remove it if its finding is fixed.',
      ],
    ]);
  });

  it('stops applying an entry after its expiry date, and says so', () => {
    const list = entries('ignore:\n  - change: pdb-v1beta1-removal\n    reason: later\n    expires: "2026-12-04"\n');
    const out = applyAcceptances(report(findings), list, '2026-12-05');
    expect(out.findings.some((f) => f.accepted)).toBe(false);
    expect(out.notes.map((n) => n.kind)).toEqual(['acceptance-expired']);
    expect(applyAcceptances(report(findings), list, '2026-12-04').findings.filter((f) => f.accepted)).toHaveLength(2);
  });

  it('never matches a path glob against a finding without a location', () => {
    const out = applyAcceptances(
      report(findings),
      entries('ignore:\n  - change: pdb-v1beta1-removal\n    path: "**"\n    reason: all files\n'),
      '2026-12-05',
    );
    expect(out.findings.map((f) => Boolean(f.accepted))).toEqual([true, false, false]);
  });
});
