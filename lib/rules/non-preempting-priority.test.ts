import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './non-preempting-priority';
import { plainRule } from './testing/plain';
import { ctx, priorityClass } from './testing/objects';

const rule = plainRule(check);

describe('non-preempting-priority', () => {
  it('notes non-preempting classes and suggests Never for preempting classes used by batch work', () => {
    const s = snapshot({
      priorityClasses: [
        priorityClass('queue-first', 1000, { preemptionPolicy: 'Never' }),
        priorityClass('important', 5000),
        priorityClass('nightly-batch', 100),
        priorityClass('system-cluster-critical', 2000000000),
      ],
      workloads: [
        workload('CronJob', 'report', 'batch', { priorityClassName: 'important' }),
        workload('Deployment', 'api', 'shop', { priorityClassName: 'important' }),
      ],
    });
    const findings = rule.run(s, ctx('1.24'));
    expect(findings.map((f) => [f.object.name, f.confidence])).toEqual([
      ['important', 'possible'],
      ['nightly-batch', 'possible'],
      ['queue-first', 'certain'],
    ]);
    expect(findings[0]?.message).toContain('used by batch workloads (CronJob batch/report)');
    expect(findings[0]?.remediation).toContain('cannot be changed on an existing PriorityClass');
    expect(findings.every((f) => f.severity === 'info' && f.changeId === 'non-preempting-priority-ga')).toBe(true);
  });

  it('leaves service classes, system classes and zero-value classes alone', () => {
    const s = snapshot({
      priorityClasses: [
        priorityClass('critical-api', 10000),
        priorityClass('workflow', 10),
        priorityClass('system-node-critical', 2000001000),
        priorityClass('low', 0),
      ],
      workloads: [workload('Deployment', 'api', 'shop', { priorityClassName: 'critical-api' })],
    });
    expect(rule.run(s, ctx('1.24'))).toEqual([]);
  });
});
