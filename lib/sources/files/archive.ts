import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import yauzl from 'yauzl';
import { AppError } from '../../errors';
import { formatBytes, overBudget, type ReadBudgets } from '../../model/budgets';
import type { ManifestFile, UnreadFile } from './read';

/** Why an uploaded repository's charts and kustomizations are read as text: the server runs no renderer on uploads. */
export const UPLOADS_NOT_RENDERED =
  'an uploaded repository is read as text: the dashboard does not run helm or kustomize on uploads; the CLI renders them (release-lens scan --files)';

/** What a repository upload held: its files (paths as in the repository), and what was left out and why. */
export interface UploadedRepository {
  files: ManifestFile[];
  unread: UnreadFile[];
}

const READ = /\.(?:ya?ml|json|tpl)$/i;

type Budgets = Pick<ReadBudgets, 'repositoryFiles' | 'fileBytes' | 'repositoryBytes'>;

/**
 * A repository path as the archive names it, normalised, or undefined when it is not one to read: outside the
 * archive (absolute, `..`), inside hidden or dependency directories, or not a manifest, chart or template file.
 */
export function entryPath(raw: string): string | undefined {
  const parts = raw
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.');
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw) || parts.includes('..')) return undefined;
  const dirs = parts.slice(0, -1);
  if (dirs.some((d) => d.startsWith('.') || d === 'node_modules' || d === 'vendor')) return undefined;
  const name = parts[parts.length - 1] ?? '';
  return READ.test(name) ? parts.join('/') : undefined;
}

/** Thrown inside an entry when the archive as a whole has inflated past the repository budget. */
class ArchiveBudgetExceeded extends Error {}

/**
 * Collects entries within the repository budgets, counting real decompressed bytes, whatever headers claim. An
 * entry over the file budget is read on to its end but not kept (the archive format needs that to go on); once the
 * archive has inflated past the repository budget in all, reading stops there.
 */
class Collector {
  readonly files: ManifestFile[] = [];
  readonly unread: UnreadFile[] = [];
  private bytes = 0;
  private inflated = 0;
  full = false;
  constructor(private readonly budgets: Budgets) {}

  async take(path: string, stream: AsyncIterable<Uint8Array>): Promise<void> {
    if (this.files.length >= this.budgets.repositoryFiles) {
      this.stop(path, 'repositoryFiles');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of stream) {
      size += chunk.length;
      this.inflated += chunk.length;
      if (this.inflated > this.budgets.repositoryBytes) {
        this.stop(path, 'repositoryBytes');
        throw new ArchiveBudgetExceeded();
      }
      if (size > this.budgets.fileBytes) tooLarge = true;
      if (!tooLarge) chunks.push(Buffer.from(chunk));
    }
    if (tooLarge) {
      this.unread.push({ path, reason: `it is larger than ${overBudget('fileBytes', this.budgets.fileBytes)}` });
      return;
    }
    this.bytes += size;
    this.files.push({ path, text: Buffer.concat(chunks).toString('utf8') });
  }

  /** Reads past an entry that is not kept, counting what it inflates to. */
  async skip(path: string, stream: AsyncIterable<Uint8Array>): Promise<void> {
    for await (const chunk of stream) {
      this.inflated += chunk.length;
      if (this.inflated > this.budgets.repositoryBytes) {
        this.stop(path, 'repositoryBytes');
        throw new ArchiveBudgetExceeded();
      }
    }
  }

  private stop(path: string, budget: 'repositoryFiles' | 'repositoryBytes'): void {
    this.full = true;
    this.unread.push({
      path,
      reason: `the repository has more than ${overBudget(budget, this.budgets[budget])}: this file and those after it were not read`,
    });
  }
}

/** GitHub and GitLab archives put everything under one folder (repo-main/): paths read better without it. */
function withoutCommonFolder(files: ManifestFile[], unread: UnreadFile[]): UploadedRepository {
  const firsts = new Set([...files, ...unread].map((f) => f.path.split('/')[0]));
  const [only] = firsts;
  if (firsts.size !== 1 || only === undefined || [...files, ...unread].some((f) => !f.path.includes('/'))) {
    return { files, unread };
  }
  const strip = (p: string) => p.slice(only.length + 1);
  return {
    files: files.map((f) => ({ ...f, path: strip(f.path) })),
    unread: unread.map((u) => ({ ...u, path: strip(u.path) })),
  };
}

function corrupt(kind: string, error: unknown): AppError {
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('invalid-input', `The ${kind} archive could not be read (${detail}).`, 'repository');
}

async function readZip(data: Buffer, budgets: Budgets): Promise<UploadedRepository> {
  const collector = new Collector(budgets);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, z) =>
      err ? reject(corrupt('zip', err)) : resolve(z),
    ),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e) => reject(corrupt('zip', e)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        // Directories, symbolic links (the Unix mode in the high bits) and files that are not manifests are skipped.
        const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
        const path = entryPath(entry.fileName);
        if (collector.full || entry.fileName.endsWith('/') || mode === 0o120000 || path === undefined) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(corrupt('zip', err));
          collector
            .take(path, stream)
            .then(() => zip.readEntry())
            .catch((e: unknown) => {
              stream.destroy();
              if (e instanceof ArchiveBudgetExceeded) resolve();
              else reject(corrupt('zip', e));
            });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return withoutCommonFolder(collector.files, collector.unread);
}

async function readTarGz(data: Buffer, budgets: Budgets): Promise<UploadedRepository> {
  const collector = new Collector(budgets);
  const extract = tar.extract();
  const source = Readable.from([data]).pipe(createGunzip());
  source.on('error', (e) => extract.destroy(corrupt('tar.gz', e)));
  source.pipe(extract);
  try {
    for await (const entry of extract) {
      const path = entryPath(entry.header.name);
      const data = entry as AsyncIterable<Uint8Array>;
      if (entry.header.type !== 'file' || path === undefined || collector.full) {
        await collector.skip(entry.header.name, data);
      } else await collector.take(path, data);
    }
  } catch (error) {
    if (!(error instanceof ArchiveBudgetExceeded)) throw error instanceof AppError ? error : corrupt('tar.gz', error);
  } finally {
    source.destroy();
    extract.destroy();
  }
  return withoutCommonFolder(collector.files, collector.unread);
}

/**
 * Reads an uploaded repository, whole (the upload limit bounds it): a `.zip` or `.tar.gz` archive by its first
 * bytes, or else one YAML or JSON file of pasted manifests. Entries are filtered and counted against the
 * repository budgets as they are decompressed, so an archive that expands without end stops at the budget.
 */
export async function readUploadedRepository(
  name: string,
  chunks: AsyncIterable<Uint8Array>,
  options: { budgets: Budgets; maxBytes: number; setting: string },
): Promise<UploadedRepository> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > options.maxBytes) {
      throw new AppError(
        'too-large',
        `The upload is larger than the ${formatBytes(options.maxBytes)} this server accepts (${options.setting}).`,
      );
    }
    parts.push(Buffer.from(chunk));
  }
  const data = Buffer.concat(parts);
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04)
    return readZip(data, options.budgets);
  if (data[0] === 0x1f && data[1] === 0x8b) return readTarGz(data, options.budgets);
  if (data.length > options.budgets.fileBytes) {
    return {
      files: [],
      unread: [{ path: name, reason: `it is larger than ${overBudget('fileBytes', options.budgets.fileBytes)}` }],
    };
  }
  return { files: [{ path: name, text: data.toString('utf8') }], unread: [] };
}
