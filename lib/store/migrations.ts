import { AppError } from '../errors';

/** One numbered step of a store's database schema. Applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations still to apply, given the versions a database has; refuses a database from a newer app. */
export function pendingMigrations(all: readonly Migration[], applied: readonly number[]): Migration[] {
  const known = Math.max(0, ...all.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    throw new AppError(
      'internal',
      `The report database is at schema version ${newest}, newer than this app knows (${known}). ` +
        'Upgrade Release Lens, or point it at another database.',
    );
  }
  const done = new Set(applied);
  return all.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
}
