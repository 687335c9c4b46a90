import { isMap, LineCounter, parseDocument, type Node } from 'yaml';
import type { ChartFacts, DeclaredObject, SourceLocation, Taken } from '../../../model/snapshot';
import type { ChartLayout } from '../layout';
import type { CapabilityWorld } from './conditions';
import { admits } from '../../../model/semver';
import { collectHelpers, readTemplateApis } from './templates';

/** What Chart.yaml says that matters here: name, version, the kubeVersion constraint, dependencies. */
export interface ChartYaml {
  name: string;
  version?: string;
  kubeVersion?: { constraint: string; location: SourceLocation };
  dependencies: { name: string; repository?: string }[];
}

/** Reads Chart.yaml; undefined when it is not a readable chart definition. */
export function readChartYaml(path: string, text: string): ChartYaml | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const value: unknown = doc.toJS({ maxAliasCount: 10 });
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const name = typeof v.name === 'string' ? v.name : path;
  const dependencies = Array.isArray(v.dependencies)
    ? v.dependencies.flatMap((d: unknown) => {
        if (typeof d !== 'object' || d === null) return [];
        const dep = d as Record<string, unknown>;
        return typeof dep.name === 'string'
          ? [{ name: dep.name, ...(typeof dep.repository === 'string' ? { repository: dep.repository } : {}) }]
          : [];
      })
    : [];
  let kubeVersion: ChartYaml['kubeVersion'];
  if (typeof v.kubeVersion === 'string' && v.kubeVersion.trim() !== '') {
    const node = doc.contents.get('kubeVersion', true) as Node | undefined;
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    kubeVersion = { constraint: v.kubeVersion.trim(), location: { path, line, column: col } };
  }
  return {
    name,
    ...(typeof v.version === 'string' ? { version: v.version } : {}),
    ...(kubeVersion ? { kubeVersion } : {}),
    dependencies,
  };
}

/**
 * Reads one chart tree (a top-level chart and its subcharts) without rendering it: each chart's facts and every
 * apiVersion its templates can produce, graded per release. Helpers are shared across the tree, as Helm shares them.
 */
export function readChartTree(
  tree: readonly ChartLayout[],
  worlds: readonly CapabilityWorld[],
): { charts: (ChartFacts & { dependencies: ChartYaml['dependencies'] })[]; declared: DeclaredObject[] } {
  const allTemplates = tree.flatMap((c) => c.templates);
  const charts = tree.map((c) => {
    const yaml = readChartYaml(c.chartFile.path, c.chartFile.text);
    const facts: ChartFacts & { dependencies: ChartYaml['dependencies'] } = {
      location: { path: c.chartFile.path, line: 1, column: 1 },
      name: yaml?.name ?? c.dir,
      ...(yaml?.version ? { version: yaml.version } : {}),
      rendering: { notRendered: 'not rendered' },
      dependencies: yaml?.dependencies ?? [],
    };
    if (yaml?.kubeVersion) {
      const admitsOn: Record<string, boolean | undefined> = {};
      for (const w of worlds) admitsOn[w.release] = admits(yaml.kubeVersion.constraint, w.release);
      facts.kubeVersion = { ...yaml.kubeVersion, admits: admitsOn };
    }
    return facts;
  });
  // Read once per release; the same references come out in the same order, only their grades differ.
  const perWorld = worlds.map((w) => readTemplateApis(allTemplates, collectHelpers(allTemplates, w), w));
  const first = perWorld[0] ?? [];
  const declared = first.flatMap((api, i): DeclaredObject[] => {
    if (api.kind === undefined) return [];
    const takenOn: Record<string, Taken> = {};
    worlds.forEach((w, j) => (takenOn[w.release] = perWorld[j]?.[i]?.taken ?? 'unknown'));
    const chart = [...tree]
      .sort((a, b) => b.dir.length - a.dir.length)
      .find((c) => api.path.startsWith(c.dir === '' ? '' : `${c.dir}/`))?.chartFile.path;
    return [
      {
        ref: { apiVersion: api.apiVersion, kind: api.kind, name: api.name },
        location: { path: api.path, line: api.line, column: api.column },
        origin: 'template',
        takenOn,
        ...(api.condition ? { condition: api.condition } : {}),
        ...(api.helper
          ? { helper: { name: api.helper.name, location: { path: api.helper.path, line: api.helper.line, column: 1 } } }
          : {}),
        ...(chart ? { from: chart } : {}),
      },
    ];
  });
  return { charts, declared };
}
