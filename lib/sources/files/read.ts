import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { DEFAULT_BUDGETS, overBudget, type ReadBudgets } from '../../model/budgets';
import { RESOURCE_KEYS, isObjectResourceKey, RESOURCES, type ResourceKey } from '../../model/resources';
import type { CoverageEntry, DeclaredObject, Snapshot, SourceLocation } from '../../model/snapshot';
import type { SnapshotSource } from '../../model/sources';
import { t } from '../../model/text';
import { countDocuments, documentsAt } from '../../parsing/yaml-documents';
import { yamlOverBudget } from '../../parsing/yaml-shape';
import { contentOffset, parseYamlFast, plainlyWithinBudgets } from '../../parsing/yaml-fast';
import { SnapshotBuilder } from '../../snapshot/builder';
import { isRecord } from '../../snapshot/project/read';
import { resourceKeyFor } from '../offline/resource-key';

/** One file of a repository: its path from the scanned root, and its text. */
export interface ManifestFile {
  path: string;
  text: string;
  /**
   * For the output of helm or kustomize: the chart or kustomization it was rendered from, and where each object is
   * written in the repository (its template, or the file kustomize took it from).
   */
  rendered?: { from: string; locate: (object: Record<string, unknown>) => SourceLocation };
}

/** A file or document that was not read, and why (our own words). */
export interface UnreadFile {
  path: string;
  reason: string;
}

export interface FilesResult {
  snapshot: Snapshot;
  /** Files that held no Kubernetes object at all (workflows, compose files, values files): passed over quietly. */
  ignored: string[];
  /** Files or documents that could not be read as YAML or JSON, with where and why. */
  unread: UnreadFile[];
}

/** Where an object starts in its file, from its node's offset. */
function locationOf(path: string, lines: LineCounter, offset: number): SourceLocation {
  const { line, col } = lines.linePos(offset);
  return { path, line, column: col };
}

/** The objects of one parsed document (a `List` gives its items), each with the offset of its node. */
function objectsOf(node: Node | null, value: unknown): { value: Record<string, unknown>; offset: number }[] {
  if (!isRecord(value) || node === null) return [];
  const kind = value.kind;
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items) && isMap(node)) {
    const items = node.get('items', true);
    if (!isSeq(items)) return [];
    return items.items.flatMap((item, i) => {
      const v: unknown = (value.items as unknown[])[i];
      return isRecord(v) ? [{ value: v, offset: (item as Node).range?.[0] ?? 0 }] : [];
    });
  }
  return [{ value, offset: node.range?.[0] ?? 0 }];
}

const isKubernetesObject = (v: Record<string, unknown>) =>
  typeof v.apiVersion === 'string' && typeof v.kind === 'string';

const templated = (v: unknown) => typeof v === 'string' && v.includes('{{');

/** A document that parsed whole with its identity free of template actions: `{{` only inside its data. */
function plainWithTemplateText(value: unknown): boolean {
  if (!isRecord(value) || !isKubernetesObject(value)) return false;
  const meta = isRecord(value.metadata) ? value.metadata : {};
  return ![value.apiVersion, value.kind, meta.name, meta.namespace].some(templated);
}

type ReadDocument =
  | { kind: 'objects'; objects: { value: Record<string, unknown>; offset: number }[] }
  | { kind: 'refused'; reason: string }
  | { kind: 'template'; offset: number }
  | { kind: 'error'; offset: number; reason: string };

/**
 * One document, parsed within the budgets. An ordinary manifest takes the fast parser; anything that might be over
 * a budget (long, deep, with aliases) is lexed against the budgets first and parsed with alias expansion capped,
 * and a `List` is parsed with positions so each item keeps its line.
 */
function readDocument(text: string, budgets: ReadBudgets, templatesPossible: boolean): ReadDocument {
  if (text.length > budgets.documentBytes) {
    return { kind: 'refused', reason: `it is larger than ${overBudget('documentBytes', budgets.documentBytes)}` };
  }
  const template = templatesPossible ? text.indexOf('{{') : -1;
  const plain = plainlyWithinBudgets(text, budgets);
  if (plain) {
    const fast = parseYamlFast(text);
    if (template >= 0 && (!fast.ok || !plainWithTemplateText(fast.value)))
      return { kind: 'template', offset: template };
    if (!fast.ok) return { kind: 'error', offset: fast.offset, reason: fast.reason };
    const v = fast.value;
    if (!(isRecord(v) && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items))) {
      return { kind: 'objects', objects: isRecord(v) ? [{ value: v, offset: contentOffset(text) }] : [] };
    }
  }
  const refused = plain ? undefined : yamlOverBudget(text, budgets);
  if (refused !== undefined) return { kind: 'refused', reason: refused };
  const parsed = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const error = parsed.errors[0];
  let value: unknown;
  if (!error) {
    try {
      value = parsed.toJS({ maxAliasCount: 50 });
    } catch {
      return { kind: 'refused', reason: 'it expands too many YAML aliases' };
    }
  }
  if (template >= 0 && (error || !plainWithTemplateText(value))) return { kind: 'template', offset: template };
  if (error) return { kind: 'error', offset: error.pos[0], reason: error.message.split('\n')[0] ?? 'invalid YAML' };
  return { kind: 'objects', objects: objectsOf(parsed.contents, value) };
}

