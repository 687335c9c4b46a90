import 'server-only';
import type { Catalog } from '../catalog/load';
import type { ClusterConnection, ConnectOptions } from '../sources/cluster';
import type { ScanProgress } from '../model/scan';
import { AppError } from '../errors';
import type { Report } from '../model/report';
import type { Target } from '../model/releases';
import { loadDemoSnapshot } from '../sources/demo/load';
import { readOfflineSnapshot } from '../sources/offline/parse';
import type { ReadBudgets } from '../model/budgets';
import type { HelmDecoder } from '../snapshot/helm/decoder';
import type { Snapshot } from '../model/snapshot';
import { DEFAULT_BUDGETS } from '../model/budgets';
import { readRepository } from '../sources/files/repository';
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
  /** What one scan may read; DEFAULT_BUDGETS when absent. */
  budgets?: ReadBudgets;
  /** Where Helm records are decoded (a worker pool on a server and in the CLI); inline when absent. */
  helmDecoder?: HelmDecoder;
  /** A live scan narrowed to these namespaces (the CLI's --namespace): namespaced resources are read there only. */
  namespaces?: string[];
  /** How to reach a live cluster (the CLI passes its --kubeconfig file, settings and User-Agent). */
  connect?: ConnectOptions;
}

type ReadOptions = Pick<ScanOptions, 'maxSnapshotBytes' | 'budgets' | 'helmDecoder' | 'signal'>;

async function offlineSnapshot(
  files: Extract<ScanSource, { kind: 'snapshot' }>['files'],
  options: ReadOptions,
): Promise<Snapshot> {
  const result = await readOfflineSnapshot(files, {
    ...(options.maxSnapshotBytes === undefined ? {} : { maxBytes: options.maxSnapshotBytes }),
    ...(options.budgets ? { budgets: options.budgets } : {}),
    ...(options.helmDecoder ? { helmDecoder: options.helmDecoder } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.ok) return result.snapshot;
  const tooLarge = result.errors.some((e) => e.kind === 'too-large');
  const message = result.errors.map((e) => e.message).join(' ');
  throw new AppError(tooLarge ? 'too-large' : 'invalid-input', message, result.errors[0]?.file);
}

/** Reads a repository; a path that does not exist or cannot be read is the user's input error. */
async function repositorySnapshot(
  source: Extract<ScanSource, { kind: 'files' }>,
  options: ReadOptions & Partial<Pick<ScanOptions, 'target' | 'catalog'>>,
): Promise<Snapshot> {
  if (!options.target || !options.catalog) throw new Error('a repository scan needs the target and the catalog');
  try {
    const result = await readRepository(source.paths, source.base, {
      source: { kind: 'files', label: source.label },
      budgets: options.budgets ?? DEFAULT_BUDGETS,
      target: options.target,
      removedApis: options.catalog.removedApis,
      tools: source.tools,
      ...(source.valuesFiles ? { valuesFiles: source.valuesFiles } : {}),
      ...(source.extra ? { extra: source.extra } : {}),
      ...(source.extraUnread ? { extraUnread: source.extraUnread } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return result.snapshot;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    const file = error instanceof Error && 'path' in error ? String(error.path) : undefined;
    if (code === undefined) throw error;
    throw new AppError('invalid-input', `Could not read ${file ?? 'the repository'} (${code}).`, file);
  }
}

/**
 * A source made ready to scan: a live cluster's connection planned (kubeconfig sanitized, host checked, nothing sent
 * yet), or the offline and demo snapshot already read. Whatever is wrong with the input shows here, before any
 * progress is reported, so a server can answer it with a 4xx status.
 */
export type OpenedSource = { kind: 'live'; connection: ClusterConnection } | { kind: 'read'; snapshot: Snapshot };

/** Opens a source: plans the connection of a live cluster, reads an offline or demo snapshot. */
export async function openSource(
  source: ScanSource,
  options: Pick<ScanOptions, 'dataDir' | 'connect'> & ReadOptions & Partial<Pick<ScanOptions, 'target' | 'catalog'>>,
): Promise<OpenedSource> {
  switch (source.kind) {
    case 'files':
      return { kind: 'read', snapshot: await repositorySnapshot(source, options) };
    case 'demo':
      return { kind: 'read', snapshot: loadDemoSnapshot(options.dataDir) };
    case 'snapshot':
      return { kind: 'read', snapshot: await offlineSnapshot(source.files, options) };
    default:
      return {
        kind: 'live',
        // Loaded only for a live cluster: the Kubernetes client is the heaviest import, and a repository or
        // offline scan never needs it.
        connection: await (
          await import('../sources/cluster')
        ).connect(source, {
          ...options.connect,
          ...(options.budgets ? { budgets: options.budgets } : {}),
        }),
      };
  }
}

/** Reads an opened source into a snapshot: the live cluster through GET/LIST only. Closes the connection. */
export async function readOpened(
  opened: OpenedSource,
  options: Omit<ScanOptions, 'target' | 'catalog' | 'dataDir'>,
): Promise<Snapshot> {
  if (opened.kind === 'read') return opened.snapshot;
  const { connection } = opened;
  try {
    const { collectSnapshot } = await import('../sources/cluster');
    return await collectSnapshot(connection, {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.connect?.env ? { env: options.connect.env } : {}),
      ...(options.budgets ? { budgets: options.budgets } : {}),
      ...(options.helmDecoder ? { helmDecoder: options.helmDecoder } : {}),
      ...(options.namespaces?.length ? { onlyNamespaces: options.namespaces } : {}),
    });
  } finally {
    connection.close();
  }
}

/** Reads the source into a snapshot: the live cluster through GET/LIST only, or the offline files, or the demo. */
export async function readSnapshot(
  source: ScanSource,
  options: Omit<ScanOptions, 'target' | 'catalog'> & Partial<Pick<ScanOptions, 'target' | 'catalog'>>,
): Promise<Snapshot> {
  if (source.kind !== 'demo' && source.kind !== 'snapshot' && source.kind !== 'files') {
    options.onProgress?.({ phase: 'connecting', itemsSoFar: 0, resourcesDone: 0, resourcesTotal: 0 });
  }
  return readOpened(await openSource(source, options), options);
}

/** A whole scan: read the source, run every check, and return the impact report. */
export async function runScan(source: ScanSource, options: ScanOptions): Promise<Report> {
  const snapshot = await readSnapshot(source, options);
  return evaluate(snapshot, { target: options.target, catalog: options.catalog });
}
