import path from 'node:path';
import type { ReadBudgets } from '../../model/budgets';
import { minorOf, type Target } from '../../model/releases';
import type { ChartFacts, DeclaredObject, SourceLocation } from '../../model/snapshot';
import type { SnapshotSource } from '../../model/sources';
import type { CapabilityWorld } from './helm/conditions';
import { readChartTree } from './helm/chart';
import { kustomizationRoots, lineOfObject, readKustomization, type KustomizationRefs } from './kustomization';
import { chartTree, layoutOf, type ChartLayout } from './layout';
import { readManifestFiles, type FilesResult, type ManifestFile, type UnreadFile } from './read';
import { renderChart, renderedDocuments } from './render/helm';
import { originFile, renderKustomization, ORIGIN_ANNOTATION, type KustomizeTool } from './render/kustomize';
import { walkRepository } from './walk';

/** A removed API as the repository reader needs it: which group/version/kind, gone in which release. */
export interface RemovedApiRow {
  group: string;
  version: string;
  kind: string;
  removedIn: string;
}

/** The renderers found on this machine; absent ones make the reader fall back to reading text. */
export interface RenderTools {
  helm?: string;
  kustomize?: KustomizeTool;
  /** Why nothing is rendered at all, when that is a choice rather than a missing tool (an upload on a server). */
  off?: string;
}

export interface RepositoryOptions {
  source: SnapshotSource;
  budgets: ReadBudgets;
  target: Target;
  removedApis: readonly RemovedApiRow[];
  tools: RenderTools;
  /** Values files to render every chart with, on disk. */
  valuesFiles?: readonly string[];
  /** Files that are not on disk: manifests from standard input, or an uploaded repository's files. */
  extra?: readonly ManifestFile[];
  /** What an upload left out, and why. */
  extraUnread?: readonly UnreadFile[];
  signal?: AbortSignal;
  collectedAt?: Date;
}

const RENDER_TIMEOUT_MS = 60_000;
const gv = (r: RemovedApiRow) => (r.group === '' ? r.version : `${r.group}/${r.version}`);

/** The releases a chart is read for: the one before the target (the cluster today) and the target. */
export function releasesFor(target: Target): string[] {
  return [`1.${minorOf(target) - 1}`, target];
}

/** What a cluster of a release serves, as far as charts ask: everything but the versions removed by then. */
export function worldFor(release: string, removed: readonly RemovedApiRow[]): CapabilityWorld {
  const gone = removed.filter((r) => minorOf(r.removedIn) <= minorOf(release));
  return {
    release,
    served: (asked) => {
      const kindAt = /\/[A-Z][A-Za-z0-9]*$/.exec(asked);
      const version = kindAt ? asked.slice(0, kindAt.index) : asked;
      return !gone.some((r) => gv(r) === version);
    },
  };
}

/** `--api-versions` for helm: what a cluster of the release still serves that helm's own newer list lacks. */
function servedExtras(release: string, removed: readonly RemovedApiRow[]): string[] {
  const still = removed.filter((r) => minorOf(r.removedIn) > minorOf(release));
  return [...new Set(still.flatMap((r) => [gv(r), `${gv(r)}/${r.kind}`]))].sort();
}

const firstLine = (s: string) => s.split('\n')[0]?.slice(0, 300) ?? '';

interface ChartOutcome {
  facts: ChartFacts[];
  declared: DeclaredObject[];
  rendered: ManifestFile[];
  unread: UnreadFile[];
}

/** Where a rendered object is written: its template, at the line where the template names that apiVersion and kind. */
function templateLocator(templatePath: string, declared: readonly DeclaredObject[]) {
  return (object: Record<string, unknown>): SourceLocation => {
    const same = declared.filter((d) => d.location.path === templatePath);
    const match =
      same.find((d) => d.ref.apiVersion === object.apiVersion && d.ref.kind === object.kind) ??
      same.find((d) => d.ref.kind === object.kind);
    return match?.location ?? { path: templatePath, line: 1, column: 1 };
  };
}

