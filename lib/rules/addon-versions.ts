import type { Finding } from '../model/finding';
import type { Target } from '../model/releases';
import type { Container } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { fixed, t } from '../model/text';
import type { Rule, RuleContext } from './support/check';
import {
  detectAddons,
  lowerBound,
  parseImage,
  rangeVerdict,
  type DetectedAddon,
  type UnknownVersion,
} from './support/addons';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { image as imageSlot, refText, setting, value, version as versionSlot } from './support/text';

const RULE_ID = 'addon-versions';
const CHANGE_ID = 'addon-compatibility';

/** Where a version was read. */
type Read = { version: string; from: 'tag' | 'label' | 'chart' } | { unknown: Text };

/** What this check says. */
const say = {
  inside: (what: Text, addon: Slot, v: Slot, range: Slot, target: Target) =>
    t`${what} runs ${addon} ${v}, within the versions the project supports on Kubernetes ${target} (${range}): verified compatible.`,
  older: (what: Text, addon: Slot, v: Slot, range: Slot, target: Target, first: Text) =>
    t`${what} runs ${addon} ${v}, older than any release the project supports on Kubernetes ${target} (${range}${first}).`,
  newer: (what: Text, addon: Slot, v: Slot, range: Slot, target: Target) =>
    t`${what} runs ${addon} ${v}, newer than the releases the project supports on Kubernetes ${target} (${range}): untested there.`,
  first: (v: Slot) => t`; the first is ${v}`,
  olderReference: (what: Text, addon: Slot, v: Slot, range: Slot, target: Target) =>
    t`${what} runs ${addon} ${v}, older than the version a reference installer pairs with Kubernetes ${target} (${range}). The project publishes no support range, so this is worth checking, not a known break.`,
  olderDerived: (what: Text, addon: Slot, v: Slot, range: Slot, target: Target) =>
    t`${what} runs ${addon} ${v}, older than the releases that fit Kubernetes ${target} by the project's support policy or its own manifests (${range}). The project publishes no tested range, so this is worth checking, not a known break.`,
  unknown: (what: Text, addon: Slot, why: Text) => t`${what} runs ${addon}, but its version cannot be read: ${why}.`,
  noStatement: (what: Text, addon: Slot, v: Slot, target: Target) =>
    t`${what} runs ${addon} ${v}; the add-on table holds no statement of the project for Kubernetes ${target}, so nothing is claimed either way.`,
  notVersion: (tag: Slot) => t`the image tag ${tag} is not a release number`,
  digestOnly: t`the image is pinned by digest, and neither the app.kubernetes.io/version label nor a Helm chart's appVersion names the release`,
  noLabel: t`neither the app.kubernetes.io/version label nor a Helm chart's appVersion names the release`,
  fixOlder: (first: Text, advice: string) =>
    t`Upgrade to a supported release${first} before the control plane moves. ${fixed(advice)}`,
  fixNewer: (advice: string) =>
    t`Check the project's notes for this release on the target Kubernetes, or pin a release inside the range. ${fixed(advice)}`,
  fixInside: t`Nothing to do for this step; keep the add-on inside the range when you upgrade it.`,
  fixUnknown: (advice: string) =>
    t`Set the app.kubernetes.io/version label (or deploy by tag) so the version can be checked, and compare it with the supported range by hand. ${fixed(advice)}`,
  imageEvidence: (addon: Slot) => t`The image that identifies ${addon}.`,
  versionEvidence: (from: 'tag' | 'label' | 'chart') =>
    from === 'tag'
      ? t`Read from the image tag.`
      : from === 'label'
        ? t`Read from the app.kubernetes.io/version label.`
        : t`Read from the Helm chart's appVersion.`,
  sourceEvidence: (source: Slot) => t`The project's own statement of the supported range: ${source}.`,
};

/** Why a version could not be read, in words. */
function unknownText(reason: UnknownVersion, c: Container): Text {
  switch (reason) {
    case 'digest':
      return say.digestOnly;
    case 'no-label':
      return say.noLabel;
    case 'not-a-version':
      // The tag is part of the image's identity: it travels in an image slot, so redaction replaces it.
      return say.notVersion(imageSlot(parseImage(c.image).tag ?? 'latest'));
  }
}

function findingFor(d: DetectedAddon, ctx: RuleContext): Finding {
  const { subject: s, container: c, addon } = d;
  const read: Read = 'unknown' in d.read ? { unknown: unknownText(d.read.unknown, c) } : d.read;
  const what = refText(s.ref);
  const name = setting(addon.name);
  const row = addon.support.find((r) => r.kubernetes === ctx.target);
  const evidence: EvidenceDraft[] = [
    {
      source: 'field',
      path: t`${s.specPath}.containers[${value(c.name)}].image`,
      value: [imageSlot(c.image)],
      detail: say.imageEvidence(name),
    },
  ];
  const base = { ruleId: RULE_ID, changeId: CHANGE_ID, ...subjectTarget(s), discriminator: addon.id };
  if ('unknown' in read) {
    return makeFinding({
      ...base,
      severity: 'info',
      confidence: 'possible',
      message: say.unknown(what, name, read.unknown),
      remediation: say.fixUnknown(addon.advice),
      evidence,
    });
  }
  evidence.push({
    source: read.from === 'chart' ? 'helm-release' : read.from === 'label' ? 'label' : 'field',
    value: [versionSlot(read.version)],
    detail: say.versionEvidence(read.from),
  });
  const v = versionSlot(read.version);
  if (!row) {
    return makeFinding({
      ...base,
      severity: 'info',
      confidence: 'possible',
      message: say.noStatement(what, name, v, ctx.target),
      remediation: say.fixInside,
      evidence,
    });
  }
  // The range and its source come from our table, not the cluster: facts, kept by redaction.
  evidence.push({
    source: 'field',
    value: [versionSlot(row.versions)],
    detail: say.sourceEvidence(setting(row.source)),
  });
  const verdict = rangeVerdict(row.versions, read.version) ?? 'inside';
  const range = versionSlot(row.versions);
  const low = lowerBound(row.versions);
  const first = low === undefined ? [] : say.first(versionSlot(low));
  const confidence = read.from === 'tag' ? 'certain' : 'likely';
  switch (verdict) {
    case 'inside':
      return makeFinding({
        ...base,
        severity: 'info',
        confidence,
        message: say.inside(what, name, v, range, ctx.target),
        remediation: say.fixInside,
        evidence,
      });
    case 'older':
      if (row.basis !== 'statement') {
        const older = row.basis === 'reference' ? say.olderReference : say.olderDerived;
        return makeFinding({
          ...base,
          severity: 'action',
          confidence: 'possible',
          message: older(what, name, v, range, ctx.target),
          remediation: say.fixOlder(first, addon.advice),
          evidence,
        });
      }
      return makeFinding({
        ...base,
        severity: 'breaking',
        confidence,
        message: say.older(what, name, v, range, ctx.target, first),
        remediation: say.fixOlder(first, addon.advice),
        evidence,
      });
    case 'newer':
      return makeFinding({
        ...base,
        severity: 'action',
        confidence: row.basis === 'statement' ? confidence : 'possible',
        message: say.newer(what, name, v, range, ctx.target),
        remediation: say.fixNewer(addon.advice),
        evidence,
      });
  }
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Add-ons whose running version does not support the target release',
  changeIds: [CHANGE_ID],
  needs: [...POD_SUBJECT_NEEDS],
  run(snapshot, ctx) {
    const addons = ctx.addons ?? [];
    if (addons.length === 0) return [];
    return sortFindings(detectAddons(snapshot, addons).map((d) => findingFor(d, ctx)));
  },
};
