'use client';

import { useMutation } from '@tanstack/react-query';
import type { AppErrorData } from '../model/errors';
import type { Report } from '../model/report';
import type { ScanResult } from '../model/scan';
import { readJsonAs } from '../http/typed-json';
import { ScanError } from './scan';

/** A repository to join a cluster's report with: an archive, or pasted manifests. */
export type JoinInput = { report: Report } & ({ archive: File } | { manifests: string });

async function join(input: JoinInput): Promise<ScanResult> {
  const form = new FormData();
  form.append('report', new Blob([JSON.stringify(input.report)], { type: 'application/json' }), 'report.json');
  if ('archive' in input) form.append('repository', input.archive, input.archive.name);
  else form.append('manifests', new Blob([input.manifests], { type: 'application/yaml' }), 'pasted.yaml');
  const res = await fetch('/api/join', { method: 'POST', body: form });
  if (!res.ok) {
    const empty: { error?: AppErrorData } = {};
    const body = await readJsonAs<{ error?: AppErrorData }>(res).catch(() => empty);
    throw new ScanError(body.error ?? { kind: 'internal', message: `The server answered ${res.status}.` });
  }
  return readJsonAs<ScanResult>(res);
}

/** Joins the report on screen with a repository; the answer is the same report with each finding's source. */
export function useJoin() {
  return useMutation<ScanResult, ScanError, JoinInput>({ mutationFn: join });
}
