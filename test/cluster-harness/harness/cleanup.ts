/**
 * Process-wide safety net: whatever the harness started is stopped when the
 * process exits or is interrupted, even if the caller never calls stop().
 */
interface Entry {
  /** Best effort, synchronous: used from the 'exit' event. */
  killSync: () => void;
  /** Graceful: used on SIGINT/SIGTERM before exiting. */
  stop: () => Promise<void>;
}

const entries = new Set<Entry>();
let installed = false;

async function onSignal(signal: NodeJS.Signals): Promise<void> {
  await Promise.allSettled([...entries].map((e) => e.stop()));
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const entry of entries) entry.killSync();
  });
  process.once('SIGINT', (s) => void onSignal(s));
  process.once('SIGTERM', (s) => void onSignal(s));
}

/** Registers a running cluster; the returned function unregisters it after a normal stop. */
export function registerCleanup(killSync: () => void, stop: () => Promise<void>): () => void {
  install();
  const entry: Entry = { killSync, stop };
  entries.add(entry);
  return () => {
    entries.delete(entry);
  };
}
