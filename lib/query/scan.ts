'use client';

import { queryOptions, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppErrorData } from '../errors';
import { readNdjson } from '../http/ndjson';
import type { ChangeSummary } from '../report/change-summaries';
import type { Report } from '../report/schema';
import type { Target } from '../rules/types';

export interface ScanProgressState {
  phase: string;
  resource?: string;
  itemsSoFar: number;
  resourcesDone: number;
  resourcesTotal: number;
}

export interface ScanResult {
  report: Report;
  changes: ChangeSummary[];
}

export type ScanInput =
  | { target: Target; source: { kind: 'demo' } | { kind: 'in-cluster' } | { kind: 'kubeconfig'; context?: string } }
  | { target: Target; source: { kind: 'upload'; kubeconfig: string; context?: string } }
  | { target: Target; source: { kind: 'snapshot'; files: File[] } };

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
  return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) };
}

interface Line {
  type: string;
  error?: AppErrorData;
  report?: Report;
  changes?: ChangeSummary[];
}

async function scan(input: ScanInput, onProgress: (p: ScanProgressState) => void): Promise<ScanResult> {
  const res = await fetch('/api/scan', requestOf(input));
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => ({}))) as { error?: AppErrorData };
    throw new ScanError(body.error ?? { kind: 'internal', message: `The server answered ${res.status}.` });
  }
  for await (const value of readNdjson(res.body)) {
    const line = value as Line;
    if (line.type === 'progress') onProgress(line as unknown as ScanProgressState);
    else if (line.type === 'error' && line.error) throw new ScanError(line.error);
    else if (line.type === 'report' && line.report && line.changes)
      return { report: line.report, changes: line.changes };
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

export interface SourcesInfo {
  localEnabled: boolean;
  localContexts: { name: string; cluster: string; server: string; namespace?: string; current: boolean }[];
  inCluster: boolean;
  snapshotCommands: Record<string, readonly { purpose: string; command: string }[]>;
}

/** What this server can scan. */
export const sourcesQuery = queryOptions({
  queryKey: ['sources'],
  queryFn: async (): Promise<SourcesInfo> => {
    const res = await fetch('/api/sources');
    if (!res.ok) throw new Error(`The server answered ${res.status}.`);
    return (await res.json()) as SourcesInfo;
  },
});
