'use client';

import { queryOptions, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
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

/** Progress as the view shows it: a scan's own progress, or the moment before the first line arrives. */
export type ScanProgressState = Omit<ScanProgress, 'phase'> & { phase: ScanProgress['phase'] | 'starting' };

/** An error a scan answered with, carrying the server's typed error. */
export class ScanError extends Error {
  constructor(readonly data: AppErrorData) {
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

async function scan(input: ScanInput, onProgress: (p: ScanProgressState) => void): Promise<ScanResult> {
  const res = await fetch('/api/scan', requestOf(input));
  if (!res.ok || !res.body) {
    const empty: { error?: AppErrorData } = {};
    const body = await readJsonAs<{ error?: AppErrorData }>(res).catch(() => empty);
    throw new ScanError(body.error ?? { kind: 'internal', message: `The server answered ${res.status}.` });
  }
  for await (const event of readNdjson(res.body)) {
    if (!isScanEvent(event)) continue;
    if (event.type === 'progress') {
      const { type: _type, ...progress } = event;
      onProgress(progress);
    } else if (event.type === 'error') throw new ScanError(event.error);
    else return { report: event.report, changes: event.changes };
  }
  throw new ScanError({ kind: 'internal', message: 'The scan ended without a report. Try again.' });
}

/** Runs a scan, exposing its progress while it streams. */
export function useScan() {
  const [progress, setProgress] = useState<ScanProgressState | undefined>();
  const mutation = useMutation<ScanResult, ScanError, ScanInput>({
    mutationFn: (input) => {
      setProgress({ phase: 'starting', itemsSoFar: 0, resourcesDone: 0, resourcesTotal: 0 });
      return scan(input, setProgress);
    },
  });
  return { ...mutation, progress };
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
