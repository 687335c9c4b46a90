import { lstat, open, readdir, stat } from 'node:fs/promises';
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

interface WalkState {
  budgets: ReadBudgets;
  base: string;
  files: ManifestFile[];
  unread: UnreadFile[];
  bytes: number;
  stopped: boolean;
}

/** The display path: relative to the base, with forward slashes, as a repository and SARIF name it. */
function display(base: string, file: string): string {
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

async function readOne(state: WalkState, file: string, size: number): Promise<void> {
  const name = display(state.base, file);
  if (size > state.budgets.fileBytes) {
    state.unread.push({ path: name, reason: `it is larger than ${overBudget('fileBytes', state.budgets.fileBytes)}` });
    return;
  }
  if (state.files.length >= state.budgets.repositoryFiles || state.bytes + size > state.budgets.repositoryBytes) {
    const budget = state.files.length >= state.budgets.repositoryFiles ? 'repositoryFiles' : 'repositoryBytes';
    state.unread.push({
      path: name,
      reason: `the repository has more than ${overBudget(budget, state.budgets[budget])}: this file and those after it were not read`,
    });
    state.stopped = true;
    return;
  }
  const handle = await open(file, 'r');
  try {
    // Read at most the budget, whatever the file grew to since it was listed.
    const buffer = Buffer.alloc(Math.min(size, state.budgets.fileBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    state.bytes += bytesRead;
    state.files.push({ path: name, text: buffer.subarray(0, bytesRead).toString('utf8') });
  } finally {
    await handle.close();
  }
}

async function walkDirectory(state: WalkState, dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (state.stopped) return;
    const full = path.join(dir, entry.name);
    // Symbolic links are not followed: a link can leave the repository or loop back into it.
    if (entry.isDirectory() && !skippedDirectory(entry.name)) await walkDirectory(state, full);
    else if (entry.isFile() && READ_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      await readOne(state, full, (await lstat(full)).size);
    }
  }
}

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
  const base = path.resolve(options.base);
  const state: WalkState = { budgets: options.budgets, base, files: [], unread: [], bytes: 0, stopped: false };
  for (const target of targets) {
    const absolute = path.resolve(base, target);
    const info = await stat(absolute);
    // A file named on its own is read whatever its extension: the user chose it.
    if (info.isDirectory()) await walkDirectory(state, absolute);
    else if (!state.stopped) await readOne(state, absolute, info.size);
  }
  return { files: state.files, unread: state.unread, base };
}
