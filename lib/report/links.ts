import { REPORT_SCHEMA_VERSION } from '../model/report';
/**
 * Public addresses of the project that documents point at. Change them here if the project moves.
 */

/** Where people learn about Release Lens (SARIF `informationUri`). */
export const PROJECT_URL = 'https://github.com/release-lens/release-lens';

/** Where the report JSON Schema is published: the copy committed at public/schema/report-v<version>.json. */
export const REPORT_SCHEMA_URL = `https://raw.githubusercontent.com/release-lens/release-lens/main/public/schema/report-v${REPORT_SCHEMA_VERSION}.json`;
