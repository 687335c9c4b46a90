import path from 'node:path';
import { execTool, type ExecResult } from './exec';

export interface HelmRenderOptions {
  /** The helm executable. */
  helm: string;
  /** The chart's directory on disk. */
  chartDir: string;
  /** The Kubernetes release to render for ('1.25'): `.Capabilities.KubeVersion`. */
  release: string;
  /** Group/versions (and group/version/Kind) the cluster of that release serves beyond what helm knows by itself. */
  apiVersions: readonly string[];
  /** Values files the user named, on disk. */
  valuesFiles: readonly string[];
  timeoutMs: number;
  maxOutputBytes: number;
  signal?: AbortSignal;
}

/**
 * `helm template` for one chart and release: default values plus the named values files, `--kube-version` set so
 * `semverCompare` branches go the way that release's cluster takes them, and `--api-versions` listing the
 * versions that release still serves, so `.Capabilities.APIVersions.Has` answers as its cluster would (helm's own
 * list is of its built-in client, newer than either release). Nothing is fetched: dependencies must be vendored.
 */
export function renderChart(o: HelmRenderOptions): Promise<ExecResult> {
  const args = [
    'template',
    'release-lens',
    o.chartDir,
    '--namespace',
    'default',
    '--kube-version',
    `v${o.release}.0`,
    ...o.apiVersions.flatMap((a) => ['--api-versions', a]),
    ...o.valuesFiles.flatMap((v) => ['--values', v]),
  ];
  return execTool(o.helm, args, {
    cwd: path.dirname(o.chartDir),
    timeoutMs: o.timeoutMs,
    maxOutputBytes: o.maxOutputBytes,
    ...(o.signal ? { signal: o.signal } : {}),
  });
}

/** One document of helm's output and the template it came from (`# Source: chart/templates/x.yaml`). */
export interface RenderedDocument {
  /** The template's path inside the chart directory: `templates/x.yaml`, `charts/sub/templates/y.yaml`. */
  template: string;
  text: string;
}

/** Splits `helm template` output into its documents, each with the template it came from. */
export function renderedDocuments(output: string): RenderedDocument[] {
  const docs: RenderedDocument[] = [];
  for (const part of output.split(/^---[ \t]*$/m)) {
    const source = /^# Source: ([^\n]+)$/m.exec(part)?.[1]?.trim();
    if (!source || part.trim() === '') continue;
    // The first segment is the chart's own name, whatever its directory is called.
    const template = source.slice(source.indexOf('/') + 1);
    docs.push({ template, text: part });
  }
  return docs;
}
