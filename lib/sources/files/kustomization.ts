import { parse } from 'yaml';
import type { KustomizationLayout } from './layout';

/** What a kustomization names: local files and directories it builds from, and remote bases it would fetch. */
export interface KustomizationRefs {
  dir: string;
  path: string;
  /** Paths from the repository root of the files and directories it names (resources, components, patches). */
  local: string[];
  /** Entries that name a remote base (a URL, a git address): never fetched. */
  remote: string[];
}

const REMOTE =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|\.git(?:\/\/|$)|^[^./][^/]*\.[a-z]{2,}\/[^/]+\/[^/]+/i;

/** Joins a kustomization's directory and a relative entry into a repository path, resolving `.` and `..`. */
export function resolveEntry(dir: string, entry: string): string | undefined {
  const parts = dir === '' ? [] : dir.split('/');
  for (const piece of entry.split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(piece);
  }
  return parts.join('/');
}

function entries(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v === 'string') return [v];
    // patches: [{ path: x.yaml, target: … }] and patchesJson6902: [{ path: … }]
    if (typeof v === 'object' && v !== null && typeof (v as { path?: unknown }).path === 'string') {
      return [(v as { path: string }).path];
    }
    return [];
  });
}

/** The entries of one kustomization; undefined when it does not parse as one. */
export function readKustomization(k: KustomizationLayout): KustomizationRefs | undefined {
  let doc: unknown;
  try {
    doc = parse(k.file.text, { maxAliasCount: 10, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  const all = [
    ...entries(d.resources),
    ...entries(d.bases),
    ...entries(d.components),
    ...entries(d.patches),
    ...entries(d.patchesStrategicMerge),
    ...entries(d.patchesJson6902),
    ...entries(d.crds),
  ];
  const local: string[] = [];
  const remote: string[] = [];
  for (const entry of all) {
    // An inline patch (a YAML string with a newline) names no file.
    if (entry.includes('\n')) continue;
    if (REMOTE.test(entry)) remote.push(entry);
    else {
      const resolved = resolveEntry(k.dir, entry);
      if (resolved !== undefined) local.push(resolved);
    }
  }
  return { dir: k.dir, path: k.file.path, local, remote };
}

/**
 * The kustomizations to render: those no other kustomization of the repository builds from (the overlays, or a base
 * used by none). Each comes with every kustomization its tree reaches, and the files they name.
 */
export function kustomizationRoots(all: readonly KustomizationRefs[]): {
  root: KustomizationRefs;
  tree: KustomizationRefs[];
  files: Set<string>;
  remote: string[];
}[] {
  const byDir = new Map(all.map((k) => [k.dir, k]));
  const referenced = new Set(all.flatMap((k) => k.local.filter((p) => byDir.has(p) && p !== k.dir)));
  return all
    .filter((k) => !referenced.has(k.dir))
    .map((root) => {
      const tree: KustomizationRefs[] = [];
      const files = new Set<string>();
      const visit = (k: KustomizationRefs) => {
        if (tree.includes(k) || tree.length > 100) return;
        tree.push(k);
        for (const p of k.local) {
          const child = byDir.get(p);
          if (child) visit(child);
          else files.add(p);
        }
      };
      visit(root);
      return { root, tree, files, remote: tree.flatMap((k) => k.remote) };
    });
}

/**
 * The line where the document declaring an object starts in a file's text (1 when it cannot be told): the
 * document of that kind whose name the rendered name contains (kustomize adds prefixes and suffixes), else the
 * first of that kind.
 */
export function lineOfObject(text: string, kind: unknown, renderedName: unknown): number {
  if (typeof kind !== 'string') return 1;
  const name = typeof renderedName === 'string' ? renderedName : '';
  const starts = [0, ...[...text.matchAll(/^---[^\n]*$/gm)].map((m) => (m.index ?? 0) + m[0].length)];
  let first: number | undefined;
  for (const [i, start] of starts.entries()) {
    const doc = text.slice(start, starts[i + 1] ?? text.length);
    const declared = /^kind:[ \t]*["']?([A-Za-z0-9]+)["']?[ \t]*(?:#.*)?$/m.exec(doc)?.[1];
    if (declared !== kind) continue;
    // The first line of the document that is neither blank nor a comment.
    const offset = doc.split('\n').findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    const line = text.slice(0, start).split('\n').length + Math.max(offset, 0);
    const own = /^[ \t]{1,4}name:[ \t]*["']?([^"'\s#]+)/m.exec(doc)?.[1];
    if (own !== undefined && name.includes(own)) return line;
    first ??= line;
  }
  return first ?? 1;
}
