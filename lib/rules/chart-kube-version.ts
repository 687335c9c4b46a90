import type { Finding } from '../model/finding';
import type { Target } from '../model/releases';
import type { ChartFacts } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import type { Rule } from './support/check';
import { makeFinding } from './support/finding';
import { sortFindings } from './support/object-refs';
import { setting, value, version } from './support/text';

const RULE_ID = 'chart-kube-version';
const CHANGE_ID = 'helm-chart-kube-version';

/** What this check says. */
const say = {
  refused: (chart: Slot, constraint: Slot, target: Target) =>
    t`Chart ${chart} declares kubeVersion ${constraint}, which Kubernetes ${target} does not satisfy: helm install and helm upgrade refuse the chart once the cluster runs ${target}.`,
  unreadable: (chart: Slot, constraint: Slot) =>
    t`Chart ${chart} declares kubeVersion ${constraint}, a range this scan cannot read, so whether Helm accepts the target release is not known.`,
  fix: (target: Target) =>
    t`Move to a chart version whose kubeVersion includes ${target}, or, for your own chart, check its templates against ${target} and widen the range.`,
  check: t`Check the range by hand with helm template --kube-version against the target release.`,
  evidence: t`The Kubernetes versions the chart accepts.`,
};

function findingFor(chart: ChartFacts, target: Target): Finding | undefined {
  const kv = chart.kubeVersion;
  if (!kv) return undefined;
  const admits = kv.admits[target];
  if (admits === true) return undefined;
  const name = setting(`${chart.name}${chart.version ? ` ${chart.version}` : ''}`);
  const constraint = value(kv.constraint);
  const message: Text = admits === false ? say.refused(name, constraint, target) : say.unreadable(name, constraint);
  return makeFinding({
    ruleId: RULE_ID,
    changeId: CHANGE_ID,
    severity: admits === false ? 'breaking' : 'info',
    confidence: admits === false ? 'certain' : 'possible',
    object: { apiVersion: 'v2', kind: 'Chart', name: chart.name },
    location: kv.location,
    message,
    remediation: admits === false ? say.fix(target) : say.check,
    evidence: [{ source: 'manifest', path: t`kubeVersion`, value: [version(kv.constraint)], detail: say.evidence }],
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Helm charts whose Chart.yaml kubeVersion excludes the target release',
  changeIds: [CHANGE_ID],
  needs: [],
  run(snapshot, ctx) {
    return sortFindings(
      (snapshot.charts ?? []).flatMap((c) => {
        const f = findingFor(c, ctx.target);
        return f ? [f] : [];
      }),
    );
  },
};
