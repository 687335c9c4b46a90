/**
 * Runs once when a server process starts: the scheduled scans of registered clusters (lib/fleet/scheduler.ts).
 * A scheduler that cannot start says why in the log and leaves the rest of the app serving.
 */
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- Next.js sets these to say which runtime and phase this is
  const { NEXT_RUNTIME, NEXT_PHASE } = process.env;
  if (NEXT_RUNTIME !== 'nodejs' || NEXT_PHASE === 'phase-production-build') return;
  const { startScheduler } = await import('./lib/fleet/scheduler');
  startScheduler().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[release-lens] the scheduler did not start: ${message}`);
  });
}
