import { describe, expect, it } from 'vitest';
import { planQuery } from './plan-link';

describe('planQuery', () => {
  it("links a report to its plan: from its cluster's minor when the catalog covers it", () => {
    expect(planQuery({ cluster: { serverVersion: 'v1.23.17' }, target: '1.25' }, 'abc')).toBe(
      'from=1.23&to=1.25&report=abc',
    );
    expect(planQuery({ cluster: { serverVersion: 'v1.21.3' }, target: '1.24' })).toBe('to=1.24');
    expect(planQuery({ cluster: {}, target: '1.25' })).toBe('to=1.25');
  });
});
