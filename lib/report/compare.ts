import { AppError } from '../errors';
import type { Finding } from '../model/finding';
import { sameCluster } from './cluster-identity';
import { redactionSaltId } from './redact';
import type { ChangeImpact, Report } from '../model/report';

/** A change whose impact status differs between two scans; a side is absent when that scan did not list it. */
export interface ImpactChange {
  changeId: string;
  before?: ChangeImpact;
  after?: ChangeImpact;
}

/** What changed between two scans of one cluster. */
export interface ReportComparison {
  /** In the newer scan only. */
  new: Finding[];
  /** In the older scan only: fixed, or the object is gone. */
  fixed: Finding[];
  /** In both; the newer scan's version of the finding. */
  remaining: Finding[];
  impactChanges: ImpactChange[];
}

/** Refuses, with a message saying why, to compare scans that are not of one cluster or cannot be matched. */
function assertComparable(older: Report, newer: Report): void {
  const a = redactionSaltId(older);
  const b = redactionSaltId(newer);
  if ((older.redaction === undefined) !== (newer.redaction === undefined)) {
    throw new AppError(
      'invalid-input',
      'Only one of these reports is redacted, so their names cannot be matched. Compare two unredacted reports, ' +
        'or two reports redacted with the same salt.',
      'redaction',
    );
  }
  if (a !== b) {
    throw new AppError(
      'invalid-input',
      'These reports were redacted with different salts, so the same object has different tokens in each. ' +
        'Compare the unredacted reports, or redact both with one salt.',
      'redaction',
    );
  }
  const from = older.cluster.source;
  const to = newer.cluster.source;
  const identity = (r: Report) => ({ ...r.cluster.source, ...(r.cluster.uid ? { uid: r.cluster.uid } : {}) });
  if (!sameCluster(identity(older), identity(newer))) {
    const name = (s: typeof from) => `"${s.label}"${s.server === undefined ? '' : ` (${s.server})`}`;
    throw new AppError(
      'invalid-input',
      `These reports are of different clusters: ${name(from)} and ${name(to)}. Compare two scans of one cluster.`,
      'cluster.source',
    );
  }
}

/** New, fixed and remaining findings by finding id (stable across scans), and changes whose status moved. */
export function compareReports(older: Report, newer: Report): ReportComparison {
  assertComparable(older, newer);
  const before = new Map(older.findings.map((f) => [f.id, f]));
  const after = new Set(newer.findings.map((f) => f.id));
  const oldImpacts = new Map(older.changes.map((c) => [c.changeId, c]));
  const newImpacts = new Map(newer.changes.map((c) => [c.changeId, c]));
  const impactChanges: ImpactChange[] = [];
  for (const changeId of new Set([...oldImpacts.keys(), ...newImpacts.keys()])) {
    const was = oldImpacts.get(changeId);
    const is = newImpacts.get(changeId);
    if (was?.status === is?.status) continue;
    impactChanges.push({ changeId, ...(was ? { before: was } : {}), ...(is ? { after: is } : {}) });
  }
  return {
    new: newer.findings.filter((f) => !before.has(f.id)),
    fixed: older.findings.filter((f) => !after.has(f.id)),
    remaining: newer.findings.filter((f) => before.has(f.id)),
    impactChanges,
  };
}
