import 'server-only';
import { cache } from 'react';
import { getStore } from './instance';
import type { StoredReport } from '../model/saved-report';

/** One saved report, read once per request however many components ask for it. */
export const readReport = cache(async (id: string): Promise<StoredReport | undefined> => (await getStore()).get(id));
