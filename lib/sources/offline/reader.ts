import { DEFAULT_BUDGETS, type ReadBudgets } from '../../model/budgets';
import type { ObjectResourceKey, ResourceKey } from '../../model/resources';
import type { Snapshot } from '../../model/snapshot';
import type { SnapshotSource } from '../../model/sources';
import { SnapshotBuilder } from '../../snapshot/builder';
import type { HelmDecoder } from '../../snapshot/helm/decoder';
import { isRecord } from '../../snapshot/project/read';
import { JsonItemStream, JsonStreamError } from '../../parsing/json-items';
import { offlineCoverage, type OfflineFacts } from './coverage';
import { classifyObject, TextFileReader, type OfflineDocument } from './documents';
import { empty, invalidJson, notKubernetes, OfflineSnapshotError, tooLarge, utf16 } from './errors';
import { SNAPSHOT_INFO_KIND, type SnapshotInfo } from './info';
import { resourceKeyFor, resourceKeyForList } from './resource-key';

/** 200 MiB: a large cluster's full snapshot is well under this; beyond it, scan live (it pages). */
export const MAX_OFFLINE_SNAPSHOT_BYTES = 200 * 1024 * 1024;

export interface OfflineOptions {
  /** Defaults to `{kind: 'snapshot', label: <file names>}`. */
  source?: SnapshotSource;
  /** Defaults to the info document's collectedAt, else now. */
  collectedAt?: Date;
  /** Total size limit over all files, in bytes. */
  maxBytes?: number;
  budgets?: ReadBudgets;
  helmDecoder?: HelmDecoder;
  signal?: AbortSignal;
}

/** Objects of kinds the checks do not read, counted by kind, so the UI can say what was left out. */
export interface IgnoredKind {
  kind: string;
  count: number;
}

export type OfflineResult =
  { ok: true; snapshot: Snapshot; ignored: IgnoredKind[] } | { ok: false; errors: OfflineSnapshotError[] };

/** Thrown to stop reading once the files are over the size limit: the answer is already "too large". */
export class OverLimit extends Error {
  override readonly name = 'OverLimit';
}

const SNIFF_BYTES = 200;

/**
 * Reads the files of an offline snapshot as their bytes arrive, file after file, routing each object to the
 * snapshot builder as soon as it is complete, so no file is ever held whole. Errors are collected per file; a
 * file that is not JSON, not Kubernetes or cut short fails the whole snapshot, with messages that say where.
 */
export class OfflineReader {
  readonly builder: SnapshotBuilder;
  private readonly errors: OfflineSnapshotError[] = [];
  private readonly info: SnapshotInfo = {};
  private readonly seen = new Set<ResourceKey>();
  private readonly ignored = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly facts = { version: false, discovery: false, metrics: false };
  private readonly skipped = new Map<string, string[]>();
  private objects = 0;
  private onlyObjects = true;
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly budgets: ReadBudgets;

