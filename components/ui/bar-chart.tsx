export interface Bar {
  label: string;
  value: number;
  href?: string;
}

/**
 * A horizontal bar chart drawn with SVG attributes (no inline styles, so it works under a strict CSP). The numbers
 * are in the markup as text, so the chart reads as a list for screen readers too.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">{title}</figcaption>
      <ul className="space-y-1.5">
        {bars.map((bar) => (
          <li key={bar.label} className="grid grid-cols-[9rem_1fr_2.5rem] items-center gap-2 text-sm">
            <span className="truncate" title={bar.label}>
              {bar.href ? <a href={bar.href}>{bar.label}</a> : bar.label}
            </span>
            <svg aria-hidden="true" className="h-3 w-full" viewBox="0 0 100 10" preserveAspectRatio="none">
              <rect x="0" y="0" width="100" height="10" className="fill-slate-100 dark:fill-slate-800" />
              <rect
                x="0"
                y="0"
                width={(bar.value / max) * 100}
                height="10"
                className="fill-sky-600 dark:fill-sky-400"
              />
            </svg>
            <span className="text-right tabular-nums">{bar.value}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
