'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { forgetReport, useManageToken } from '@/lib/query/saved-reports';

async function remove(id: string, token: string): Promise<void> {
  const res = await fetch(`/api/reports/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok && res.status !== 404) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(body.error?.message ?? `The server answered ${res.status}.`);
  }
}

/**
 * Deletes a report after an explicit confirmation step, for the browser that saved it (it holds the manage
 * token); elsewhere it is not offered. `then` is where to go afterwards.
 */
export function DeleteReportButton({ id, label, then }: { id: string; label: string; then?: string }) {
  const router = useRouter();
  const token = useManageToken(id);
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => remove(id, token ?? ''),
    onSuccess: () => {
      forgetReport(id);
      if (then) router.push(then);
      else router.refresh();
    },
  });
  if (token === undefined) return null;
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
      >
        Delete
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-label={`Confirm deleting ${label}`}
      className="inline-flex flex-wrap items-center gap-2 text-sm"
    >
      <span>Delete {label} for everyone with the link?</span>
      <button
        type="button"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800"
      >
        {mutation.isPending ? 'Deleting…' : 'Yes, delete'}
      </button>
      <button
        type="button"
        onClick={() => setConfirming(false)}
        className="rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-700"
      >
        Cancel
      </button>
      {mutation.error ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {mutation.error.message}
        </span>
      ) : null}
    </span>
  );
}
