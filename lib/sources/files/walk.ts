import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { overBudget, type ReadBudgets } from '../../model/budgets';
import type { ManifestFile, UnreadFile } from './read';

/** The files a repository scan reads: manifests, chart files (templates, helpers, values) and kustomizations. */
const READ_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.tpl']);

/**
 * Directories never entered: version control, dependencies and anything hidden (`.github` holds workflows, not
 * manifests). A chart's `charts/` is entered: subcharts live there.
 */
function skippedDirectory(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === 'vendor';
}

export interface WalkedRepository {
  files: ManifestFile[];
  unread: UnreadFile[];
  /** Absolute directory the paths are relative to, for the renderers that need the files on disk. */
  base: string;
}

/** Files read between two yields to the event loop: a server answering other requests stalls a few ms at most. */
const BATCH = 64;

/** The display path: relative to the base, with forward slashes, as a repository and SARIF name it. */
function display(base: string, file: string): string {
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** The files to read under a directory, in a stable order; hidden and dependency directories are skipped. */
async function listDirectory(dir: string, out: string[], limit: number): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Past the file budget the rest is only counted as not read; listing on would cost time for nothing.
    if (out.length > limit) return;
    const full = path.join(dir, entry.name);
    // Symbolic links are not followed: a link can leave the repository or loop back into it.
    if (entry.isDirectory() && !skippedDirectory(entry.name)) await listDirectory(full, out, limit);
    else if (entry.isFile() && READ_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) out.push(full);
  }
}

/**
 * Reads one file, at most `max` bytes whatever it grew to since it was listed; undefined when it is larger.
 * Synchronous calls, in small batches: for thousands of small files they cost a fraction of one promise round
 * trip through the thread pool each.
 */
function readCapped(file: string, max: number): { size: number; text?: string } {
  const fd = openSync(file, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > max) return { size };
    const buffer = Buffer.allocUnsafe(size);
    const bytesRead = size === 0 ? 0 : readSync(fd, buffer, 0, size, 0);
    return { size, text: buffer.toString('utf8', 0, bytesRead) };
  } finally {
    closeSync(fd);
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads files and directory trees of a repository: every YAML, JSON and template file, in a stable order, within
 * the repository budgets (files, bytes per file, bytes in all, shared by every target). Paths are relative to `base`
 * (the working directory for the CLI), so findings name them as the repository does; a file outside it keeps its
 * absolute path. A missing target throws the file system's error.
 */
export async function walkRepository(
  targets: readonly string[],
  options: { budgets: ReadBudgets; base: string },
): Promise<WalkedRepository> {
  const { budgets } = options;
  const base = path.resolve(options.base);
  const listed: string[] = [];
  for (const target of targets) {
    const absolute = path.resolve(base, target);
    const info = await stat(absolute);
    // A file named on its own is read whatever its extension: the user chose it.
    if (info.isDirectory()) await listDirectory(absolute, listed, budgets.repositoryFiles);
    else listed.push(absolute);
  }
  const unique = [...new Set(listed)];
  const unread: UnreadFile[] = [];
  const files: ManifestFile[] = [];
  let bytes = 0;
  for (const [i, file] of unique.entries()) {
    if (i % BATCH === BATCH - 1) await yieldToEventLoop();
    const name = display(base, file);
    if (files.length >= budgets.repositoryFiles) {
      unread.push({
        path: name,
        reason: `the repository has more than ${overBudget('repositoryFiles', budgets.repositoryFiles)}: this file and those after it were not read`,
      });
      break;
    }
    const read = readCapped(file, Math.min(budgets.fileBytes, budgets.repositoryBytes - bytes));
    if (read.text === undefined) {
      const total = read.size <= budgets.fileBytes;
      unread.push({
        path: name,
        reason: total
          ? `the repository has more than ${overBudget('repositoryBytes', budgets.repositoryBytes)}: this file and those after it were not read`
          : `it is larger than ${overBudget('fileBytes', budgets.fileBytes)}`,
      });
      if (total) break;
      continue;
    }
    bytes += read.size;
    files.push({ path: name, text: read.text });
  }
  return { files, unread, base };
}
