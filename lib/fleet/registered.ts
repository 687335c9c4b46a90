import 'server-only';
import { readFileSync, statSync } from 'node:fs';
import { env as processEnv, type Env } from '../env';
import { AppError } from '../errors';
import type { RegisteredCluster } from '../model/fleet';
import { parseRegistry } from './registry';

/** The registered clusters of this instance and the agent upload token of each. */
export interface Registry {
  clusters: RegisteredCluster[];
  /** Agent upload tokens, read from their files; compared in constant time by the caller. */
  tokens: { clusterId: string; token: string }[];
}

const EMPTY: Registry = { clusters: [], tokens: [] };

function readToken(cluster: RegisteredCluster, file: string): string {
  let token: string;
  try {
    token = readFileSync(file, 'utf8').trim();
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new AppError(
      'internal',
      `The upload token file of cluster "${cluster.id}" (${file}) cannot be read (${code}).`,
    );
  }
  if (token.length < 16 || token.length > 512 || /\s/.test(token)) {
    throw new AppError(
      'internal',
      `The upload token of cluster "${cluster.id}" (${file}) must be 16 to 512 characters without spaces.`,
    );
  }
  return token;
}

/** Reads RELEASE_LENS_CLUSTERS and the token files it names; AppError naming the file or field when one is wrong. */
export function loadRegistry(e: Env): Registry {
  const file = e.RELEASE_LENS_CLUSTERS;
  if (file === undefined) return EMPTY;
  let text: string;
  try {
    if (statSync(file).size > 1024 * 1024) throw new AppError('too-large', `${file} is over 1 MiB.`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new AppError(
      'internal',
      `The registered-clusters file ${file} (RELEASE_LENS_CLUSTERS) cannot be read (${code}).`,
    );
  }
  let clusters: RegisteredCluster[];
  try {
    clusters = parseRegistry(text, file);
  } catch (error) {
    // The operator's file, not the caller's input: whoever meets it (an agent's upload, the fleet page) is not at
    // fault, and the message names the field to fix.
    if (error instanceof AppError) throw new AppError('internal', `RELEASE_LENS_CLUSTERS: ${error.message}`);
    throw error;
  }
  const tokens = clusters.flatMap((c) =>
    c.uploadTokenFile === undefined ? [] : [{ clusterId: c.id, token: readToken(c, c.uploadTokenFile) }],
  );
  const seen = new Map<string, string>();
  for (const t of tokens) {
    const other = seen.get(t.token);
    if (other !== undefined) {
      throw new AppError(
        'internal',
        `Clusters "${other}" and "${t.clusterId}" have the same upload token: give each its own.`,
      );
    }
    seen.set(t.token, t.clusterId);
  }
  return { clusters, tokens };
}

/** How long a read registry is used before the files are read again (mounted Secrets and ConfigMaps change). */
const TTL_MS = 10_000;
let cached: { at: number; registry: Registry } | undefined;

/** The registry of this process, read again every few seconds. */
export function registry(e: Env = processEnv()): Registry {
  const now = Date.now();
  if (cached && now - cached.at < TTL_MS) return cached.registry;
  const fresh = loadRegistry(e);
  cached = { at: now, registry: fresh };
  return fresh;
}
