import type { BuildOptions } from 'esbuild';

export declare function nodeModuleBundle(options: {
  entryPoints: Record<string, string>;
  outdir: string;
  chunkDir: string;
}): BuildOptions;
