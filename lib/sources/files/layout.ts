import type { ManifestFile } from './read';

/** A Helm chart in a repository: the directory holding Chart.yaml, and its files by role. */
export interface ChartLayout {
  /** The chart's directory ('' for the repository root). */
  dir: string;
  chartFile: ManifestFile;
  /** templates/: Go templates and helpers, rendered by Helm, never applied as they are. */
  templates: ManifestFile[];
  /** The directory of the outermost chart this one is a subchart of; itself for a top-level chart. */
  top: string;
}

/** A kustomization root: the directory holding kustomization.yaml. */
export interface KustomizationLayout {
  dir: string;
  file: ManifestFile;
}

/** A repository's files sorted by what they are. */
export interface RepositoryLayout {
  charts: ChartLayout[];
  kustomizations: KustomizationLayout[];
  /** Files applied as they are: plain manifests, and a chart's crds/. */
  plain: ManifestFile[];
}

const KUSTOMIZATION_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const join = (dir: string, rest: string) => (dir === '' ? rest : `${dir}/${rest}`);
const inside = (dir: string, p: string) => dir === '' || p.startsWith(`${dir}/`);

/**
 * Sorts a repository's files: Helm charts (a directory with Chart.yaml, subcharts under its charts/), kustomization
 * roots, and the plain manifests that are applied as they are. A chart's values, Chart.yaml and test values are
 * not manifests; its crds/ are.
 */
export function layoutOf(files: readonly ManifestFile[]): RepositoryLayout {
  const chartDirs = files
    .filter((f) => baseOf(f.path) === 'Chart.yaml')
    .map((f) => ({ dir: dirOf(f.path), file: f }))
    // Outer charts first, so each subchart finds its top.
    .sort((a, b) => a.dir.length - b.dir.length);
  const charts: ChartLayout[] = [];
  for (const { dir, file } of chartDirs) {
    const outer = charts.find((c) => c.dir !== dir && inside(c.dir, dir));
    charts.push({ dir, chartFile: file, templates: [], top: outer?.top ?? dir });
  }
  // The chart a file belongs to is the innermost one holding it.
  const innermost = [...charts].sort((a, b) => b.dir.length - a.dir.length);
  const kustomizations: KustomizationLayout[] = [];
  const plain: ManifestFile[] = [];
  for (const file of files) {
    const chart = innermost.find((c) => inside(c.dir, file.path));
    if (chart) {
      if (inside(join(chart.dir, 'templates'), file.path)) chart.templates.push(file);
      else if (inside(join(chart.dir, 'crds'), file.path)) plain.push(file);
      continue;
    }
    if (KUSTOMIZATION_FILES.has(baseOf(file.path))) kustomizations.push({ dir: dirOf(file.path), file });
    else plain.push(file);
  }
  return { charts, kustomizations, plain };
}

/** The charts of one top-level chart's tree: itself and every subchart under it. */
export function chartTree(layout: RepositoryLayout, top: string): ChartLayout[] {
  return layout.charts.filter((c) => c.top === top);
}
