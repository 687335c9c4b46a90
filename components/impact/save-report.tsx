'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { AppErrorData } from '@/lib/errors';
import type { Report } from '@/lib/model/report';
import type { SaveResponse } from '@/lib/model/saved-report';
import { readJsonAs } from '@/lib/http/typed-json';
import { rememberReport } from '@/lib/query/saved-reports';
import { severityCounts } from '@/lib/report/group';
import { CopyLinkButton } from '../ui/copy-link-button';
import { ErrorBox } from './error-box';

async function save(report: Report, redact: boolean): Promise<SaveResponse> {
  const res = await fetch('/api/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ report, redact }),
  });
  if (!res.ok) {
    const body = await readJsonAs<{ error?: AppErrorData }>(res).catch(() => undefined);
    throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
  }
  const saved = await readJsonAs<SaveResponse>(res);
  // The manage token stays in this browser: it is what lets "my reports" delete the report later.
  rememberReport({
    id: saved.id,
    createdAt: saved.createdAt,
    manageToken: saved.manageToken,
    redacted: saved.redacted,
    clusterLabel: saved.redacted ? 'redacted cluster' : report.cluster.source.label,
    ...(report.cluster.serverVersion === undefined ? {} : { serverVersion: report.cluster.serverVersion }),
    target: report.target,
    counts: severityCounts(report.findings),
    scannedAt: report.generatedAt,
    ...(report.cluster.source.server === undefined ? {} : { server: report.cluster.source.server }),
  });
  return saved;
}

/** Saves the scan as an immutable report, redacted or not, and shows its link; both can be saved from one scan. */
export function SaveReport({ report }: { report: Report }) {
  const [redact, setRedact] = useState(false);
  const [saved, setSaved] = useState<SaveResponse[]>([]);
  const mutation = useMutation({
    mutationFn: () => save(report, redact),
    onSuccess: (s) => setSaved((list) => [...list, s]),
  });
  return (
    <div
      className="no-print mb-6 flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      data-testid="save-report"
    >
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={redact}
            onChange={(e) => setRedact(e.target.checked)}
            className="h-4 w-4 accent-sky-600"
          />
          Redact names (namespaces, objects, nodes, images, Helm releases, values)
        </label>
        <button
          type="button"
          onClick={() => mutation.mutate()}
          disabled={mutation.isPending}
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {mutation.isPending ? 'Saving…' : redact ? 'Save redacted report' : 'Save report'}
        </button>
      </div>
      {saved.map((s) => (
        <p className="flex flex-wrap items-center gap-2 text-sm" role="status" key={s.id}>
          Saved{s.redacted ? ' (redacted)' : ''}:{' '}
          <Link href={s.url} data-testid="report-link">
            {s.url}
          </Link>
          <CopyLinkButton path={s.url} />
        </p>
      ))}
      {mutation.error ? <ErrorBox error={{ kind: 'internal', message: mutation.error.message }} /> : null}
    </div>
  );
}
