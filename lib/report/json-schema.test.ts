import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_FILE, reportJsonSchema } from './json-schema';

describe('reportJsonSchema', () => {
  it('matches the committed copy (run `npx tsx scripts/write-report-schema.ts` after changing the schema)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../..', REPORT_SCHEMA_FILE), 'utf8'),
    );
    expect(committed).toEqual(reportJsonSchema());
  });

  it('is a draft-07 schema with an id', () => {
    const schema = reportJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toMatch(/report-v2\.json$/);
  });
});