/**
 * Reads the manifests of a repository into a snapshot: YAML and JSON, multi-document, `List` kinds. Every object
 * the checks read goes to the snapshot builder as it would from a cluster, and its file, line and column are kept
 * so findings point at it. Documents over the read budgets are skipped with a note; files that hold no Kubernetes
 * object are passed over; files that do not parse (Helm templates among them) are listed with the reason.
 * Coverage says what files cannot hold (nodes, the API server's version, discovery, metrics).
 */
export function readManifestFiles(
  files: readonly ManifestFile[],
  options: { source: SnapshotSource; budgets?: ReadBudgets; collectedAt?: Date; unread?: readonly UnreadFile[] },
): FilesResult {
  const budgets = options.budgets ?? DEFAULT_BUDGETS;
  const builder = new SnapshotBuilder(options.source, options.collectedAt ?? new Date(), { budgets });
  const seen = new Set<ResourceKey>();
  const manifests: DeclaredObject[] = [];
  const ignored: string[] = [];
  const unread: UnreadFile[] = [...(options.unread ?? [])];
  for (const file of files) {
    const lines = new LineCounter();
    let found = 0;
    let text = 0;
    /** Documents that are templates: the file is not "not Kubernetes", only not readable as it is. */
    let held = 0;
    const count = countDocuments(file.text, budgets.manifestDocuments);
    if (count > budgets.manifestDocuments) {
      unread.push({
        path: file.path,
        reason: `more than ${overBudget('manifestDocuments', budgets.manifestDocuments)} documents`,
      });
      continue;
    }
    // Line numbers are counted once over the whole file; each document's offsets are added to its own start.
    lines.addNewLine(0);
    for (let i = file.text.indexOf('\n'); i >= 0; i = file.text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    for (const doc of documentsAt(file.text)) {
      text += 1;
      const at = (offset: number) => locationOf(file.path, lines, doc.offset + offset);
      const read = readDocument(doc.text, budgets, !file.rendered);
      if (read.kind === 'refused') {
        unread.push({ path: `${file.path}:${at(0).line}`, reason: read.reason });
        continue;
      }
      if (read.kind === 'template') {
        held += 1;
        unread.push({
          path: `${file.path}:${at(read.offset).line}`,
          reason: 'it is a template ({{ … }}), not a manifest: render it first (helm template, kustomize build)',
        });
        continue;
      }
      if (read.kind === 'error') {
        const where = at(read.offset);
        unread.push({ path: `${file.path}:${where.line}:${where.column}`, reason: read.reason });
        continue;
      }
      for (const o of read.objects) {
        if (!isKubernetesObject(o.value)) continue;
        found += 1;
        const apiVersion = o.value.apiVersion as string;
        const kind = o.value.kind as string;
        const key = resourceKeyFor(apiVersion, kind, o.value);
        const meta = isRecord(o.value.metadata) ? o.value.metadata : {};
        const name = typeof meta.name === 'string' ? meta.name : '';
        const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
        const location = file.rendered ? file.rendered.locate(o.value) : at(o.offset);
        manifests.push({
          ref: { apiVersion, kind, ...(namespace === undefined ? {} : { namespace }), name },
          location,
          origin: file.rendered ? 'rendered' : 'manifest',
          ...(file.rendered ? { from: file.rendered.from } : {}),
        });
        if (key === undefined) continue;
        // Manifests rarely carry a uid; the projection needs one per object.
        const uid = `file:${file.path}:${at(o.offset).line}`;
        builder.addItems(key, [{ ...o.value, metadata: { uid, ...meta } }]);
        seen.add(key);
      }
    }
    if (found === 0 && held === 0 && text > 0) ignored.push(file.path);
  }
  for (const entry of filesCoverage(seen)) builder.recordCoverage(entry);
  // What was not read makes the report say it is incomplete, file by file, with the reason.
  for (const u of unread) builder.recordSkipped({ file: u.path }, [u.reason]);
  const snapshot = builder.build();
  return { snapshot: { ...snapshot, manifests }, ignored, unread };
}

/** What a repository can and cannot tell: objects present or absent; no nodes, version, discovery or metrics. */
function filesCoverage(seen: ReadonlySet<ResourceKey>): CoverageEntry[] {
  return RESOURCE_KEYS.map((resource): CoverageEntry => {
    if (seen.has(resource)) return { resource, status: 'ok', count: 0 };
    if (!isObjectResourceKey(resource) || RESOURCES[resource].kind === 'Node') {
      return {
        resource,
        status: 'not-provided',
        count: 0,
        message: t`Not in files: only a live cluster has it, so the checks that need it are not checkable from a repository.`,
      };
    }
    // No such manifest in the files is a real answer: nothing of that kind is deployed from them.
    return { resource, status: 'ok', count: 0 };
  });
}
