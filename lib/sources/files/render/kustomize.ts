import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execTool, type ExecResult } from './exec';

/** How to run kustomize: `kubectl kustomize` or a `kustomize build` binary. */
export interface KustomizeTool {
  command: string;
  args: readonly string[];
}

/** The annotation kustomize adds (with buildMetadata: [originAnnotations]) naming the file each object came from. */
export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

/**
 * Renders one kustomization root. It is wrapped in a throwaway kustomization that asks for origin annotations, so
 * every object says which file of the repository it came from; the repository itself is not touched. The caller
 * has refused remote bases beforehand: nothing is fetched.
 */
export async function renderKustomization(
  tool: KustomizeTool,
  rootDir: string,
  options: { timeoutMs: number; maxOutputBytes: number; signal?: AbortSignal },
): Promise<{ result: ExecResult; wrapper: string }> {
  const wrapper = await mkdtemp(path.join(os.tmpdir(), 'release-lens-kustomize-'));
  try {
    const relative = path.relative(wrapper, rootDir).split(path.sep).join('/');
    await writeFile(
      path.join(wrapper, 'kustomization.yaml'),
      `resources:\n  - ${JSON.stringify(relative)}\nbuildMetadata: [originAnnotations]\n`,
    );
    const result = await execTool(tool.command, [...tool.args, wrapper], {
      cwd: wrapper,
      timeoutMs: options.timeoutMs,
      maxOutputBytes: options.maxOutputBytes,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { result, wrapper };
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
}

/** The file an origin annotation names (`path: ../repo/base/pdb.yaml`), resolved against the wrapper directory. */
export function originFile(annotation: string, wrapper: string): string | undefined {
  const m = /^path:\s*(.+)$/m.exec(annotation);
  if (!m?.[1] || /^repo:/m.test(annotation)) return undefined;
  return path.resolve(wrapper, m[1].trim().replace(/^["']|["']$/g, ''));
}
