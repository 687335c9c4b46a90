import { severityCounts } from '@/lib/report/group';
import type { Report } from '@/lib/model/report';
import { SeverityBadge } from '../ui/badge';
import { Card } from '../ui/card';

/** The head of an impact report: which cluster, when, against which target, and the counts. */
export function ImpactSummary({ report }: { report: Report }) {
  const counts = severityCounts(report.findings);
  const affected = report.changes.filter((c) => c.status === 'affected').length;
  const c = report.cluster;
  return (
    <Card className="grid gap-4 md:grid-cols-[2fr_1fr]">
      <div>
        <h2 className="text-lg font-semibold" data-testid="cluster-label">
          {c.source.label}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">Kubernetes</dt>
          <dd>
            {c.serverVersion ?? 'unknown'} → target {report.target}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">Releases checked</dt>
          <dd>{c.releasesInScope.length > 0 ? c.releasesInScope.join(', ') : 'none (already at the target)'}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Platform</dt>
          <dd>
            {c.provider}
            {c.policyEngines.length > 0 ? `, policy engines: ${c.policyEngines.join(', ')}` : ''}
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">Objects</dt>
          <dd>
            {c.nodes} nodes, {c.namespaces} namespaces, {c.workloads} controllers, {c.pods} pods
          </dd>
          <dt className="text-slate-600 dark:text-slate-400">Scanned</dt>
          <dd>
            <time dateTime={report.generatedAt}>{report.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>
          </dd>
        </dl>
      </div>
      <div className="flex flex-col gap-2" data-testid="severity-counts">
        <p className="text-sm">
          <span className="font-medium">Changes that affect this cluster:</span>{' '}
          <span className="tabular-nums" data-testid="count-changes">
            {affected} of {report.changes.length} in scope
          </span>
        </p>
        <p className="text-sm font-medium">Findings by severity (one per object and change)</p>
        {(['breaking', 'action', 'info'] as const).map((s) => (
          <div key={s} className="flex items-center justify-between gap-2">
            <SeverityBadge severity={s} />
            <span className="tabular-nums" data-testid={`count-${s}`}>
              {counts[s]} finding{counts[s] === 1 ? '' : 's'}
            </span>
          </div>
        ))}
      </div>
    </Card>
  );
}
