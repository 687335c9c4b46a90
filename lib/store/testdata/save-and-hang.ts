/**
 * Child process for the crash test: opens a store, starts saving a report and, inside the save transaction after
 * the insert, says so on stdout and blocks, so the parent can SIGKILL it mid-save.
 * Usage: node --conditions=react-server --import tsx save-and-hang.ts sqlite <file> | postgres <url>
 */
import { writeSync } from 'node:fs';
import { makeLargeReport } from '../../report/test-fixtures';
import { openPostgresStore } from '../postgres';
import { openSqliteStore } from '../sqlite';

const [kind, location = ''] = process.argv.slice(2);

function hang(): void {
  writeSync(1, 'inside-transaction\n');
  // Block the whole process (no event loop turn can commit) until the parent kills it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

const options = { maxReportBytes: 64 * 1024 * 1024, insideSaveTransaction: hang };
const store =
  kind === 'sqlite'
    ? openSqliteStore({ ...options, path: location })
    : await openPostgresStore({ ...options, connectionString: location });
await store.save(makeLargeReport(2000), { redact: false });
writeSync(1, 'saved: the parent should have killed this process\n');
process.exit(3);
