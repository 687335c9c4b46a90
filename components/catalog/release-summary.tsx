import type { ReleaseStats } from '@/lib/catalog/stats';
import type { ReleaseInfo } from '@/lib/catalog/schema';
import { BarChart } from '../ui/bar-chart';
import { Card } from '../ui/card';

function OfficialTotals({ info, stats }: { info: ReleaseInfo; stats: ReleaseStats }) {
  const o = info.official;
  const ours = (...stages: string[]) =>
    stats.kepsByStage.filter((s) => stages.includes(s.stage)).reduce((sum, s) => sum + s.count, 0);
  const rows: [string, number | undefined, number][] = [
    ['Stable', o.stable, ours('stable')],
    ['Beta', o.beta, ours('beta')],
    ['Alpha', o.alpha, ours('alpha')],
  ];
  if (o.deprecated !== undefined) rows.push(['Deprecated', o.deprecated, ours('deprecated')]);
  if (o.removed !== undefined) rows.push(['Removed', o.removed, ours('removed')]);
  if (o.deprecatedOrRemoved !== undefined) {
    rows.push(['Deprecated or removed', o.deprecatedOrRemoved, ours('deprecated', 'removed')]);
  }
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-sm font-semibold text-slate-700 dark:text-slate-300">
        Announced enhancements beside the KEPs in our catalog
      </caption>
      <thead>
        <tr className="text-left text-slate-600 dark:text-slate-400">
          <th scope="col" className="py-1 font-medium">
            Stage
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Announced
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            In catalog
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map(([label, official, count]) => (
          <tr key={label} className="border-t border-slate-100 dark:border-slate-800">
            <th scope="row" className="py-1 text-left font-normal">
              {label}
            </th>
            <td className="py-1 text-right">{official}</td>
            <td className="py-1 text-right">{count}</td>
          </tr>
        ))}
        <tr className="border-t border-slate-200 font-semibold dark:border-slate-700">
          <th scope="row" className="py-1 text-left">
            Total
          </th>
          <td className="py-1 text-right">{o.total}</td>
          <td className="py-1 text-right">{stats.keps}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** One release at a glance: name, date, totals and charts per stage and per SIG. */
export function ReleaseSummary({ info, stats }: { info: ReleaseInfo; stats: ReleaseStats }) {
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
      <OfficialTotals info={info} stats={stats} />
      <p className="text-xs leading-relaxed text-slate-600 dark:text-slate-400">{info.countNote}</p>
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
