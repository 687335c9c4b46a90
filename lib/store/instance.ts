import 'server-only';
import { openStore } from './index';
import type { ReportStore } from './types';

let store: Promise<ReportStore> | undefined;

/** The process-wide report store, opened (and migrated) on first use. A failed open is retried next time. */
export function getStore(): Promise<ReportStore> {
  store ??= openStore().catch((error: unknown) => {
    store = undefined;
    throw error;
  });
  return store;
}
