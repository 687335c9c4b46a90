import type { ScanProgress } from '../lib/model/scan';
import type { OutStream } from './io';

/** Scan progress on one rewritten stderr line. */
export interface Progress {
  update(p: ScanProgress): void;
  /** Clears the line, so what follows starts clean. */
  done(): Promise<void>;
}

const CLEAR_LINE = '\r\x1b[K';
const INTERVAL_MS = 100;

/** The progress line for one update, e.g. "Scanning: 12/40 resources, 3,456 objects (pods)". */
export function progressLine(p: ScanProgress): string {
  switch (p.phase) {
    case 'connecting':
      return 'Scanning: connecting…';
    case 'discovery':
      return 'Scanning: discovering API resources…';
    case 'listing':
    case 'done': {
      const resource = p.resource ? ` (${p.resource})` : '';
      return `Scanning: ${p.resourcesDone}/${p.resourcesTotal} resources, ${p.itemsSoFar.toLocaleString('en-US')} objects${resource}`;
    }
  }
}

const silent: Progress = { update: () => undefined, done: () => Promise.resolve() };

/** Progress on `stream` when it is a terminal and not --quiet; otherwise nothing, so logs stay clean. */
export function createProgress(stream: OutStream, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || !stream.isTTY) return silent;
  let last = -Infinity;
  let lastPhase: ScanProgress['phase'] | undefined;
  let shown = false;
  let pending: Promise<void> = Promise.resolve();
  const write = (text: string) => {
    // Progress is advisory: a failed write must not fail the scan.
    pending = pending.then(() => stream.write(text)).catch(() => undefined);
  };
  return {
    update(p) {
      const t = now();
      if (p.phase === lastPhase && t - last < INTERVAL_MS) return;
      last = t;
      lastPhase = p.phase;
      shown = true;
      write(`${CLEAR_LINE}${progressLine(p).slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
    },
    async done() {
      if (shown) write(CLEAR_LINE);
      await pending;
    },
  };
}
