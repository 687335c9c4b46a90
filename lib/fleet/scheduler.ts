import 'server-only';
import { env as processEnv, type Env } from '../env';
import { AppError, toErrorData } from '../errors';
import { busy } from '../http/admission';
import { activeScans } from '../http/admissions';
import { getStore } from '../store/instance';
import type { ReportStore, RunKey } from '../store/types';
import { periodStart } from './period';
import { registry } from './registered';
import { scanRegistered } from './scan-registered';
import { forgetFleetView } from './service';

/** The job queue on PostgreSQL (pg-boss) that replicas share. */
const QUEUE = 'release-lens-scheduled-scan';
/** pg-boss keeps its tables in a schema of their own, apart from the reports. */
const BOSS_SCHEMA = 'release_lens_jobs';
/** Attempts of one scheduled scan after the first. */
const RETRIES = 2;

export interface SchedulerOptions {
  env?: Env;
  log?: (line: string) => void;
  now?: () => number;
}

export interface RunningScheduler {
  /** Looks for due scans now (also runs every RELEASE_LENS_SCHEDULER_TICK_MS). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** Where due scans go: a queue shared by replicas (PostgreSQL) or this process alone (SQLite). */
interface ScanQueue {
  /** Claims the run and queues it; false when another tick or replica claimed it first. */
  enqueue(key: RunKey): Promise<boolean>;
  stop(): Promise<void>;
}

interface Context {
  store: ReportStore;
  settings: Env;
  log: (line: string) => void;
}

const messageOf = (error: unknown) => toErrorData(error).message;

/**
 * One attempt at a scheduled scan. A cluster removed from the registry since is recorded as failed and not
 * retried; a scan already finished by another attempt is not stored again. Any other failure is recorded and
 * thrown, so the queue retries it.
 */
async function attempt(key: RunKey, ctx: Context): Promise<void> {
  const cluster = registry(ctx.settings).clusters.find((c) => c.id === key.clusterId);
  if (!cluster?.access) {
    await ctx.store.runs.mark(key, {
      state: 'failed',
      error: 'The cluster is no longer registered for scheduled scans.',
    });
    return;
  }
  const ticket = activeScans.enter();
  if (!ticket) {
    const error = busy('scans', ctx.settings.RELEASE_LENS_MAX_ACTIVE_SCANS, 'RELEASE_LENS_MAX_ACTIVE_SCANS');
    await ctx.store.runs.mark(key, { state: 'failed', error: `${error.message} It will be retried.` });
    throw error;
  }
  try {
    await ctx.store.runs.mark(key, { state: 'running' });
    ctx.log(`scheduled scan of ${key.clusterId} for ${key.periodStart}: started in process ${process.pid}`);
    const saved = await scanRegistered(cluster, {
      store: ctx.store,
      signal: AbortSignal.timeout(ctx.settings.RELEASE_LENS_FLEET_SCAN_TIMEOUT_MS),
      run: key,
      env: ctx.settings,
    });
    forgetFleetView();
    ctx.log(`scheduled scan of ${key.clusterId} for ${key.periodStart}: saved report ${saved.id}`);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'conflict') {
      ctx.log(`scheduled scan of ${key.clusterId} for ${key.periodStart}: already done by another attempt`);
      return;
    }
    ctx.log(`scheduled scan of ${key.clusterId} for ${key.periodStart}: failed: ${messageOf(error)}`);
    await ctx.store.runs.mark(key, { state: 'failed', error: messageOf(error) }).catch(() => undefined);
    throw error;
  } finally {
    ticket.leave();
  }
}

