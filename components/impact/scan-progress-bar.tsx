import type { ScanProgressState } from '@/lib/query/scan';

const phaseText: Record<string, string> = {
  starting: 'Starting the scan…',
  connecting: 'Connecting to the API server…',
  discovery: 'Reading the API server version and served APIs…',
  listing: 'Listing resources (read-only)…',
  done: 'Running the checks…',
};

/** A progress bar for a running scan: resources listed so far and objects read. */
export function ScanProgressBar({ progress }: { progress: ScanProgressState }) {
  const determinate = progress.resourcesTotal > 0;
  return (
    <div
      role="status"
      aria-live="polite"
      className="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      data-testid="scan-progress"
    >
      <p className="text-sm font-medium">{phaseText[progress.phase] ?? progress.phase}</p>
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
    </div>
  );
}
