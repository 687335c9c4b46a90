'use client';

import { queryOptions, useMutation } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { AppErrorData } from '../model/errors';
import type { Target } from '../model/releases';
import type { JsonScanSource, ScanEvent, ScanProgress, ScanResult, SourcesInfo } from '../model/scan';
import { readNdjson } from '../http/ndjson';
import { readJsonAs } from '../http/typed-json';

/** What the scan form sends: a JSON source, or offline snapshot files as a multipart form. */
export type ScanInput =
  | { target: Target; source: JsonScanSource }
  | { target: Target; source: { kind: 'snapshot'; files: File[] } }
  | { target: Target; source: { kind: 'files'; archive: File } | { kind: 'files'; manifests: string } };

/**
 * Progress as the view shows it: a scan's own progress, or the moment before the first line arrives; `at` is when
 * the server last said anything (Date.now()), so a long silence can be named.
 */
export type ScanProgressState = Omit<ScanProgress, 'phase'> & { phase: ScanProgress['phase'] | 'starting'; at: number };

/** An error a scan answered with, carrying the server's typed error. */
export class ScanError extends Error {
  constructor(
    readonly data: AppErrorData,
    /** The person cancelled it: nothing went wrong. */
    readonly cancelled = false,
  ) {
    super(data.message);
  }
}

function requestOf(input: ScanInput): RequestInit {
  if (input.source.kind === 'snapshot') {
    const form = new FormData();
    form.set('target', input.target);
    for (const f of input.source.files) form.append('snapshot', f, f.name);
    return { method: 'POST', body: form };
  }
  if (input.source.kind === 'files') {
    const form = new FormData();
    form.set('target', input.target);
    if ('archive' in input.source) form.append('repository', input.source.archive, input.source.archive.name);
    else form.append('manifests', new Blob([input.source.manifests], { type: 'application/yaml' }), 'pasted.yaml');
    return { method: 'POST', body: form };
  }
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) };
}

function isScanEvent(value: unknown): value is ScanEvent {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

async function scan(
  input: ScanInput,
  onProgress: (p: ScanProgressState) => void,
  signal: AbortSignal,
): Promise<ScanResult> {
  const res = await fetch('/api/scan', { ...requestOf(input), signal });
  if (!res.ok || !res.body) {
    const empty: { error?: AppErrorData } = {};
    const body = await readJsonAs<{ error?: AppErrorData }>(res).catch(() => empty);
    throw new ScanError(body.error ?? { kind: 'internal', message: `The server answered ${res.status}.` });
  }
  for await (const event of readNdjson(res.body)) {
    if (!isScanEvent(event)) continue;
    if (event.type === 'progress') {
      const { type: _type, ...progress } = event;
      onProgress({ ...progress, at: Date.now() });
    } else if (event.type === 'error') throw new ScanError(event.error);
    else return { report: event.report, changes: event.changes };
  }
  throw new ScanError({ kind: 'internal', message: 'The scan ended without a report. Try again.' });
}

/** Where the last result is kept for this tab, so a reload does not lose it (and when it was written). */
const LAST_SCAN = 'release-lens:last-scan';
export const LAST_SCAN_AT = 'release-lens:last-scan-at';

function keep(result: ScanResult): void {
  try {
    window.sessionStorage.setItem(LAST_SCAN, JSON.stringify(result));
    window.sessionStorage.setItem(LAST_SCAN_AT, result.report.generatedAt);
  } catch {
    // Too large for this tab's storage, or storage switched off: a reload scans again.
    forgetLastScan();
  }
}

/** Forgets the kept result (a new scan replaces it). */
export function forgetLastScan(): void {
  try {
    window.sessionStorage.removeItem(LAST_SCAN);
    window.sessionStorage.removeItem(LAST_SCAN_AT);
  } catch {
    // nothing kept
  }
}

/** The result kept for this tab, when there is one that still reads as a scan result. */
export function readLastScan(): ScanResult | undefined {
  try {
    const raw = window.sessionStorage.getItem(LAST_SCAN);
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    const ok =
      typeof value === 'object' &&
      value !== null &&
      'report' in value &&
      'changes' in value &&
      Array.isArray((value as ScanResult).changes) &&
      Array.isArray((value as ScanResult).report?.findings);
    return ok ? (value as ScanResult) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a scan, exposing its progress while it streams; `cancel` stops it (the server stops reading too). */
export function useScan() {
  const [progress, setProgress] = useState<ScanProgressState | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const mutation = useMutation<ScanResult, ScanError, ScanInput>({
    mutationFn: async (input) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setProgress({ phase: 'starting', itemsSoFar: 0, resourcesDone: 0, resourcesTotal: 0, at: Date.now() });
      try {
        return await scan(input, setProgress, abort.signal);
      } catch (error) {
        if (abort.signal.aborted) throw new ScanError({ kind: 'internal', message: 'The scan was cancelled.' }, true);
        throw error;
      }
    },
    onSuccess: keep,
  });
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...mutation, progress, cancel };
}

/** What this server can scan. */
export const sourcesQuery = queryOptions({
  queryKey: ['sources'],
  queryFn: async (): Promise<SourcesInfo> => {
    const res = await fetch('/api/sources');
    if (!res.ok) throw new Error(`The server answered ${res.status}.`);
    return readJsonAs<SourcesInfo>(res);
  },
});
