/** Schedules of registered clusters: a period length, and the period a moment falls in. */

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The shortest period a schedule may have: a scan of a large cluster takes about that long. */
export const MIN_PERIOD_MS = 10_000;
/** The longest: a week. */
export const MAX_PERIOD_MS = 7 * UNIT_MS.d;

/** Milliseconds of a duration such as `30s`, `15m`, `6h` or `1d`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,6})\s*([smhd])$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** A duration as people write it: the largest unit that divides it. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${Math.round(ms / 1000)}s`;
}

/**
 * The start of the period `now` falls in. Periods are aligned to the Unix epoch, so every replica computes the
 * same one without talking to the others; the period is what makes a due scan unique.
 */
export function periodStart(now: number, everyMs: number): number {
  return Math.floor(now / everyMs) * everyMs;
}
