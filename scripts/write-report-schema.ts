/**
 * Writes the report JSON Schema generated from lib/report/schema.ts to public/schema/report-v<N>.json.
 * Run after changing the report schema: npx tsx scripts/write-report-schema.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { REPORT_SCHEMA_FILE, reportJsonSchema } from '../lib/report/json-schema';

const file = path.join(import.meta.dirname, '..', REPORT_SCHEMA_FILE);
const options = (await resolveConfig(file)) ?? {};
const text = await format(JSON.stringify(reportJsonSchema()), { ...options, filepath: file });
writeFileSync(file, text);
console.log(`wrote ${REPORT_SCHEMA_FILE}`);
