import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The CLI as users run it: the bundle built by npm run build (dist/cli.mjs and its chunks), started as a process
 * from another directory. Unit tests drive cli/ in process; this catches what only the bundle can break, such as
 * a chunk that no longer finds the catalog.
 */
const bin = path.join(import.meta.dirname, '..', 'bin', 'release-lens.mjs');
const fixture = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'repository');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    env: { ...process.env, RELEASE_LENS_HELM: 'off', RELEASE_LENS_KUBECTL: 'off', RELEASE_LENS_KUSTOMIZE: 'off' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test.describe('the packaged CLI', () => {
  test('prints its version and the catalog from any directory', () => {
    expect(cli(['--version']).stdout).toMatch(/^release-lens \d+\.\d+\.\d+/);
    const changes = cli(['changes', '--release', '1.25']);
    expect(changes.code).toBe(0);
    expect(changes.stdout).toContain('psp-removal');
  });

  test('scans the demo cluster and a repository, exiting by the worst finding', () => {
    const demo = cli(['scan', '--demo', '-f', 'json', '-q']);
    expect(demo.code, demo.stderr).toBe(1);
    expect((JSON.parse(demo.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(10);
    const files = cli(['scan', '--files', path.join(fixture, 'deploy'), '-f', 'csv', '-q']);
    expect(files.code, files.stderr).toBe(1);
    expect(files.stdout).toContain('pdb-v1beta1-removal');
  });
});
