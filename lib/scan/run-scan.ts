import 'server-only';
import type { Catalog } from '../catalog/load';
import { collectSnapshot, connect, type ConnectOptions } from '../sources/cluster';
import { type ScanProgress } from '../model/scan';
import { AppError } from '../errors';
import type { Report } from '../model/report';
import type { Target } from '../model/releases';
import { loadDemoSnapshot } from '../sources/demo/load';
import { parseOfflineSnapshot } from '../sources/offline/parse';
import type { Snapshot } from '../model/snapshot';
import { evaluate } from './evaluate';
import type { ScanSource } from './sources';

export interface ScanOptions {
  target: Target;
  catalog: Catalog;
  /** The data/ folder, for the demo cluster. */
  dataDir: string;
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
  maxSnapshotBytes?: number;
  /** How to reach a live cluster (the CLI passes its --kubeconfig file, settings and User-Agent). */
  connect?: ConnectOptions;
}

function offlineSnapshot(files: Extract<ScanSource, { kind: 'snapshot' }>['files'], maxBytes?: number): Snapshot {
  const result = parseOfflineSnapshot(files, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) return result.snapshot;
  const tooLarge = result.errors.some((e) => e.kind === 'too-large');
  const message = result.errors.map((e) => e.message).join(' ');
  throw new AppError(tooLarge ? 'too-large' : 'invalid-input', message, result.errors[0]?.file);
}

/** Reads the source into a snapshot: the live cluster through GET/LIST only, or the offline files, or the demo. */
export async function readSnapshot(
  source: ScanSource,
  options: Omit<ScanOptions, 'target' | 'catalog'>,
): Promise<Snapshot> {
  switch (source.kind) {
    case 'demo':
      return loadDemoSnapshot(options.dataDir);
    case 'snapshot':
      return offlineSnapshot(source.files, options.maxSnapshotBytes);
    default: {
      options.onProgress?.({ phase: 'connecting', itemsSoFar: 0, resourcesDone: 0, resourcesTotal: 0 });
      const connection = await connect(source, options.connect);
      try {
        return await collectSnapshot(connection, {
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.connect?.env ? { env: options.connect.env } : {}),
        });
      } finally {
        connection.close();
      }
    }
  }
}

/** A whole scan: read the source, run every check, and return the impact report. */
export async function runScan(source: ScanSource, options: ScanOptions): Promise<Report> {
  const snapshot = await readSnapshot(source, options);
  return evaluate(snapshot, { target: options.target, catalog: options.catalog });
}