/** PostgreSQL: pg-boss holds the jobs. A replica that dies mid-scan leaves its job to expire and be retried. */
async function sharedQueue(ctx: Context, url: string): Promise<ScanQueue> {
  const { default: PgBoss } = await import('pg-boss');
  const expireInSeconds = Math.ceil(ctx.settings.RELEASE_LENS_FLEET_SCAN_TIMEOUT_MS / 1000) + 5;
  const tickSeconds = Math.max(1, Math.round(ctx.settings.RELEASE_LENS_SCHEDULER_TICK_MS / 1000));
  const boss = new PgBoss({
    connectionString: url,
    schema: BOSS_SCHEMA,
    application_name: 'release-lens-scheduler',
    max: 4,
    schedule: false,
    supervise: true,
    // Expired jobs (a replica gone mid-scan) are found by this sweep: as often as the scheduler ticks.
    maintenanceIntervalSeconds: tickSeconds,
  });
  boss.on('error', (error: unknown) => ctx.log(`job queue: ${messageOf(error)}`));
  await boss.start();
  await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: RETRIES, retryDelay: tickSeconds, expireInSeconds });
  await boss.work<RunKey>(
    QUEUE,
    { batchSize: 1, pollingIntervalSeconds: Math.max(0.5, tickSeconds / 2) },
    async ([job]) => {
      if (job) await attempt(job.data, ctx);
    },
  );
  return {
    enqueue: (key) =>
      ctx.store.runs.claim(key, async (db) => {
        await boss.send(QUEUE, key, {
          db,
          retryLimit: RETRIES,
          retryDelay: tickSeconds,
          expireInSeconds,
          singletonKey: `${key.clusterId}@${key.periodStart}`,
        });
      }),
    stop: () => boss.stop({ graceful: false, wait: false }),
  };
}

/**
 * SQLite: this process runs its scans one after another. A run this process finds unfinished from before it
 * started was cut short by a restart: it runs again while its period lasts.
 */
async function localQueue(ctx: Context, startedAt: Date): Promise<ScanQueue> {
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = (key: RunKey) => {
    chain = chain.then(async () => {
      for (let i = 0; i <= RETRIES && !stopped; i += 1) {
        try {
          return await attempt(key, ctx);
        } catch {
          await new Promise((r) => setTimeout(r, ctx.settings.RELEASE_LENS_SCHEDULER_TICK_MS));
        }
      }
    });
  };
  for (const key of await ctx.store.runs.stale(startedAt)) run(key);
  return {
    async enqueue(key) {
      const claimed = await ctx.store.runs.claim(key);
      if (claimed) run(key);
      return claimed;
    },
    stop() {
      stopped = true;
      return chain;
    },
  };
}

/**
 * Starts the scheduled scans of the registered clusters, or nothing when none has a schedule or
 * RELEASE_LENS_SCHEDULER is off. Every replica ticks; the ledger lets one claim each cluster's period, so each
 * due scan runs once however many replicas there are.
 */
export async function startScheduler(options: SchedulerOptions = {}): Promise<RunningScheduler | undefined> {
  const settings = options.env ?? processEnv();
  const log = options.log ?? ((line: string) => console.log(`[release-lens] ${line}`));
  const now = options.now ?? Date.now;
  if (settings.RELEASE_LENS_SCHEDULER === 'off' || settings.RELEASE_LENS_CLUSTERS === undefined) return undefined;
  const scheduled = registry(settings).clusters.filter((c) => c.everyMs !== undefined && c.access !== undefined);
  if (scheduled.length === 0) return undefined;
  const store = await getStore();
  const ctx: Context = { store, settings, log };
  const queue = settings.DATABASE_URL
    ? await sharedQueue(ctx, settings.DATABASE_URL)
    : await localQueue(ctx, new Date(now()));

  let ticking: Promise<void> | undefined;
  const tick = () => {
    ticking ??= (async () => {
      try {
        for (const c of registry(settings).clusters) {
          if (c.everyMs === undefined || c.access === undefined) continue;
          const key = { clusterId: c.id, periodStart: new Date(periodStart(now(), c.everyMs)).toISOString() };
          if (await queue.enqueue(key)) log(`scheduled scan of ${c.id} for ${key.periodStart}: queued`);
        }
      } catch (error) {
        log(`scheduler: ${messageOf(error)}`);
      } finally {
        ticking = undefined;
      }
    })();
    return ticking;
  };
  const timer = setInterval(() => void tick(), settings.RELEASE_LENS_SCHEDULER_TICK_MS);
  timer.unref();
  void tick();
  log(
    `scheduler: ${scheduled.length} clusters on a schedule, ${settings.DATABASE_URL ? 'sharing the work through PostgreSQL' : 'in this process (SQLite)'}`,
  );
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await ticking;
      await queue.stop();
    },
  };
}
