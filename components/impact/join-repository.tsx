'use client';

import { useState } from 'react';
import type { Report } from '@/lib/model/report';
import type { ScanResult } from '@/lib/model/scan';
import { useJoin } from '@/lib/query/join';
import { ErrorBox } from './error-box';

const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/**
 * Joins a cluster's findings with the repository that deploys them: each finding then says where its object is
 * written and, for a removed API, whether the source is already fixed (redeploy) or not (fix it first).
 */
export function JoinRepository({ report, onJoined }: { report: Report; onJoined: (r: ScanResult) => void }) {
  const join = useJoin();
  const [archive, setArchive] = useState<File | undefined>();
  const [manifests, setManifests] = useState('');
  const ready = archive !== undefined || manifests.trim() !== '';
  return (
    <details
      className="no-print mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      data-testid="join-repository"
    >
      <summary className="cursor-pointer text-sm font-semibold">Join with the repository that deploys it</summary>
      <form
        className="mt-3 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          join.mutate(archive ? { report, archive } : { report, manifests }, { onSuccess: onJoined });
        }}
      >
        <p className="text-sm">
          Each finding then names the file and line of its object and, for a removed API, whether the source already
          uses a served version (redeploy) or still the removed one (fix the source first). Matched by kind, namespace
          and name, and by chart for Helm releases.
        </p>
        <label htmlFor="join-archive" className="block text-sm font-medium">
          Repository archive to join (.zip or .tar.gz)
        </label>
        <input
          id="join-archive"
          type="file"
          accept=".zip,.tgz,.tar.gz,application/zip,application/gzip"
          onChange={(e) => setArchive(e.target.files?.[0])}
          className="text-sm"
        />
        <label htmlFor="join-manifests" className="block text-sm font-medium">
          Or paste the manifests to join
        </label>
        <textarea
          id="join-manifests"
          value={manifests}
          onChange={(e) => setManifests(e.target.value)}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          className={`${inputClass} font-mono text-xs`}
        />
        <button
          type="submit"
          disabled={!ready || join.isPending}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {join.isPending ? 'Joining…' : 'Join'}
        </button>
      </form>
      {join.error ? <ErrorBox error={join.error.data} /> : null}
    </details>
  );
}
