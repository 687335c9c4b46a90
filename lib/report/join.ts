import type { RemovedApi } from '../catalog/schema';
import type { Finding, SourceMatch } from '../model/finding';
import type { Report, ReportNote } from '../model/report';
import type { ChartFacts, DeclaredObject } from '../model/snapshot';
import { slot, t } from '../model/text';

/** What a repository declares, as the join needs it. */
export interface RepositoryDeclarations {
  manifests: readonly DeclaredObject[];
  charts: readonly ChartFacts[];
}

const gvOf = (r: Pick<RemovedApi, 'group' | 'version'>) => (r.group === '' ? r.version : `${r.group}/${r.version}`);
const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';

/** Declared objects by kind and name; namespace checked when both sides have one (a manifest may leave it to -n). */
function byName(manifests: readonly DeclaredObject[]) {
  const map = new Map<string, DeclaredObject[]>();
  for (const m of manifests) {
    if (m.origin === 'template') continue;
    const key = `${m.ref.kind}/${m.ref.name}`;
    map.set(key, [...(map.get(key) ?? []), m]);
  }
  return (f: Finding): DeclaredObject[] =>
    (map.get(`${f.object.kind}/${f.object.name}`) ?? []).filter(
      (m) =>
        m.ref.namespace === undefined || f.object.namespace === undefined || m.ref.namespace === f.object.namespace,
    );
}

/** Declared objects of a chart by its name: what a Helm release of that chart installs, by kind. */
function byChart(repo: RepositoryDeclarations) {
  const chartOf = new Map(repo.charts.map((c) => [c.location.path, c.name]));
  return (chart: string, kind: string): DeclaredObject[] =>
    repo.manifests.filter((m) => m.from !== undefined && chartOf.get(m.from) === chart && m.ref.kind === kind);
}

/**
 * Joins a cluster's findings with the repository that deploys its objects: each finding whose object the repository
 * declares (same kind, name and namespace; or, for an object of a Helm release, the same kind in the release's
 * chart) gets the source's file and line, and for a removed API whether the source already names a served version
 * (redeploy) or still the removed one (fix the source first). Findings without a source in the repository are
 * left as they are; a note counts both.
 */
export function joinRepository(
  report: Report,
  repo: RepositoryDeclarations,
  options: { removedApis: readonly RemovedApi[]; label: string },
): Report {
  const releaseCharts = new Map((report.cluster.helmCharts ?? []).map((h) => [`${h.namespace}/${h.name}`, h.chart]));
  const named = byName(repo.manifests);
  const charted = byChart(repo);
  const removedGv = (f: Finding) => {
    const row = options.removedApis.find((r) => r.changeId === f.changeId && r.kind === f.object.kind);
    return row ? gvOf(row) : undefined;
  };
  let matched = 0;
  const findings = report.findings.map((f): Finding => {
    const release = f.helmRelease ? releaseCharts.get(`${f.helmRelease.namespace}/${f.helmRelease.name}`) : undefined;
    const direct = named(f);
    const candidates = direct.length > 0 ? direct : release ? charted(release, f.object.kind) : [];
    // Only the object's own API group: a chart may hold other kinds of the same name.
    const same = candidates.filter(
      (c) => groupOf(c.ref.apiVersion) === groupOf(f.object.apiVersion) || removedGv(f) !== undefined,
    );
    if (same.length === 0) return f;
    const gv = removedGv(f);
    // For a removed API, the source that still names it is the one to fix: show it first.
    // A template branch the target's cluster does not take is not a source that still needs fixing.
    const still =
      gv === undefined
        ? undefined
        : same.find(
            (c) => c.ref.apiVersion === gv && !(c.origin === 'template' && c.takenOn?.[report.target] === 'no'),
          );
    const chosen = still ?? same.find((c) => c.ref.apiVersion !== gv) ?? same[0];
    if (!chosen) return f;
    matched += 1;
    const state: SourceMatch['state'] = gv === undefined ? 'defined' : still ? 'unfixed' : 'fixed';
    const match: SourceMatch = {
      location: chosen.location,
      apiVersion: chosen.ref.apiVersion,
      state,
      via: direct.length > 0 ? 'name' : 'helm-chart',
    };
    return { ...f, source: match };
  });
  const note: ReportNote = {
    kind: 'repository-join',
    message: t`Joined with the repository ${slot('value', options.label)}: ${matched} of ${report.findings.length} findings have their source there.`,
  };
  return { ...report, findings, notes: [...report.notes, note] };
}
