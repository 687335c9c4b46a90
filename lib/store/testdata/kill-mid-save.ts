import { spawn } from 'node:child_process';
import path from 'node:path';

const CHILD = path.join(import.meta.dirname, 'save-and-hang.ts');
const ROOT = path.join(import.meta.dirname, '../../..');

/**
 * Runs save-and-hang.ts with `args` and SIGKILLs it once it is inside the save transaction. Resolves when the child
 * died that way; rejects if it exited any other way (it could not open the store, or the save completed).
 */
export function killMidSave(args: readonly string[]): Promise<void> {
  // react-server: the store modules start with `import 'server-only'`, which throws under plain Node conditions.
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('inside-transaction')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && stdout.includes('inside-transaction')) resolve();
      else
        reject(
          new Error(`save-and-hang exited with ${signal ?? code} before being killed mid-save:\n${stdout}${stderr}`),
        );
    });
  });
}
