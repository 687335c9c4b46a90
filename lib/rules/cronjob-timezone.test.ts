import { describe, expect, it } from 'vitest';
import { snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check, splitTzSchedule } from './cronjob-timezone';
import { plainRule } from './testing/plain';
import { ctx } from './testing/objects';

const rule = plainRule(check);

const cron = (name: string, schedule: string, timeZone?: string) =>
  workload('CronJob', name, 'batch', {}, { schedule, ...(timeZone ? { timeZone } : {}) });

describe('cronjob-timezone', () => {
  it('splits TZ prefixes', () => {
    expect(splitTzSchedule('CRON_TZ=Europe/Berlin 0 9 * * *')).toEqual({
      prefix: 'CRON_TZ',
      zone: 'Europe/Berlin',
      cron: '0 9 * * *',
    });
    expect(splitTzSchedule('TZ=UTC @daily')).toEqual({ prefix: 'TZ', zone: 'UTC', cron: '@daily' });
    expect(splitTzSchedule('0 9 * * *')).toBeUndefined();
  });

  it('asks to move a TZ prefix into spec.timeZone for a 1.25 target', () => {
    const [f] = rule.run(snapshot({ workloads: [cron('report', 'CRON_TZ=Europe/Berlin 0 9 * * 1-5')] }), ctx('1.25'));
    expect(f).toMatchObject({
      changeId: 'cronjob-timezone-beta',
      severity: 'action',
      object: { kind: 'CronJob', name: 'report' },
    });
    expect(f?.remediation).toContain('spec.timeZone: Europe/Berlin and spec.schedule: "0 9 * * 1-5"');
  });

  it('is info under the alpha change for a 1.24 target', () => {
    const [f] = rule.run(snapshot({ workloads: [cron('report', 'TZ=Asia/Tokyo 0 0 * * *')] }), ctx('1.24'));
    expect(f).toMatchObject({ changeId: 'cronjob-timezone-alpha', severity: 'info' });
    expect(f?.remediation).toMatch(/^After the upgrade to 1.25/);
  });

  it('points out CronJobs without spec.timeZone as an info opportunity for a 1.25 target', () => {
    const s = snapshot({
      workloads: [cron('a', '*/5 * * * *'), cron('b', '0 9 * * *', 'Europe/Paris'), workload('Job', 'j')],
    });
    const found = rule.run(s, ctx('1.25'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      changeId: 'cronjob-timezone-beta',
      severity: 'info',
      confidence: 'certain',
      object: { kind: 'CronJob', name: 'a' },
    });
    expect(found[0]?.message).toContain('kube-controller-manager');
  });

  it('says nothing about plain schedules for a 1.24 target, where spec.timeZone is alpha and off', () => {
    const s = snapshot({ workloads: [cron('a', '*/5 * * * *'), cron('b', '0 9 * * *', 'Europe/Paris')] });
    expect(rule.run(s, ctx('1.24'))).toEqual([]);
  });
});
