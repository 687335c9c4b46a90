import type { Catalog } from '../../catalog/load';
import type { Report } from '../../model/report';
import type { Exporter } from './shared';
import { exportCsv } from './csv';
import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import { exportSarif } from './sarif';

/** The export formats, as the CLI's --format and the download links name them. */
export const EXPORT_FORMATS = ['md', 'json', 'csv', 'sarif'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface FormatInfo {
  render: Exporter;
  contentType: string;
  extension: string;
}

/** How each format is rendered, served and named. */
export const EXPORTS: Record<ExportFormat, FormatInfo> = {
  md: { render: exportMarkdown, contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  json: { render: exportJson, contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { render: exportCsv, contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  sarif: { render: exportSarif, contentType: 'application/sarif+json; charset=utf-8', extension: 'sarif' },
};

/** Renders a report in one format. */
export function exportReport(format: ExportFormat, report: Report, catalog: Catalog): string {
  return EXPORTS[format].render(report, catalog);
}

export { exportCsv, exportJson, exportMarkdown, exportSarif };
