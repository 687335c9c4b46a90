import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { loadRegistry } from './registered';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A registry file with these files beside it. */
function setup(files: Record<string, string>): ReturnType<typeof parseEnv> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'release-lens-registry-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return parseEnv({ RELEASE_LENS_CLUSTERS: path.join(dir, 'clusters.yaml') });
}

function failure(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('loadRegistry', () => {
  it('reads the clusters and the token beside them', () => {
    const env = setup({
      'clusters.yaml':
        'clusters:\n  - {id: edge, uploadTokenFile: edge.token}\n  - {id: home, inCluster: true, every: 1h}\n',
      'edge.token': 'agent-edge-0123456789\n',
    });
    const registry = loadRegistry(env);
    expect(registry.clusters.map((c) => c.id)).toEqual(['edge', 'home']);
    expect(registry.tokens).toEqual([{ clusterId: 'edge', token: 'agent-edge-0123456789' }]);
  });

  it('registers nothing without RELEASE_LENS_CLUSTERS', () => {
    expect(loadRegistry(parseEnv({}))).toEqual({ clusters: [], tokens: [] });
  });

  it("blames the operator's file, not the caller, naming what to fix", () => {
    const bad = failure(() => loadRegistry(setup({ 'clusters.yaml': 'clusters:\n  - {id: a, every: 1h}\n' })));
    expect(bad.kind).toBe('internal');
    expect(bad.message).toMatch(/^RELEASE_LENS_CLUSTERS: .*clusters\[0\]\.every: a schedule needs kubeconfig/);
    const missing = failure(() => loadRegistry(parseEnv({ RELEASE_LENS_CLUSTERS: '/nonexistent/clusters.yaml' })));
    expect(missing.message).toContain('ENOENT');
  });

  it('refuses short, missing and shared tokens', () => {
    const yaml = 'clusters:\n  - {id: a, uploadTokenFile: a.token}\n  - {id: b, uploadTokenFile: b.token}\n';
    expect(
      failure(() => loadRegistry(setup({ 'clusters.yaml': yaml, 'a.token': 'short', 'b.token': 'x'.repeat(20) })))
        .message,
    ).toMatch(/16 to 512 characters/);
    expect(failure(() => loadRegistry(setup({ 'clusters.yaml': yaml, 'a.token': 'x'.repeat(20) }))).message).toMatch(
      /"b".*cannot be read \(ENOENT\)/,
    );
    const same = 'same-token-0123456789';
    expect(
      failure(() => loadRegistry(setup({ 'clusters.yaml': yaml, 'a.token': same, 'b.token': same }))).message,
    ).toMatch(/same upload token/);
  });
});
