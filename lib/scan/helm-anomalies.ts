import type { HelmRelease, Snapshot } from '../model/snapshot';

/** A report note: something worth knowing that is not a finding. */
export interface HelmAnomaly {
  kind: string;
  message: string;
}

function anomaliesOf(r: HelmRelease): HelmAnomaly[] {
  const name = `Helm release ${r.namespace}/${r.name}`;
  const out: HelmAnomaly[] = [];
  const deployed = r.revisions
    .filter((v) => v.status === 'deployed')
    .map((v) => v.revision)
    .sort((a, b) => a - b);
  if (deployed.length >= 2) {
    out.push({
      kind: 'helm-duplicate-deployed',
      message:
        `${name} has ${deployed.length} revisions marked deployed (${deployed.join(', ')}), usually after an ` +
        `interrupted upgrade. Release Lens checked the highest (${deployed[deployed.length - 1] ?? ''}) for removed ` +
        'APIs, as Helm does. Mark the older ones superseded (the status label of their storage records) so Helm and ' +
        'other tools agree on the current revision.',
    });
  }
  for (const e of [...r.decodeErrors].sort((a, b) => (a.storageObject < b.storageObject ? -1 : 1))) {
    out.push({
      kind: 'helm-decode-error',
      message: `${name}: the record ${r.storage} ${r.namespace}/${e.storageObject} could not be decoded (${e.message}); removed APIs in that revision were not checked.`,
    });
  }
  if (!r.current && r.revisions.length > 0) {
    const last = [...r.revisions].sort((a, b) => b.revision - a.revision)[0];
    out.push({
      kind: 'helm-no-deployed-revision',
      message: `${name} has no deployed revision (latest: ${last ? `${last.revision}, ${last.status}` : 'unknown'}), so its manifest was not checked for removed APIs.`,
    });
  }
  return out;
}

/** Helm storage anomalies to show beside the findings: duplicate deployed revisions, undecodable records. */
export function helmAnomalies(snapshot: Snapshot): HelmAnomaly[] {
  const releases = [...snapshot.helmReleases].sort((a, b) =>
    a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return releases.flatMap(anomaliesOf);
}
