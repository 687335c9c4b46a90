import type { Finding } from '../model/finding';
import type { ObjectMeta, ObjectRef } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import type { Rule } from './support/check';
import { makeFinding } from './support/finding';
import { objectTarget, refOf, sortFindings } from './support/object-refs';
import { targetAtLeast } from './support/scope';
import { refText, setting } from './support/text';

const ID = 'cronjob-timezone';

/** Splits 'CRON_TZ=Europe/Berlin 0 9 * * *' into the zone, the prefix used and the plain schedule. */
export function splitTzSchedule(schedule: string): { prefix: string; zone: string; cron: string } | undefined {
  const m = /^\s*(CRON_TZ|TZ)=(\S+)\s+(.+)$/.exec(schedule);
  if (!m) return undefined;
  return { prefix: m[1] ?? '', zone: m[2] ?? '', cron: (m[3] ?? '').trim() };
}

/** What this check says. */
const say = {
  noZone: (job: Text, schedule: Slot) =>
    t`${job} runs "${schedule}" in the time zone of the kube-controller-manager process (usually UTC) because it sets no spec.timeZone. In 1.25 spec.timeZone is beta and on by default, so the schedule can follow a named zone, daylight-saving shifts included.`,
  noZoneFix: t`Nothing is required. If this job is meant to follow a local clock, set spec.timeZone (an IANA name such as Europe/Berlin) after the upgrade to 1.25 and write the schedule in that zone instead of converting it to UTC by hand.`,
  unset: t`(unset)`,
  withoutZone: (schedule: Slot) => t`schedule "${schedule}" without a time zone`,
  prefix: (job: Text, prefix: Slot, at125: boolean, both: Text) =>
    t`${job} picks its time zone with a ${prefix}= prefix in spec.schedule. That prefix was never part of the supported API; it only works because of the cron library the controller uses. ${at125 ? 'In 1.25 spec.timeZone (beta, on by default) does this officially.' : 'spec.timeZone exists in 1.24 only behind the alpha CronJobTimeZone gate, so keep the prefix until 1.25, where the field is on by default.'}${both}`,
  both: (zone: Slot) => t` It also sets spec.timeZone: ${zone}, and the API refuses that combination.`,
  prefixFix: (at125: boolean, zone: Slot, cron: Slot) =>
    t`${at125 ? '' : 'After the upgrade to 1.25: '}set spec.timeZone: ${zone} and spec.schedule: "${cron}" (one change, in the manifests or chart that own it), and check that kube-controller-manager can resolve the zone name.`,
  selecting: (prefix: Slot, zone: Slot) => t`${prefix}= prefix selecting ${zone}`,
};

/** An opportunity, not a problem: from 1.25 the schedule can name its zone instead of following the controller's clock. */
function noTimeZone(ref: ObjectRef, schedule: string, meta: ObjectMeta): Finding {
  return makeFinding({
    ruleId: ID,
    changeId: 'cronjob-timezone-beta',
    severity: 'info',
    confidence: 'certain',
    ...objectTarget(ref, meta),
    message: say.noZone(refText(ref), setting(schedule)),
    remediation: say.noZoneFix,
    evidence: [
      { source: 'field', path: t`spec.timeZone`, value: say.unset, detail: say.withoutZone(setting(schedule)) },
    ],
  });
}

export const rule: Rule = {
  id: ID,
  title: 'CronJob time zones: unsupported TZ prefixes, and schedules that could name their zone',
  changeIds: ['cronjob-timezone-alpha', 'cronjob-timezone-beta'],
  needs: ['cronjobs'],
  run(snapshot, ctx) {
    const at125 = targetAtLeast(ctx.target, '1.25');
    const findings = snapshot.workloads.flatMap((w) => {
      if (w.kind !== 'CronJob' || w.schedule === undefined) return [];
      const tz = splitTzSchedule(w.schedule);
      const ref = refOf(w.apiVersion, w.kind, w.metadata);
      if (!tz) return at125 && w.timeZone === undefined ? [noTimeZone(ref, w.schedule, w.metadata)] : [];
      const prefix = setting(tz.prefix);
      const zone = setting(tz.zone);
      return [
        makeFinding({
          ruleId: ID,
          changeId: at125 ? 'cronjob-timezone-beta' : 'cronjob-timezone-alpha',
          severity: at125 ? 'action' : 'info',
          confidence: 'certain',
          ...objectTarget(ref, w.metadata),
          message: say.prefix(
            refText(ref),
            prefix,
            at125,
            w.timeZone === undefined ? [] : say.both(setting(w.timeZone)),
          ),
          remediation: say.prefixFix(at125, zone, setting(tz.cron)),
          evidence: [
            {
              source: 'field',
              path: t`spec.schedule`,
              value: [setting(w.schedule)],
              detail: say.selecting(prefix, zone),
            },
          ],
        }),
      ];
    });
    return sortFindings(findings);
  },
};
