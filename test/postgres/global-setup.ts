/**
 * Vitest globalSetup of the `postgres` project: one real PostgreSQL server for the whole run, its URL handed to
 * tests as inject('postgresUrl'). Each test creates its own database on it (see databases.ts).
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './start-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server's `postgres` database. */
    postgresUrl: string;
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
