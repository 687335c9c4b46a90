import type { FleetVerdict } from '../model/fleet';

/** How the fleet view and its exports name a verdict and an age: small, so the browser can have it. */
export const VERDICT_LABEL: Record<FleetVerdict, string> = {
  blocked: 'blocked',
  'ready-with-actions': 'ready, with actions',
  ready: 'ready',
  unknown: 'cannot tell',
  'no-report': 'no report yet',
};

/** An age as people say it: minutes, hours or days. */
export function ageText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}
