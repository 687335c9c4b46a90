import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './output';

const dir = mkdtempSync(path.join(os.tmpdir(), 'release-lens-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces a regular file whole', async () => {
    const file = path.join(dir, 'report.md');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new report');
    expect(readFileSync(file, 'utf8')).toBe('new report');
  });

  it('writes into a pipe (as for -o /dev/null or /dev/stdout) instead of replacing it with a file', async () => {
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const received = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => (text += String(chunk)))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await received).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
