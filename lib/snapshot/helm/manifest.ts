import { parseDocument } from 'yaml';
import { overBudget, type ReadBudgets } from '../../model/budgets';
import type { HelmManifestObject, HelmSkip } from '../../model/snapshot';
import { isRecord, rec, recs, strs, text } from '../project/read';
import type { Raw } from '../project/read';
import { HelmDecodeError } from './decode';
import { countDocuments, documents } from '../../parsing/yaml-documents';
import { yamlOverBudget } from '../../parsing/yaml-shape';

type Source = HelmManifestObject['source'];

export type ManifestBudgets = Pick<
  ReadBudgets,
  'manifestDocuments' | 'documentBytes' | 'nodes' | 'depth' | 'stringBytes' | 'releaseObjects'
>;

/** The objects a manifest declares, and what could not be read of it (each a sentence of our own). */
export interface ManifestObjects {
  objects: HelmManifestObject[];
  skipped: HelmSkip[];
}

function toObject(o: Raw, source: Source): HelmManifestObject | undefined {
  const apiVersion = text(o, 'apiVersion');
  const kind = text(o, 'kind');
  if (apiVersion === undefined || kind === undefined) return undefined;
  const m = rec(o, 'metadata');
  const namespace = text(m, 'namespace');
  return { apiVersion, kind, name: text(m, 'name') ?? '', ...(namespace === undefined ? {} : { namespace }), source };
}

const where = (source: Source) => (source === 'manifest' ? 'the manifest' : `hook ${source.hook}`);
const hookOf = (source: Source) => (source === 'manifest' ? {} : { hook: source.hook });

/** Parses one document within budgets; undefined for a document that is not YAML or not an object. */
function readDocument(doc: string, budgets: ManifestBudgets): { value?: unknown; refused?: string } {
  if (doc.length > budgets.documentBytes || Buffer.byteLength(doc, 'utf8') > budgets.documentBytes) {
    return { refused: `it is larger than ${overBudget('documentBytes', budgets.documentBytes)}` };
  }
  const refused = yamlOverBudget(doc, budgets);
  if (refused !== undefined) return { refused };
  // uniqueKeys compares each key with every earlier one (quadratic); a repeated key changes nothing we read.
  const parsed = parseDocument(doc, { uniqueKeys: false, prettyErrors: false });
  if (parsed.errors.length > 0) return {};
  try {
    return { value: parsed.toJS({ maxAliasCount: 50 }) };
  } catch {
    return { refused: 'it expands too many YAML aliases' };
  }
}

/**
 * The objects a rendered Helm manifest (multi-document YAML) declares: apiVersion, kind, name and namespace only.
 * Documents are counted before any is parsed, and each is checked against the budgets before it is; a manifest
 * with too many documents is refused whole (HelmDecodeError), a document over a budget is skipped and said so.
 * Documents that do not parse or are not Kubernetes objects (empty templates, comments, NOTES) are passed over,
 * and a `kind: List` contributes its items.
 */
export function parseManifestObjects(manifest: string, source: Source, budgets: ManifestBudgets): ManifestObjects {
  const out: ManifestObjects = { objects: [], skipped: [] };
  const count = countDocuments(manifest, budgets.manifestDocuments);
  if (count > budgets.manifestDocuments) {
    throw new HelmDecodeError(
      `${where(source)} has more than ${overBudget('manifestDocuments', budgets.manifestDocuments)} documents; not decoded`,
    );
  }
  let index = 0;
  for (const doc of documents(manifest)) {
    index += 1;
    if (out.objects.length >= budgets.releaseObjects) {
      out.skipped.push({
        ...hookOf(source),
        reason: `objects after the first ${overBudget('releaseObjects', budgets.releaseObjects)} were not read`,
      });
      break;
    }
    const { value, refused } = readDocument(doc, budgets);
    if (refused !== undefined) out.skipped.push({ ...hookOf(source), document: index, reason: refused });
    if (!isRecord(value)) continue;
    const items = text(value, 'kind')?.endsWith('List') ? recs(value, 'items') : [value];
    for (const item of items) {
      const obj = toObject(item, source);
      if (obj) out.objects.push(obj);
    }
  }
  return out;
}

/** Objects of the main manifest and of every hook of a decoded release, and what of them was skipped. */
export function releaseObjects(release: Raw, budgets: ManifestBudgets): ManifestObjects {
  const all = parseManifestObjects(text(release, 'manifest') ?? '', 'manifest', budgets);
  for (const hook of recs(release, 'hooks')) {
    const source: Source = { hook: text(hook, 'name') ?? text(hook, 'path') ?? '', events: strs(hook, 'events') };
    const left = { ...budgets, releaseObjects: budgets.releaseObjects - all.objects.length };
    if (left.releaseObjects <= 0) {
      all.skipped.push({
        reason: `hooks after the first ${overBudget('releaseObjects', budgets.releaseObjects)} objects were not read`,
      });
      break;
    }
    const part = parseManifestObjects(text(hook, 'manifest') ?? '', source, left);
    all.objects.push(...part.objects);
    all.skipped.push(...part.skipped);
  }
  return all;
}

/** True for a parsed value that looks like a Helm 3 release record. */
export function isRelease(v: unknown): v is Raw {
  return isRecord(v) && (typeof v.name === 'string' || typeof v.manifest === 'string');
}
