import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findExecutable } from '../../lib/sources/files/render/exec';
import type { RenderTools } from '../../lib/sources/files/repository';

/** The helm that scripts/install-helm.sh builds into the cache (or RELEASE_LENS_TEST_HELM). */
function cachedHelm(): string | undefined {
  const override = process.env.RELEASE_LENS_TEST_HELM;
  if (override) return override;
  const cache =
    process.env.RELEASE_LENS_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'release-lens');
  const helm = path.join(cache, 'helm-v4.3.2', 'helm');
  return existsSync(helm) ? helm : undefined;
}

/**
 * The renderers the rendered-path tests use. In CI (CI set) they must be there: .ci/run installs helm and the
 * machine has kubectl; a missing one fails the test instead of skipping it. Elsewhere the tests skip without them.
 */
export async function testRenderTools(): Promise<{ tools: Required<Omit<RenderTools, 'off'>> } | { missing: string }> {
  const helm = cachedHelm() ?? (await findExecutable('helm'));
  const kubectl = await findExecutable('kubectl');
  if (!helm || !kubectl) {
    const missing = [!helm && 'helm (bash scripts/install-helm.sh)', !kubectl && 'kubectl']
      .filter(Boolean)
      .join(' and ');
    if (process.env.CI) throw new Error(`The rendered-path tests need ${missing}.`);
    return { missing };
  }
  return { tools: { helm, kustomize: { command: kubectl, args: ['kustomize'] } } };
}

/** The repository fixture written for these tests. */
export const FIXTURE_REPOSITORY = path.join(import.meta.dirname, '..', 'fixtures', 'repository');
