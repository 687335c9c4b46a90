import { describe, expect, it } from 'vitest';
import { ERROR_KINDS } from '../lib/errors';
import { EXIT, exitCodeForErrorKind, exitCodeForFindings, failingFindings, type FailOn } from './exit-codes';

const report = (...severities: ('breaking' | 'action' | 'info')[]) => ({
  findings: severities.map((severity) => ({ severity }) as never),
});

describe('exit codes', () => {
  it.each<[FailOn, number, number, number]>([
    // fail-on, exit for worst=breaking, worst=action, worst=info
    ['breaking', 1, 0, 0],
    ['action', 1, 1, 0],
    ['info', 1, 1, 1],
    ['none', 0, 0, 0],
  ])('--fail-on %s', (failOn, breaking, action, info) => {
    expect(exitCodeForFindings(report('info', 'breaking'), failOn)).toBe(breaking);
    expect(exitCodeForFindings(report('action', 'info'), failOn)).toBe(action);
    expect(exitCodeForFindings(report('info'), failOn)).toBe(info);
    expect(exitCodeForFindings(report(), failOn)).toBe(EXIT.ok);
  });

  it('lists the findings at or above the threshold', () => {
    expect(failingFindings(report('info', 'action', 'breaking'), 'action')).toHaveLength(2);
  });

  it('maps bad input to 2 and every failure to reach or read the cluster to 3', () => {
    const codes = Object.fromEntries(ERROR_KINDS.map((k) => [k, exitCodeForErrorKind(k)]));
    expect(codes).toEqual({
      'invalid-input': 2,
      'too-large': 2,
      'not-found': 2,
      unreachable: 3,
      tls: 3,
      timeout: 3,
      unauthorized: 3,
      forbidden: 3,
      busy: 3,
      conflict: 3,
      internal: 3,
    });
  });
});
