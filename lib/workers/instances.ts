import 'server-only';
import path from 'node:path';
import { env } from '../env';
import type { ReadBudgets } from '../model/budgets';
import type { HelmDecoder } from '../snapshot/helm/decoder';
import { createHelmDecodePool, type HelmDecodePool } from './helm-decode-pool';
import { createLiveScanPool, type LiveScanPool } from './live-scan-pool';
import { createReportPreparePool, type ReportPreparePool } from './report-prepare-pool';

/** The bundled worker entries `npm run gen` writes, under the app's directory. */
const workerFile = (name: string, ext = 'cjs') => path.join(process.cwd(), 'dist', 'workers', `${name}.${ext}`);

let helm: HelmDecodePool | undefined;
let reports: ReportPreparePool | undefined;
let liveScans: LiveScanPool | undefined;

/** The server's Helm decoder: one pool of worker threads for the process, started on first use. */
export function serverHelmDecoder(budgets: ReadBudgets): HelmDecoder {
  const threads = env().RELEASE_LENS_DECODE_THREADS;
  helm ??= createHelmDecodePool({
    workerFile: workerFile('helm-decode'),
    ...(threads === undefined ? {} : { threads }),
  });
  return helm.decoder(budgets);
}

/** The server's report preparer: one worker thread, started on first use. */
export function serverReportPreparer(): ReportPreparePool {
  reports ??= createReportPreparePool({ workerFile: workerFile('report-prepare') });
  return reports;
}

/** The server's live scans: one worker thread per admitted scan, started on first use. */
export function serverLiveScans(): LiveScanPool {
  const e = env();
  liveScans ??= createLiveScanPool({
    workerFile: workerFile('live-scan', 'mjs'),
    threads: e.RELEASE_LENS_MAX_ACTIVE_SCANS,
    heapMiB: e.RELEASE_LENS_SCAN_HEAP_MIB,
  });
  return liveScans;
}
