import type { BuildOptions } from 'esbuild';

export declare const BUNDLED_PACKAGES: readonly string[];
export declare function nodeModuleBundle(options: {
  entryPoints: Record<string, string>;
  outdir: string;
  chunkDir: string;
}): BuildOptions;
