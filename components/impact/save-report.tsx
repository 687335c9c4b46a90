'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { AppErrorData } from '@/lib/errors';
import type { Report } from '@/lib/model/report';
import { ErrorBox } from './error-box';

interface Saved {
  id: string;
  url: string;
}

async function save(report: Report, redact: boolean): Promise<Saved> {
  const res = await fetch('/api/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ report, redact }),
  });
  const body = (await res.json()) as Saved & { error?: AppErrorData };
  if (!res.ok) throw new Error(body.error?.message ?? `The server answered ${res.status}.`);
  return body;
}

/** Saves the scan as an immutable report and shows its link. */
export function SaveReport({ report }: { report: Report }) {
  const [redact, setRedact] = useState(false);
  const mutation = useMutation({ mutationFn: () => save(report, redact) });
  return (
    <div
      className="no-print mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      data-testid="save-report"
    >
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={redact}
          onChange={(e) => setRedact(e.target.checked)}
          className="h-4 w-4 accent-sky-600"
          disabled={mutation.isSuccess}
        />
        Redact namespaces and names
      </label>
      <button
        type="button"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending || mutation.isSuccess}
        className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {mutation.isPending ? 'Saving…' : 'Save report'}
      </button>
      {mutation.data ? (
        <p className="text-sm" role="status">
          Saved{redact ? ' (redacted)' : ''}:{' '}
          <Link href={mutation.data.url} data-testid="report-link">
            {mutation.data.url}
          </Link>
        </p>
      ) : null}
      {mutation.error ? <ErrorBox error={{ kind: 'internal', message: mutation.error.message }} /> : null}
    </div>
  );
}
