import { DeprecatedApiMetricsParser } from '../../snapshot/metrics';
import type { DeprecatedApiRequest, ServerVersion } from '../../model/snapshot';
import { JsonStreamError } from '../../parsing/json-items';
import { invalidJson, notKubernetes, type OfflineSnapshotError } from './errors';
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
/** Lines read before deciding what a text file is. */
const SNIFF_LINES = 20;
/** `kubectl api-versions` prints one line per group/version: a few hundred at most. */
const MAX_GROUP_VERSIONS = 10_000;

/**
 * Reads a file that is not JSON as it streams in: `kubectl api-versions` output (every line a group/version) or
 * API server `/metrics` text (only the deprecated-API series are kept, line by line). Its first lines decide
 * which; anything else is refused. Memory stays at one line plus what is kept.
 */
export class TextFileReader {
  private head: string[] = [];
  private rest = '';
  private mode: 'sniff' | 'discovery' | 'metrics' = 'sniff';
  private readonly groupVersions: string[] = [];
  private readonly metrics = new DeprecatedApiMetricsParser();
  private readonly decoder = new TextDecoder();

  constructor(private readonly file: string) {}

  write(chunk: Uint8Array): void {
    const text = this.decoder.decode(chunk, { stream: true });
    if (this.mode === 'metrics') return this.metrics.write(text);
    const lines = (this.rest + text).split('\n');
    this.rest = lines.pop() ?? '';
    if (this.rest.length > 64 * 1024) throw notText(this.file);
    for (const line of lines) this.line(line);
  }

  end(): OfflineDocument {
    const last = this.rest + this.decoder.decode();
    this.rest = '';
    if (this.mode === 'metrics') {
      this.metrics.write(last);
      return { type: 'metrics', requests: this.metrics.end() };
    }
    this.line(last);
    if (this.mode === 'sniff') this.decide();
    return this.result();
  }

  private result(): OfflineDocument {
    if (this.mode === 'metrics') return { type: 'metrics', requests: this.metrics.end() };
    return { type: 'discovery', groupVersions: this.groupVersions };
  }

  private line(raw: string): void {
    const line = raw.trim();
    if (line === '') return;
    if (this.mode === 'sniff') {
      this.head.push(line);
      if (this.head.length >= SNIFF_LINES) this.decide();
      return;
    }
    if (this.mode === 'discovery') this.discovery(line);
    else this.metrics.write(`${line}\n`);
  }

  private discovery(line: string): void {
    if (!GROUP_VERSION.test(line) || this.groupVersions.length >= MAX_GROUP_VERSIONS) throw notText(this.file);
    this.groupVersions.push(line);
  }

  private decide(): void {
    const head = this.head;
    this.head = [];
    if (head.length > 0 && head.every((l) => GROUP_VERSION.test(l))) {
      this.mode = 'discovery';
      for (const l of head) this.discovery(l);
    } else if (head.length > 0 && head.every((l) => METRIC_LINE.test(l))) {
      this.mode = 'metrics';
      this.metrics.write(head.map((l) => `${l}\n`).join(''));
    } else throw notText(this.file);
  }
}

function notText(file: string): OfflineSnapshotError {
  return invalidJson(
    file,
    new JsonStreamError(
      "it starts with neither '{' nor '[', and it is not kubectl api-versions or /metrics output",
      1,
      1,
    ),
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
