import { parseDeprecatedApiRequests } from '../../snapshot/metrics';
import { isRecord } from '../../snapshot/project/read';
import type { DeprecatedApiRequest, ServerVersion } from '../../model/snapshot';
import { empty, invalidJson, notKubernetes, utf16 } from './errors';
import { readKubectlVersion, readSnapshotInfo, SNAPSHOT_INFO_KIND } from './info';
import type { SnapshotInfo } from './info';

/** What one file of an offline snapshot holds. */
export type OfflineDocument =
  /** Kubernetes objects (from a List, a typed XList or a single object); `listKind` when the list was typed. */
  | { type: 'objects'; apiVersion: string; listKind?: string; items: readonly unknown[] }
  | { type: 'info'; info: SnapshotInfo }
  | { type: 'version'; serverVersion: ServerVersion }
  | { type: 'discovery'; groupVersions: string[] }
  | { type: 'metrics'; requests: DeprecatedApiRequest[] };

const GROUP_VERSION = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?v\d+((alpha|beta)\d+)?$/;
/** A comment, or a sample: a metric name, optional labels and a number. */
const METRIC_LINE = /^(#.*|[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?\s+([-+]?[0-9.]+([eE][-+]?\d+)?|NaN|[-+]Inf)(\s+-?\d+)?)$/;

function readText(file: string, text: string): OfflineDocument {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.every((l) => GROUP_VERSION.test(l))) return { type: 'discovery', groupVersions: lines };
  if (lines.slice(0, 20).every((l) => METRIC_LINE.test(l))) {
    return { type: 'metrics', requests: parseDeprecatedApiRequests(text) };
  }
  return notJson(file, text);
}

function notJson(file: string, text: string): never {
  try {
    JSON.parse(text);
  } catch (e) {
    throw invalidJson(file, text, e);
  }
  throw notKubernetes(file, 'unrecognized content');
}

const isInfo = (i: unknown): i is Record<string, unknown> => isRecord(i) && i.kind === SNAPSHOT_INFO_KIND;

function readObject(file: string, v: Record<string, unknown>): OfflineDocument[] {
  const kind = typeof v.kind === 'string' ? v.kind : undefined;
  const apiVersion = typeof v.apiVersion === 'string' ? v.apiVersion : '';
  if (kind === SNAPSHOT_INFO_KIND) {
    const read = readSnapshotInfo(v);
    if (!read.ok) throw notKubernetes(file, `its ${SNAPSHOT_INFO_KIND} document is malformed (${read.message})`);
    return [{ type: 'info', info: read.info }];
  }
  const serverVersion = readKubectlVersion(v);
  if (serverVersion) return [{ type: 'version', serverVersion }];
  if (kind?.endsWith('List') && Array.isArray(v.items)) {
    const items = v.items as unknown[];
    // Our info document may also travel inside a List (the demo does this).
    const infos = items.filter(isInfo).flatMap((i) => readObject(file, i));
    const objects = items.filter((i) => !isInfo(i));
    return [...infos, { type: 'objects', apiVersion, ...(kind === 'List' ? {} : { listKind: kind }), items: objects }];
  }
  if (kind !== undefined && apiVersion !== '') return [{ type: 'objects', apiVersion, items: [v] }];
  throw notKubernetes(file, kind === undefined ? 'it has no "kind"' : 'it has no "apiVersion"');
}

/** Reads one file of an offline snapshot. Throws OfflineSnapshotError for empty, non-JSON or non-Kubernetes input. */
export function readDocuments(file: string, raw: string): OfflineDocument[] {
  if (raw.slice(0, 200).includes('\u0000')) throw utf16(file);
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const start = text.search(/\S/);
  if (start < 0) throw empty(file);
  const first = text[start];
  if (first !== '{' && first !== '[') return [readText(file, text)];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw invalidJson(file, text, e);
  }
  if (!isRecord(value)) throw notKubernetes(file, 'it is a JSON array, not an object');
  return readObject(file, value);
}
