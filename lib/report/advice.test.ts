import { describe, expect, it } from 'vitest';
import { groupByAdvice } from './advice';
import { makeTestFinding } from './test-fixtures';

describe('groupByAdvice', () => {
  it('says each piece of advice once, with what is particular to each object, in the order of the findings', () => {
    const same = ['Replace the PodSecurityPolicy with Pod Security Admission labels.'];
    const label = (ns: string) => [
      'Label namespace ',
      { kind: 'namespace' as const, value: ns },
      ' with ',
      { kind: 'setting' as const, value: 'enforce=baseline' },
      '.',
    ];
    const a = makeTestFinding({ remediation: same });
    const b = makeTestFinding({ remediation: label('shop') });
    const c = makeTestFinding({ remediation: [...same] });
    const d = makeTestFinding({ remediation: label('payments') });
    const e = makeTestFinding({ remediation: ['Label namespaces ', { kind: 'namespace', value: 'x' }, ' and more.'] });
    const groups = groupByAdvice([a, b, c, d, e]);
    expect(groups.map((g) => g.findings.map((f) => f.id))).toEqual([[a.id, c.id], [b.id, d.id], [e.id]]);
    expect(groups[0]).toMatchObject({ advice: same, specifics: [[], []] });
    // The namespace differs, the setting is the same for both: it stays in the advice.
    expect(groups[1]?.advice).toEqual([
      'Label namespace ',
      { varies: 'namespace' },
      ' with ',
      { slot: { kind: 'setting', value: 'enforce=baseline' } },
      '.',
    ]);
    expect(groups[1]?.specifics).toEqual([
      [{ kind: 'namespace', value: 'shop' }],
      [{ kind: 'namespace', value: 'payments' }],
    ]);
  });
});
