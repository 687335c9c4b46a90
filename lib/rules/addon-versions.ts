import type { Addon } from '../catalog/addon-schema';
import type { Finding } from '../model/finding';
import type { Target } from '../model/releases';
import type { Container, HelmRelease, Snapshot } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { fixed, t } from '../model/text';
import type { Rule, RuleContext } from './support/check';
import { addonOfImage, lowerBound, parseImage, rangeVerdict, versionOfTag } from './support/addons';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS } from './support/scope';
import { podSubjects, type PodSubject } from './support/subjects';
import { image as imageSlot, refText, setting, value, version as versionSlot } from './support/text';

const RULE_ID = 'addon-versions';
const CHANGE_ID = 'addon-compatibility';
const VERSION_LABEL = 'app.kubernetes.io/version';

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

/** The Helm release a subject belongs to, when the snapshot has its records. */
function releaseOf(s: PodSubject, releases: readonly HelmRelease[]): HelmRelease | undefined {
  const r = s.helmRelease;
  return r ? releases.find((h) => h.name === r.name && h.namespace === r.namespace) : undefined;
}

function readVersion(
  addon: Addon,
  image: ReturnType<typeof parseImage>,
  s: PodSubject,
  releases: readonly HelmRelease[],
): Read {
  const fromLabel = versionOfTag(s.metadata.labels[VERSION_LABEL]);
  const release = releaseOf(s, releases)?.current;
  const fromChart =
    release && addon.recognise.charts.includes(release.chart ?? '') ? versionOfTag(release.appVersion) : undefined;
  if (addon.version.from === 'app-version') {
    if (fromLabel) return { version: fromLabel, from: 'label' };
    if (fromChart) return { version: fromChart, from: 'chart' };
    return { unknown: say.noLabel };
  }
  const fromTag = versionOfTag(image.tag);
  if (fromTag) return { version: fromTag, from: 'tag' };
  if (fromLabel) return { version: fromLabel, from: 'label' };
  if (fromChart) return { version: fromChart, from: 'chart' };
  if (image.tag === undefined && image.digest) return { unknown: say.digestOnly };
  // The tag is part of the image's identity: it travels in an image slot, so redaction replaces it.
  return { unknown: say.notVersion(imageSlot(image.tag ?? 'latest')) };
}

function findingFor(
  s: PodSubject,
  c: Container,
  addon: Addon,
  snapshot: Snapshot,
  ctx: RuleContext & { addons: readonly Addon[] },
): Finding {
  const image = parseImage(c.image);
  const read = readVersion(addon, image, s, snapshot.helmReleases);
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
      if (row.basis === 'reference') {
        return makeFinding({
          ...base,
          severity: 'action',
          confidence: 'possible',
          message: say.olderReference(what, name, v, range, ctx.target),
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
        confidence,
        message: say.newer(what, name, v, range, ctx.target),
        remediation: say.fixNewer(addon.advice),
        evidence,
      });
  }
}

/** The add-ons a subject runs, each once, with the first container that identifies it. */
function addonsOf(s: PodSubject, addons: readonly Addon[]): { addon: Addon; container: Container }[] {
  const found = new Map<string, { addon: Addon; container: Container }>();
  for (const c of s.spec.containers) {
    if (c.role === 'ephemeral') continue;
    const addon = addonOfImage(addons, parseImage(c.image));
    // A version-bearing container wins over, say, an init container with a helper image of the same project.
    if (addon && (!found.has(addon.id) || c.role === 'container')) {
      if (!found.has(addon.id) || found.get(addon.id)?.container.role !== 'container')
        found.set(addon.id, { addon, container: c });
    }
  }
  return [...found.values()];
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Add-ons whose running version does not support the target release',
  changeIds: [CHANGE_ID],
  needs: [...POD_SUBJECT_NEEDS],
  run(snapshot, ctx) {
    const addons = ctx.addons ?? [];
    if (addons.length === 0) return [];
    const withAddons = { ...ctx, addons };
    return sortFindings(
      podSubjects(snapshot)
        .filter((s) => !s.coveredByOwner)
        .flatMap((s) =>
          addonsOf(s, addons).map(({ addon, container }) => findingFor(s, container, addon, snapshot, withAddons)),
        ),
    );
  },
};
