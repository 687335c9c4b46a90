import { parseDeprecatedApiRequests } from '../../snapshot/metrics';
import type { DeprecatedApiRequest, ServerVersion } from '../../model/snapshot';
import { JsonStreamError } from '../json-stream/items';
import { invalidJson, notKubernetes } from './errors';
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

/** Reads a file that is not JSON: `kubectl api-versions` or `/metrics` output. */
export function readText(file: string, text: string): OfflineDocument {
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
  const start = text.search(/\S/);
  const before = text.slice(0, Math.max(0, start));
  const line = before.split('\n').length;
  const column = start - before.lastIndexOf('\n');
  throw invalidJson(
    file,
    new JsonStreamError(`it starts with neither '{' nor '[' at line ${line}, column ${column}`, line, column),
  );
}

/**
 * What one whole JSON object of a snapshot is: our info document, `kubectl version -o json` output, or a single
 * Kubernetes object. Throws OfflineSnapshotError for anything else.
 */
export function classifyObject(file: string, v: Record<string, unknown>): OfflineDocument[] {
  const kind = typeof v.kind === 'string' ? v.kind : undefined;
  const apiVersion = typeof v.apiVersion === 'string' ? v.apiVersion : '';
  if (kind === SNAPSHOT_INFO_KIND) {
    const read = readSnapshotInfo(v);
    if (!read.ok) throw notKubernetes(file, `its ${SNAPSHOT_INFO_KIND} document is malformed (${read.message})`);
    return [{ type: 'info', info: read.info }];
  }
  const serverVersion = readKubectlVersion(v);
  if (serverVersion) return [{ type: 'version', serverVersion }];
  if (kind?.endsWith('List')) throw notKubernetes(file, 'it is a List without an "items" array');
  if (kind !== undefined && apiVersion !== '') return [{ type: 'objects', apiVersion, items: [v] }];
  throw notKubernetes(file, kind === undefined ? 'it has no "kind"' : 'it has no "apiVersion"');
}
