import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors';
import { DEFAULT_BUDGETS } from '../../lib/model/budgets';
import { entryPath, readUploadedRepository } from '../../lib/sources/files/archive';
import { FIXTURE_REPOSITORY } from './tools';

const dir = mkdtempSync(path.join(os.tmpdir(), 'release-lens-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { budgets: DEFAULT_BUDGETS, maxBytes: 64 * 1024 * 1024, setting: 'RELEASE_LENS_MAX_SNAPSHOT_BYTES' };
const once = (data: Buffer) =>
  (async function* () {
    yield await Promise.resolve(new Uint8Array(data));
  })();

/** The fixture repository as GitHub would hand it out: everything under one folder. */
function archive(kind: 'zip' | 'tgz'): Buffer {
  const staging = path.join(dir, `staging-${kind}`);
  mkdirSync(staging);
  execFileSync('cp', ['-r', FIXTURE_REPOSITORY, path.join(staging, 'shop-main')]);
  const out = path.join(dir, `repo.${kind}`);
  if (kind === 'zip') execFileSync('zip', ['-q', '-r', '-y', out, 'shop-main'], { cwd: staging });
  else execFileSync('tar', ['-czf', out, 'shop-main'], { cwd: staging });
  return readFileSync(out);
}

describe('entryPath', () => {
  it('keeps repository files and refuses what leaves the archive or is not a manifest', () => {
    expect(entryPath('shop-main/deploy/web.yaml')).toBe('shop-main/deploy/web.yaml');
    expect(entryPath('./charts/x/templates/_helpers.tpl')).toBe('charts/x/templates/_helpers.tpl');
    expect(entryPath('../evil.yaml')).toBeUndefined();
    expect(entryPath('/etc/kubernetes/admin.yaml')).toBeUndefined();
    expect(entryPath('C:\\deploy\\web.yaml')).toBeUndefined();
    expect(entryPath('repo/.github/workflows/ci.yaml')).toBeUndefined();
    expect(entryPath('repo/node_modules/x/package.json')).toBeUndefined();
    expect(entryPath('repo/README.md')).toBeUndefined();
  });
});

describe('readUploadedRepository', () => {
  for (const kind of ['zip', 'tgz'] as const) {
    it(`reads a ${kind} of a repository with the paths the repository uses`, async () => {
      const repo = await readUploadedRepository(`shop.${kind}`, once(archive(kind)), options);
      const paths = repo.files.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['deploy/web.yaml', 'charts/shop/templates/_helpers.tpl']));
      expect(paths.some((p) => p.startsWith('.') || p.startsWith('shop-main'))).toBe(false);
      expect(repo.unread).toEqual([]);
    });
  }

  it('does not follow symbolic links stored in a zip', async () => {
    const tree = path.join(dir, 'links');
    mkdirSync(path.join(tree, 'repo'), { recursive: true });
    writeFileSync(path.join(tree, 'repo', 'real.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n');
    symlinkSync('/etc/hostname', path.join(tree, 'repo', 'link.yaml'));
    execFileSync('zip', ['-q', '-r', '-y', path.join(tree, 'links.zip'), 'repo'], { cwd: tree });
    const repo = await readUploadedRepository('links.zip', once(readFileSync(path.join(tree, 'links.zip'))), options);
    expect(repo.files.map((f) => f.path)).toEqual(['real.yaml']);
  });

  it('stops an entry that expands past the file budget, whatever its header says, and goes on', async () => {
    const tree = path.join(dir, 'bomb');
    mkdirSync(path.join(tree, 'repo'), { recursive: true });
    writeFileSync(path.join(tree, 'repo', 'big.yaml'), Buffer.alloc(8 * 1024 * 1024, 0x20));
    writeFileSync(path.join(tree, 'repo', 'small.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\n');
    execFileSync('zip', ['-q', '-r', '-9', path.join(tree, 'bomb.zip'), 'repo'], { cwd: tree });
    const data = readFileSync(path.join(tree, 'bomb.zip'));
    expect(data.length).toBeLessThan(100_000);
    const repo = await readUploadedRepository('bomb.zip', once(data), {
      ...options,
      budgets: { ...DEFAULT_BUDGETS, fileBytes: 1024 * 1024 },
    });
    expect(repo.files.map((f) => f.path)).toEqual(['small.yaml']);
    expect(repo.unread).toEqual([
      { path: 'big.yaml', reason: 'it is larger than 1 MiB (RELEASE_LENS_MAX_FILE_BYTES)' },
    ]);
  });

  it('stops reading an archive once it has inflated past the repository budget, files it skips included', async () => {
    const tree = path.join(dir, 'total');
    mkdirSync(path.join(tree, 'repo'), { recursive: true });
    const manifest =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata:\n  x: "' + 'y'.repeat(600 * 1024) + '"\n';
    for (const name of ['a.yaml', 'b.yaml', 'c.yaml']) writeFileSync(path.join(tree, 'repo', name), manifest);
    writeFileSync(path.join(tree, 'repo', 'README.md'), Buffer.alloc(3 * 1024 * 1024, 0x20));
    execFileSync(
      'tar',
      ['-czf', path.join(tree, 'total.tgz'), 'repo/README.md', 'repo/a.yaml', 'repo/b.yaml', 'repo/c.yaml'],
      { cwd: tree },
    );
    const budgets = { ...DEFAULT_BUDGETS, repositoryBytes: 4 * 1024 * 1024 };
    const repo = await readUploadedRepository('total.tgz', once(readFileSync(path.join(tree, 'total.tgz'))), {
      ...options,
      budgets,
    });
    // The README is not kept, but its 3 MiB count: a and b fit in the rest, c does not.
    expect(repo.files.map((f) => f.path)).toEqual(['a.yaml']);
    expect(repo.unread).toEqual([
      {
        path: 'b.yaml',
        reason:
          'the repository has more than 4 MiB (RELEASE_LENS_MAX_REPOSITORY_BYTES): this file and those after it were not read',
      },
    ]);
  });

  it('takes anything else as one file of pasted manifests, and refuses a broken archive or an oversized upload', async () => {
    const pasted = await readUploadedRepository(
      'pasted.yaml',
      once(Buffer.from('apiVersion: v1\nkind: List\n')),
      options,
    );
    expect(pasted.files).toEqual([{ path: 'pasted.yaml', text: 'apiVersion: v1\nkind: List\n' }]);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    await expect(readUploadedRepository('x.zip', once(broken), options)).rejects.toBeInstanceOf(AppError);
    await expect(
      readUploadedRepository('x.tgz', once(Buffer.from([0x1f, 0x8b, 1, 2, 3])), options),
    ).rejects.toMatchObject({
      kind: 'invalid-input',
    });
    await expect(
      readUploadedRepository('x.yaml', once(Buffer.alloc(2048)), { ...options, maxBytes: 1024 }),
    ).rejects.toMatchObject({ kind: 'too-large' });
  });
});