/** Dependencies Helm would need in a chart's charts/ (a subchart directory or a packaged .tgz) that are not there. */
function missingDependencies(
  tree: readonly ChartLayout[],
  charts: readonly (ChartFacts & { dependencies: { name: string; repository?: string }[] })[],
  files: ReadonlySet<string>,
): UnreadFile[] {
  return tree.flatMap((chart) => {
    const prefix = `${chart.dir === '' ? '' : `${chart.dir}/`}charts/`;
    const facts = charts.find((c) => c.location.path === chart.chartFile.path);
    return (facts?.dependencies ?? [])
      .filter(
        (dep) =>
          !tree.some((c) => c.dir === `${prefix}${dep.name}`) &&
          ![...files].some((f) => f.startsWith(`${prefix}${dep.name}-`)),
      )
      .map((dep) => ({
        path: chart.chartFile.path,
        reason: `its dependency ${dep.name}${dep.repository ? ` (${dep.repository})` : ''} is not in charts/: run helm dependency build to have it scanned`,
      }));
  });
}

/**
 * Renders a chart tree with helm for each release (the last is the target); the target's documents, each located
 * at its template. A reason instead when it cannot be rendered.
 */
async function renderTree(
  top: ChartLayout,
  base: string,
  releases: readonly string[],
  declared: readonly DeclaredObject[],
  options: RepositoryOptions,
): Promise<{ rendered: ManifestFile[] } | { notRendered: string }> {
  if (options.tools.off) return { notRendered: options.tools.off };
  if (!options.tools.helm) return { notRendered: 'helm is not installed' };
  let target = '';
  // Every release is rendered, so a chart that fails on either is said to; the target's output is what is read.
  for (const release of releases) {
    const result = await renderChart({
      helm: options.tools.helm,
      chartDir: path.resolve(base, top.dir),
      release,
      apiVersions: servedExtras(release, options.removedApis),
      valuesFiles: options.valuesFiles ?? [],
      timeoutMs: RENDER_TIMEOUT_MS,
      maxOutputBytes: options.budgets.fileBytes * 4,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!result.ok) return { notRendered: `helm template for ${release} failed: ${firstLine(result.reason)}` };
    target = result.stdout;
  }
  const join = (p: string) => (top.dir === '' ? p : `${top.dir}/${p}`);
  return {
    rendered: renderedDocuments(target).map((doc, i) => ({
      path: `${join(doc.template)}#rendered-${i + 1}`,
      text: doc.text,
      rendered: { from: top.chartFile.path, locate: templateLocator(join(doc.template), declared) },
    })),
  };
}

async function readChart(
  tree: ChartLayout[],
  base: string,
  options: RepositoryOptions,
  files: ReadonlySet<string>,
): Promise<ChartOutcome> {
  const releases = releasesFor(options.target);
  const worlds = releases.map((r) => worldFor(r, options.removedApis));
  const { charts, declared } = readChartTree(tree, worlds);
  const unread = missingDependencies(tree, charts, files);
  const facts = () => charts.map(({ dependencies: _, ...f }) => f);
  const top = tree.find((c) => c.dir === c.top) ?? tree[0];
  if (!top) return { facts: facts(), declared, rendered: [], unread };
  const outcome = await renderTree(top, base, releases, declared, options);
  if ('notRendered' in outcome) {
    const topFacts = charts.find((c) => c.location.path === top.chartFile.path);
    if (topFacts) topFacts.rendering = { notRendered: outcome.notRendered };
    unread.push({
      path: top.chartFile.path,
      reason: `the chart was not rendered (${outcome.notRendered}): its apiVersions were read from the template text on every branch, but the checks of pod templates did not see its workloads`,
    });
    return { facts: facts(), declared, rendered: [], unread };
  }
  for (const f of charts) f.rendering = { rendered: releases };
  return { facts: facts(), declared, rendered: outcome.rendered, unread };
}

async function readKustomizations(
  refs: KustomizationRefs[],
  base: string,
  options: RepositoryOptions,
  textOf: (path: string) => string | undefined,
): Promise<{ rendered: ManifestFile[]; consumed: Set<string>; unread: UnreadFile[] }> {
  const rendered: ManifestFile[] = [];
  const consumed = new Set<string>();
  const unread: UnreadFile[] = [];
  for (const { root, files, remote } of kustomizationRoots(refs)) {
    const note = (reason: string) =>
      unread.push({
        path: root.path,
        reason: `the kustomization was not rendered (${reason}): the files it names were read as written, without its namespace, name prefixes or patches`,
      });
    if (remote.length > 0) {
      note(`it builds from a remote base, ${remote[0] ?? ''}, which is never fetched`);
      continue;
    }
    if (options.tools.off) {
      note(options.tools.off);
      continue;
    }
    if (!options.tools.kustomize) {
      note('neither kubectl nor kustomize is installed');
      continue;
    }
    const { result, wrapper } = await renderKustomization(options.tools.kustomize, path.resolve(base, root.dir), {
      timeoutMs: RENDER_TIMEOUT_MS,
      maxOutputBytes: options.budgets.fileBytes * 4,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!result.ok) {
      note(`kustomize failed: ${firstLine(result.reason)}`);
      continue;
    }
    for (const f of files) consumed.add(f);
    const toRepo = (absolute: string) => path.relative(base, absolute).split(path.sep).join('/');
    rendered.push({
      path: `${root.path}#rendered`,
      text: result.stdout,
      rendered: {
        from: root.path,
        locate: (object) => {
          const meta = object.metadata as { annotations?: Record<string, unknown> } | undefined;
          const origin = meta?.annotations?.[ORIGIN_ANNOTATION];
          const file = typeof origin === 'string' ? originFile(origin, wrapper) : undefined;
          if (!file) return { path: root.path, line: 1, column: 1 };
          const repoPath = toRepo(file);
          return {
            path: repoPath,
            line: lineOfObject(
              textOf(repoPath) ?? '',
              object.kind,
              (object.metadata as { name?: unknown } | undefined)?.name,
            ),
            column: 1,
          };
        },
      },
    });
  }
  return { rendered, consumed, unread };
}

/**
 * Reads a repository (files and directories, with `base` the directory paths are shown from) into a snapshot:
 * plain manifests as they are; Helm charts rendered with helm for the release before the target and the target
 * when helm is installed, and always read as template text on every branch; kustomizations rendered with kubectl
 * kustomize (or kustomize) when installed, else their files read as written. What could not be read or rendered is
 * listed with the reason, and the report says it is incomplete.
 */
export async function readRepository(
  targets: readonly string[],
  base: string,
  options: RepositoryOptions,
): Promise<FilesResult> {
  const walked = await walkRepository(targets, { budgets: options.budgets, base });
  const files = [...walked.files, ...(options.extra ?? [])];
  const layout = layoutOf(files);
  const paths = new Set(files.map((f) => f.path));
  const charts: ChartOutcome[] = [];
  for (const top of layout.charts.filter((c) => c.dir === c.top)) {
    charts.push(await readChart(chartTree(layout, top.dir), walked.base, options, paths));
  }
  const refs = layout.kustomizations.flatMap((k) => {
    const r = readKustomization(k);
    return r ? [r] : [];
  });
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const kustomized = await readKustomizations(refs, walked.base, options, (p) => texts.get(p));
  const plain = layout.plain.filter((f) => !kustomized.consumed.has(f.path));
  const result = readManifestFiles([...plain, ...charts.flatMap((c) => c.rendered), ...kustomized.rendered], {
    source: options.source,
    budgets: options.budgets,
    ...(options.collectedAt ? { collectedAt: options.collectedAt } : {}),
    unread: [
      ...walked.unread,
      ...(options.extraUnread ?? []),
      ...charts.flatMap((c) => c.unread),
      ...kustomized.unread,
    ],
  });
  return {
    ...result,
    snapshot: {
      ...result.snapshot,
      manifests: [...(result.snapshot.manifests ?? []), ...charts.flatMap((c) => c.declared)],
      charts: charts.flatMap((c) => c.facts),
    },
  };
}
