import type { Catalog } from '../../catalog/load';
import type { Report } from '../../model/report';
import type { Exporter } from './shared';
import { exportCsv } from './csv';
import { exportJson } from './json';
import { exportMarkdown, exportPrComment } from './markdown';
import { exportSarif } from './sarif';

/** The export formats, as the CLI's --format and the download links name them. */
export const EXPORT_FORMATS = ['md', 'json', 'csv', 'sarif', 'pr-comment'] as const;
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
  'pr-comment': { render: exportPrComment, contentType: 'text/markdown; charset=utf-8', extension: 'comment.md' },
};

/** A file name for an export: release-lens-<cluster>-<scan date>.<ext>, safe in a Content-Disposition header. */
export function exportFileName(report: Report, extension: string): string {
  const cluster = report.cluster.source.label
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const date = report.generatedAt.slice(0, 10);
  return `release-lens-${cluster || 'cluster'}-${date}.${extension}`;
}

/** Renders a report in one format. */
export function exportReport(format: ExportFormat, report: Report, catalog: Catalog): string {
  return EXPORTS[format].render(report, catalog);
}

export { exportCsv, exportJson, exportMarkdown, exportPrComment, exportSarif };