  constructor(private readonly options: OfflineOptions = {}) {
    this.maxBytes = options.maxBytes ?? MAX_OFFLINE_SNAPSHOT_BYTES;
    this.budgets = options.budgets ?? DEFAULT_BUDGETS;
    this.builder = new SnapshotBuilder({ kind: 'snapshot', label: '' }, new Date(), {
      budgets: this.budgets,
      ...(options.helmDecoder ? { helmDecoder: options.helmDecoder } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /** Starts the next file; write its bytes, then end it. */
  file(name: string): OfflineFileReader {
    this.names.push(name);
    return new OfflineFileReader(name, this);
  }

  /** Counts bytes against the size limit; throws OverLimit (after recording the error) when over it. */
  count(name: string, n: number, fileBytes: number): void {
    this.bytes += n;
    if (this.bytes <= this.maxBytes) return;
    this.errors.push(tooLarge(fileBytes > this.maxBytes ? name : undefined, this.maxBytes));
    throw new OverLimit();
  }

  fail(error: OfflineSnapshotError): void {
    this.errors.push(error);
  }

  /** One whole document of a file (not an item of a list). */
  document(d: OfflineDocument): void {
    if (d.type !== 'objects') this.onlyObjects = false;
    if (d.type === 'info') Object.assign(this.info, d.info);
    else if (d.type === 'version') {
      this.builder.setServerVersion(d.serverVersion);
      this.facts.version = true;
      this.info.serverVersion ??= d.serverVersion;
    } else if (d.type === 'discovery') {
      this.builder.setServedGroupVersions(d.groupVersions);
      this.facts.discovery = true;
    } else if (d.type === 'metrics') {
      this.builder.setDeprecatedApiRequests(d.requests);
      this.facts.metrics = true;
    } else for (const item of d.items) this.item(item, d.apiVersion, d.listKind);
  }

  /** A typed list (PodList) counts its resource as read even when it is empty. */
  list(apiVersion: string, listKind: string): void {
    const key = resourceKeyForList(apiVersion, listKind);
    if (key) this.seen.add(key);
  }

  /** One object, from a list or alone; the list's apiVersion and kind stand in for what a typed list omits. */
  item(item: unknown, listApiVersion: string, listKind: string | undefined): void {
    if (isRecord(item) && item.kind === SNAPSHOT_INFO_KIND) {
      const docs = classifyObject('snapshot info', item);
      for (const d of docs) this.document(d);
      return;
    }
    this.objects += 1;
    const key = routeOf(item, listApiVersion, listKind);
    if (key) {
      this.builder.addItems(key, [item]);
      this.seen.add(key);
      return;
    }
    const kind = kindOf(item, listKind);
    this.ignored.set(kind, (this.ignored.get(kind) ?? 0) + 1);
  }

  /** An object over a read budget, not parsed. */
  skip(file: string, reason: string): void {
    const reasons = this.skipped.get(file) ?? [];
    reasons.push(reason);
    this.skipped.set(file, reasons);
  }

  /** The snapshot, once every file has ended and every Helm record is decoded. */
  async finish(): Promise<OfflineResult> {
    if (this.errors.length === 0) await this.builder.settle(0);
    return this.result();
  }

  /** The snapshot, when Helm records were decoded inline. */
  result(): OfflineResult {
    if (this.errors.length > 0) return { ok: false, errors: [...this.errors] };
    if (this.objects === 0 && this.onlyObjects) return { ok: false, errors: [empty(undefined)] };
    const { info, options } = this;
    for (const r of info.resources ?? []) this.seen.add(r);
    const collectedAt = options.collectedAt ?? (info.collectedAt ? new Date(info.collectedAt) : new Date());
    const source = options.source ?? { kind: 'snapshot', label: info.label ?? this.names.join(', ') };
    this.builder.describe(source, collectedAt);
    if (info.serverVersion) this.builder.setServerVersion(info.serverVersion);
    if (info.servedGroupVersions) this.builder.setServedGroupVersions(info.servedGroupVersions);
    if (info.deprecatedApiRequests) this.builder.setDeprecatedApiRequests(info.deprecatedApiRequests);
    for (const [file, reasons] of this.skipped) this.builder.recordSkipped({ file }, reasons);
    const minor = Number(/^\d+/.exec(info.serverVersion?.minor ?? '')?.[0] ?? NaN);
    const facts: OfflineFacts = {
      seen: this.seen,
      ...(Number.isNaN(minor) ? {} : { serverMinor: minor }),
      version: this.facts.version || info.serverVersion !== undefined,
      discovery: this.facts.discovery || info.servedGroupVersions !== undefined,
      metrics: this.facts.metrics || info.deprecatedApiRequests !== undefined,
    };
    for (const entry of offlineCoverage(facts)) this.builder.recordCoverage(entry);
    return {
      ok: true,
      snapshot: this.builder.build(),
      ignored: [...this.ignored].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    };
  }

  get budgetsInUse(): ReadBudgets {
    return this.budgets;
  }
}

/**
 * One file: its first bytes decide between JSON (streamed item by item) and text (`kubectl api-versions`,
 * `/metrics`, read whole within the size limit).
 */
export class OfflineFileReader {
  private head: Buffer[] = [];
  private headBytes = 0;
  private mode: 'sniff' | 'json' | 'text' | 'failed' = 'sniff';
  private json: JsonItemStream | undefined;
  private text: TextFileReader | undefined;
  private bytes = 0;
  /** Items of a typed list that came before the list's kind, held until it is known. */
  private waiting: unknown[] = [];
  private listKind: string | undefined;
  private listApiVersion: string | undefined;

  constructor(
    private readonly name: string,
    private readonly reader: OfflineReader,
  ) {}

  /** The next bytes of the file. Throws OverLimit when the files are over the size limit. */
  write(chunk: Uint8Array): void {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.bytes += buf.length;
    this.reader.count(this.name, buf.length, this.bytes);
    if (this.mode === 'failed') return;
    if (this.mode === 'sniff') {
      this.head.push(buf);
      this.headBytes += buf.length;
      this.sniff(false);
      return;
    }
    this.feed(buf);
  }

  /** The end of the file. */
  end(): void {
    if (this.mode === 'sniff') this.sniff(true);
    if (this.mode === 'failed') return;
    if (this.mode === 'text') {
      const text = this.text;
      this.guard(() => text && this.reader.document(text.end()));
      return;
    }
    this.guard(() => {
      const top = this.json?.end();
      if (!top) return;
      if (top.list) {
        const apiVersion = typeof top.fields.apiVersion === 'string' ? top.fields.apiVersion : '';
        const kind = typeof top.fields.kind === 'string' ? top.fields.kind : undefined;
        if (kind !== undefined && kind !== 'List') this.reader.list(apiVersion, kind);
        const listKind = kind === 'List' ? undefined : kind;
        for (const item of this.waiting) this.reader.item(item, apiVersion, listKind);
        this.waiting = [];
        return;
      }
      const reasons = Object.values(top.skippedFields);
      if (reasons.length > 0) return this.reader.skip(this.name, reasons[0] ?? '');
      for (const d of classifyObject(this.name, top.fields)) this.reader.document(d);
    });
  }

  private sniff(atEnd: boolean): void {
    const head = Buffer.concat(this.head);
    if (head.subarray(0, SNIFF_BYTES).includes(0)) return this.failWith(utf16(this.name));
    let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i += 1;
    if (i >= head.length) {
      if (atEnd) this.failWith(empty(this.name));
      return;
    }
    if (!atEnd && head.length < SNIFF_BYTES && head[i] !== 0x7b) return;
    this.head = [];
    if (head[i] === 0x5b) return this.failWith(notKubernetes(this.name, 'it is a JSON array, not an object'));
    if (head[i] === 0x7b) {
      this.mode = 'json';
      this.json = new JsonItemStream(this.reader.budgetsInUse, {
        item: (value) => this.item(value),
        skipped: (_, reason) => this.reader.skip(this.name, reason),
      });
    } else {
      this.mode = 'text';
      this.text = new TextFileReader(this.name);
    }
    this.feed(head);
  }

  private feed(buf: Buffer): void {
    if (this.mode === 'text') this.guard(() => this.text?.write(buf));
    else if (this.mode === 'json') this.guard(() => this.json?.write(buf));
  }

  private item(value: unknown): void {
    // kubectl's List names apiVersion before its items; a typed list (PodList) may name its kind after them.
    const fields = this.json?.fieldsSoFar() ?? {};
    if (typeof fields.apiVersion === 'string') this.listApiVersion = fields.apiVersion;
    if (typeof fields.kind === 'string') this.listKind = fields.kind === 'List' ? undefined : fields.kind;
    const hasType = isRecord(value) && typeof value.kind === 'string' && typeof value.apiVersion === 'string';
    if (!hasType && typeof fields.kind !== 'string') return void this.waiting.push(value);
    this.reader.item(value, this.listApiVersion ?? '', this.listKind);
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof JsonStreamError) return this.failWith(invalidJson(this.name, e));
      if (e instanceof OfflineSnapshotError) return this.failWith(e);
      throw e;
    }
  }

  private failWith(error: OfflineSnapshotError): void {
    this.mode = 'failed';
    this.json = undefined;
    this.text = undefined;
    this.waiting = [];
    this.reader.fail(error);
  }
}

function routeOf(item: unknown, listApiVersion: string, listKind: string | undefined): ObjectResourceKey | undefined {
  if (!isRecord(item)) return undefined;
  // Items of a typed list (PodList) may omit their type; they take it from the list.
  const kind = typeof item.kind === 'string' ? item.kind : listKind?.replace(/List$/, '');
  const apiVersion = typeof item.apiVersion === 'string' ? item.apiVersion : listApiVersion;
  return kind === undefined ? undefined : resourceKeyFor(apiVersion, kind, item);
}

function kindOf(item: unknown, listKind: string | undefined): string {
  const kind = isRecord(item) ? item.kind : undefined;
  return typeof kind === 'string' ? kind : (listKind?.replace(/List$/, '') ?? 'unknown');
}
