import { parseAllDocuments } from 'yaml';
import type { HelmManifestObject } from '../../model/snapshot';
import { isRecord, rec, recs, strs, text } from '../project/read';
import type { Raw } from '../project/read';

type Source = HelmManifestObject['source'];

/** At most this many objects are kept per manifest; a chart rendering more is not one we can reason about. */
const MAX_OBJECTS = 5000;

function toObject(o: Raw, source: Source): HelmManifestObject | undefined {
  const apiVersion = text(o, 'apiVersion');
  const kind = text(o, 'kind');
  if (apiVersion === undefined || kind === undefined) return undefined;
  const m = rec(o, 'metadata');
  const namespace = text(m, 'namespace');
  return { apiVersion, kind, name: text(m, 'name') ?? '', ...(namespace === undefined ? {} : { namespace }), source };
}

/**
 * The objects a rendered Helm manifest (multi-document YAML) declares: apiVersion, kind, name and namespace only.
 * Documents that do not parse or are not Kubernetes objects (empty templates, comments, NOTES) are skipped, and a
 * `kind: List` contributes its items.
 */
export function parseManifestObjects(manifest: string, source: Source): HelmManifestObject[] {
  const out: HelmManifestObject[] = [];
  let docs;
  try {
    docs = parseAllDocuments(manifest);
  } catch {
    return out;
  }
  if (!Array.isArray(docs)) return out;
  for (const doc of docs) {
    if (out.length >= MAX_OBJECTS) break;
    if (doc.errors.length > 0) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch {
      continue;
    }
    if (!isRecord(value)) continue;
    const items = text(value, 'kind')?.endsWith('List') ? recs(value, 'items') : [value];
    for (const item of items) {
      const obj = toObject(item, source);
      if (obj) out.push(obj);
    }
  }
  return out;
}

/** Objects of the main manifest and of every hook of a decoded release. */
export function releaseObjects(release: Raw): HelmManifestObject[] {
  const objects = parseManifestObjects(text(release, 'manifest') ?? '', 'manifest');
  for (const hook of recs(release, 'hooks')) {
    const source: Source = {
      hook: text(hook, 'name') ?? text(hook, 'path') ?? '',
      events: strs(hook, 'events'),
    };
    objects.push(...parseManifestObjects(text(hook, 'manifest') ?? '', source));
  }
  return objects;
}

/** True for a parsed value that looks like a Helm 3 release record. */
export function isRelease(v: unknown): v is Raw {
  return isRecord(v) && (typeof v.name === 'string' || typeof v.manifest === 'string');
}
