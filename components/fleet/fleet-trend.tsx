import type { FleetPoint } from '@/lib/model/fleet';

const FILL = {
  breaking: 'fill-red-600 dark:fill-red-400',
  action: 'fill-amber-500 dark:fill-amber-300',
  info: 'fill-sky-500 dark:fill-sky-400',
} as const;

/**
 * Findings per saved report, oldest to newest, stacked by severity, drawn with SVG attributes only (strict CSP).
 * `compact` is the sparkline of a table row; the full chart has a caption and a list of the numbers beneath.
 */
export function FleetTrend({
  points,
  compact = false,
  label,
}: {
  points: FleetPoint[];
  compact?: boolean;
  label: string;
}) {
  if (points.length === 0)
    return compact ? <span className="text-slate-600 dark:text-slate-400">–</span> : <p>No saved reports yet.</p>;
  const totals = points.map((p) => p.counts.breaking + p.counts.action + p.counts.info);
  const max = Math.max(1, ...totals);
  const width = Math.max(points.length * 10, 40);
  const svg = (
    <svg
      role="img"
      aria-label={`${label}: ${totals.join(', ')} findings, oldest first`}
      viewBox={`0 0 ${width} 40`}
      preserveAspectRatio="none"
      className={compact ? 'h-6 w-24' : 'h-32 w-full'}
    >
      {points.map((p, i) => {
        let y = 40;
        return (['info', 'action', 'breaking'] as const).map((s) => {
          const h = (p.counts[s] / max) * 38;
          y -= h;
          return <rect key={`${p.reportId}-${s}`} x={i * 10 + 1} y={y} width={8} height={h} className={FILL[s]} />;
        });
      })}
    </svg>
  );
  if (compact) return svg;
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-semibold">
        Findings per scan, oldest first (breaking, action, info)
      </figcaption>
      {svg}
    </figure>
  );
}
