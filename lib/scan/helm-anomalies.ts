import type { ReportNote } from '../model/report';
import type { HelmRelease, HelmSkip, Snapshot } from '../model/snapshot';
import { fixed, join, slot, t } from '../model/text';

/** What the Helm anomaly notes say. */
const say = {
  release: (r: HelmRelease) => t`Helm release ${slot('namespace', r.namespace)}/${slot('helm-release', r.name)}`,
  duplicate: (r: HelmRelease, deployed: number[]) =>
    t`${say.release(r)} has ${deployed.length} revisions marked deployed (${join(deployed.map((d) => t`${d}`))}), usually after an interrupted upgrade. Release Lens checked the highest (${deployed[deployed.length - 1] ?? 0}) for removed APIs, as Helm does. Mark the older ones superseded (the status label of their storage records) so Helm and other tools agree on the current revision.`,
  undecodable: (r: HelmRelease, e: HelmRelease['decodeErrors'][number]) =>
    t`${say.release(r)}: the record ${slot('api', r.storage)} ${slot('namespace', r.namespace)}/${slot('name', e.storageObject)} could not be decoded (${slot('value', e.message)}); removed APIs in that revision were not checked.`,
  skip: (s: HelmSkip) =>
    t`${s.hook === undefined ? 'the manifest' : t`hook ${slot('name', s.hook)}`}${s.document === undefined ? '' : t`, document ${s.document}`}: ${fixed(s.reason)}`,
  partlyRead: (r: HelmRelease, revision: number, skipped: readonly HelmSkip[]) =>
    t`${say.release(r)} revision ${revision}: parts of its manifest were over a read budget and not read (${join(skipped.slice(0, 10).map(say.skip), '; ')}${skipped.length > 10 ? t`; and ${skipped.length - 10} more` : ''}); removed APIs in them were not checked. Raise the setting named if the chart is genuinely that large.`,
  noDeployed: (r: HelmRelease, last: HelmRelease['revisions'][number] | undefined) =>
    t`${say.release(r)} has no deployed revision (latest: ${last ? t`${last.revision}, ${slot('setting', last.status)}` : 'unknown'}), so its manifest was not checked for removed APIs.`,
};

function anomaliesOf(r: HelmRelease): ReportNote[] {
  const out: ReportNote[] = [];
  const deployed = r.revisions
    .filter((v) => v.status === 'deployed')
    .map((v) => v.revision)
    .sort((a, b) => a - b);
  if (deployed.length >= 2) out.push({ kind: 'helm-duplicate-deployed', message: say.duplicate(r, deployed) });
  for (const e of [...r.decodeErrors].sort((a, b) => (a.storageObject < b.storageObject ? -1 : 1))) {
    out.push({ kind: 'helm-decode-error', message: say.undecodable(r, e) });
  }
  if (r.current?.skipped?.length) {
    out.push({ kind: 'helm-partly-read', message: say.partlyRead(r, r.current.revision, r.current.skipped) });
  }
  if (!r.current && r.revisions.length > 0) {
    const last = [...r.revisions].sort((a, b) => b.revision - a.revision)[0];
    out.push({ kind: 'helm-no-deployed-revision', message: say.noDeployed(r, last) });
  }
  return out;
}

/** Helm storage anomalies to show beside the findings: duplicate deployed revisions, undecodable records. */
export function helmAnomalies(snapshot: Snapshot): ReportNote[] {
  const releases = [...snapshot.helmReleases].sort((a, b) =>
    a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return releases.flatMap(anomaliesOf);
}
