'use client';

import { useEffect, useState } from 'react';
import type { ScanProgressState } from '@/lib/query/scan';

const phaseText: Record<string, string> = {
  starting: 'Starting the scan…',
  connecting: 'Connecting to the API server…',
  discovery: 'Reading the API server version and served APIs…',
  listing: 'Listing resources (read-only)…',
  done: 'Running the checks…',
};

/** Seconds of silence from the server before the bar says so. */
const QUIET_SECONDS = 4;

/** The time, once a second, for as long as the component is shown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * A progress bar for a running scan: resources listed so far and objects read. When the server has said nothing for
 * a few seconds (a slow or hung API server), it says how long, how long the server waits at most, and offers to stop.
 */
export function ScanProgressBar({
  progress,
  timeoutMs,
  onCancel,
}: {
  progress: ScanProgressState;
  /** The server's limit for one API server answer, when known. */
  timeoutMs?: number;
  onCancel: () => void;
}) {
  const determinate = progress.resourcesTotal > 0;
  const quiet = Math.floor((useNow() - progress.at) / 1000);
  return (
    <div
      role="status"
      aria-live="polite"
      className="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      data-testid="scan-progress"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">{phaseText[progress.phase] ?? progress.phase}</p>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-700"
        >
          Cancel scan
        </button>
      </div>
      <progress
        className="mt-2 h-2 w-full accent-sky-600"
        aria-label="Scan progress"
        {...(determinate ? { max: progress.resourcesTotal, value: progress.resourcesDone } : {})}
      />
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {determinate
          ? `${progress.resourcesDone} of ${progress.resourcesTotal} resource types`
          : 'Waiting for the server'}
        {progress.itemsSoFar > 0 ? ` · ${progress.itemsSoFar.toLocaleString('en-US')} objects read` : ''}
        {progress.resource ? ` · ${progress.resource}` : ''}
      </p>
      {quiet >= QUIET_SECONDS ? (
        <p className="mt-2 text-sm text-amber-900 dark:text-amber-200" data-testid="scan-quiet">
          No answer for {quiet} s{progress.resource ? ` while reading ${progress.resource}` : ''}: the API server is
          slow or not answering.
          {timeoutMs
            ? ` The scan gives each request up to ${Math.round(timeoutMs / 1000)} s, then reports it.`
            : ''}{' '}
          You can wait or cancel.
        </p>
      ) : null}
    </div>
  );
}
