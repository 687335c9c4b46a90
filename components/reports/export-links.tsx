const formats = [
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'sarif', label: 'SARIF' },
  { format: 'pr-comment', label: 'PR comment (cut to GitHub’s limit)' },
] as const;

/** Download links for every export format of a saved report. */
export function ExportLinks({ id }: { id: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Download:</span>
      {formats.map((f) => (
        <a
          key={f.format}
          href={`/api/reports/${id}/export?format=${f.format}`}
          download
          data-testid={`export-${f.format}`}
        >
          {f.label}
        </a>
      ))}
    </span>
  );
}
