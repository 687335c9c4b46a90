/**
 * The entry of a live-scan worker thread (bundled to dist/workers/live-scan.mjs): reading a cluster of tens of
 * thousands of pods parses hundreds of MiB of JSON and runs every check over the result, which must not hold up the
 * server's own thread (other users' pages) nor share its heap (a scan over the worker's heap fails alone).
 * Progress and Helm records to decode go to the server's thread over `port`; the report comes back as the result.
 */
import type { MessagePort } from 'node:worker_threads';
import { getCatalog } from '../catalog';
import type { Env } from '../env';
import { AppError, type AppErrorData } from '../errors';
import type { ReadBudgets } from '../model/budgets';
import type { Target } from '../model/releases';
import type { Report } from '../model/report';
import type { ScanProgress } from '../model/scan';
import { collectSnapshot, connect, type ClusterSource } from '../sources/cluster';
import type { HelmDecoder, HelmRecordInput } from '../snapshot/helm/decoder';
import type { HelmRecord } from '../snapshot/helm/record';
import { evaluate } from './evaluate';

export interface LiveScanTask {
  source: ClusterSource;
  target: Target;
  budgets: ReadBudgets;
  /** Namespaced resources are read in these only, when given. */
  namespaces?: string[];
  /** Settings (default: the process's), the kubeconfig file of a registered cluster, the User-Agent. */
  connect?: { env?: Env; kubeconfigPath?: string; userAgent?: string };
  /** Progress out, Helm records out and back; closed when the scan ends. */
  port: MessagePort;
  /** True when the server's thread decodes Helm records (its decoding pool); else they are decoded here. */
  helmOnServer: boolean;
}

/** Expected failures come back as data (a class does not survive the trip between threads). */
export type LiveScanResult = { ok: true; report: Report } | { ok: false; error: AppErrorData };

/** What the worker sends over the task's port. */
export type LiveScanMessage =
  { type: 'progress'; progress: ScanProgress } | { type: 'helm'; id: number; input: HelmRecordInput };

/** What the server's thread answers to a Helm record. */
export type HelmAnswer = { type: 'helm'; id: number; record: HelmRecord } | { type: 'helm'; id: number; error: string };

/** Helm records decoded by the server's thread, asked for over the port. */
function decoderOverPort(port: MessagePort): HelmDecoder & { stop(): void } {
  const pending = new Map<number, { resolve: (r: HelmRecord) => void; reject: (e: Error) => void }>();
  let next = 0;
  const onMessage = (answer: HelmAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if ('record' in answer) waiting.resolve(answer.record);
    else waiting.reject(new Error(answer.error));
  };
  port.on('message', onMessage);
  return {
    decode(input) {
      const id = (next += 1);
      const answer = new Promise<HelmRecord>((resolve, reject) => pending.set(id, { resolve, reject }));
      port.postMessage({ type: 'helm', id, input } satisfies LiveScanMessage);
      return answer;
    },
    stop: () => port.off('message', onMessage),
  };
}

export default async function liveScan(task: LiveScanTask): Promise<LiveScanResult> {
  const { port, budgets } = task;
  const helm = task.helmOnServer ? decoderOverPort(port) : undefined;
  try {
    const conn = await connect(task.source, { ...task.connect, budgets });
    let report: Report;
    try {
      const snapshot = await collectSnapshot(conn, {
        budgets,
        ...(task.connect?.env ? { env: task.connect.env } : {}),
        onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies LiveScanMessage),
        ...(helm ? { helmDecoder: helm } : {}),
        ...(task.namespaces?.length ? { onlyNamespaces: task.namespaces } : {}),
      });
      report = evaluate(snapshot, { target: task.target, catalog: getCatalog() });
    } finally {
      conn.close();
    }
    return { ok: true, report };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData() };
    throw error;
  } finally {
    helm?.stop();
    port.close();
  }
}
