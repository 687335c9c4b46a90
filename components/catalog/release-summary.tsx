import type { StageReconciliation } from '@/lib/catalog/reconcile';
import type { ReleaseStats } from '@/lib/catalog/stats';
import type { ReleaseInfo } from '@/lib/catalog/schema';
import { BarChart } from '../ui/bar-chart';
import { Card } from '../ui/card';
import { OfficialTotals } from './official-totals';

/** One release at a glance: name, date, totals and charts per stage and per SIG. */
export function ReleaseSummary({
  info,
  stats,
  reconciliation,
}: {
  info: ReleaseInfo;
  stats: ReleaseStats;
  reconciliation: StageReconciliation[];
}) {
  const date = new Date(`${info.date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (
    <Card className="space-y-5">
      <header>
        <h2 className="text-xl font-bold">
          Kubernetes {info.version}{' '}
          <span className="font-normal text-slate-600 dark:text-slate-400">“{info.name}”</span>
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Released {date} · <a href={info.announcement}>announcement</a> ·{' '}
          <a href={`/changes?release=${info.version}`}>{stats.total} changes</a>, {stats.breaking} breaking
        </p>
      </header>
      <details className="text-sm" data-testid="official-totals">
        <summary className="cursor-pointer text-slate-700 dark:text-slate-300">
          The announcement counts {info.official.total} enhancements; this catalog tracks {stats.keps} KEPs. Why the
          numbers differ
        </summary>
        <div className="mt-2 space-y-2">
          <OfficialTotals rows={reconciliation} total={info.official.total} catalogued={stats.keps} />
          <p className="text-xs leading-relaxed text-slate-600 dark:text-slate-400">{info.countNote}</p>
        </div>
      </details>
      <BarChart
        title="Changes per stage"
        bars={stats.byStage.map((s) => ({
          label: s.stage,
          value: s.count,
          href: `/changes?release=${info.version}&stage=${s.stage}`,
        }))}
      />
      <BarChart
        title="Changes per SIG"
        bars={stats.bySig.map((s) => ({
          label: s.sig,
          value: s.count,
          href: `/changes?release=${info.version}&sig=${s.sig}`,
        }))}
      />
    </Card>
  );
}
