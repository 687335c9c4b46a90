import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { env as readEnv, type Env } from '../../../env';
import { AppError } from '../../../errors';
import { mergeKubeconfigs, resolveRelativePaths } from '../../kubeconfig/merge';
import type { Kubeconfig } from '../../kubeconfig/model';
import { parseKubeconfig } from '../../kubeconfig/parse';
import { listContexts } from '../../kubeconfig/contexts';
import type { ContextSummary } from '../../../model/scan';

// Local files are the user's own and trusted; the cap only guards against reading something absurd by mistake.
const LOCAL_MAX_BYTES = 16 * 2 ** 20;

/** The files kubectl would read: an explicit file (`--kubeconfig`), else the KUBECONFIG list, else ~/.kube/config. */
export function localKubeconfigPaths(e: Env = readEnv(), explicitPath?: string): string[] {
  if (explicitPath !== undefined) return [explicitPath];
  if (e.KUBECONFIG) return e.KUBECONFIG.split(path.delimiter).filter(Boolean);
  return e.HOME ? [path.join(e.HOME, '.kube', 'config')] : [];
}

function readKubeconfigFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new AppError('invalid-input', `The kubeconfig ${file} could not be read (${code}).`, undefined, {
      cause: error,
    });
  }
}

/**
 * Reads and merges the local kubeconfig files (or only `explicitPath`, which must exist, as with kubectl's
 * `--kubeconfig`); throws when local access is off or no file exists.
 */
export function loadLocalKubeconfig(e: Env = readEnv(), explicitPath?: string): Kubeconfig {
  if (!e.RELEASE_LENS_LOCAL_KUBECONFIG) {
    throw new AppError(
      'forbidden',
      'This server does not offer its own kubeconfig (RELEASE_LENS_LOCAL_KUBECONFIG=false). Upload a kubeconfig instead.',
    );
  }
  if (explicitPath !== undefined && !existsSync(explicitPath)) {
    throw new AppError('not-found', `The kubeconfig ${explicitPath} does not exist.`);
  }
  const files = localKubeconfigPaths(e, explicitPath).filter((f) => existsSync(f));
  if (files.length === 0) {
    throw new AppError('not-found', 'No kubeconfig was found (KUBECONFIG or ~/.kube/config). Upload one instead.');
  }
  const configs = files.map((file) =>
    resolveRelativePaths(
      parseKubeconfig(readKubeconfigFile(file), { maxBytes: LOCAL_MAX_BYTES, label: `The kubeconfig ${file}` }),
      path.dirname(file),
    ),
  );
  return mergeKubeconfigs(configs);
}

/** The contexts of the server's own kubeconfig; empty when local access is off or there is no kubeconfig. */
export function listLocalContexts(e: Env = readEnv()): ContextSummary[] {
  if (!e.RELEASE_LENS_LOCAL_KUBECONFIG || !localKubeconfigPaths(e).some((f) => existsSync(f))) return [];
  return listContexts(loadLocalKubeconfig(e));
}
