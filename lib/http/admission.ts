import { AppError } from '../errors';

/** A place taken in an admission; leaving twice is harmless. */
export interface Ticket {
  leave(): void;
}

/** How many of one kind of heavy request may run at once on this instance. */
export interface Admission {
  /** A ticket, or undefined when all places are taken. */
  enter(): Ticket | undefined;
  readonly active: number;
}

/** An admission with `limit()` places (read on each entry, so a test or a setting can change it). */
export function admission(limit: () => number): Admission {
  let active = 0;
  return {
    enter() {
      if (active >= limit()) return undefined;
      active += 1;
      let left = false;
      return {
        leave() {
          if (left) return;
          left = true;
          active -= 1;
        },
      };
    },
    get active() {
      return active;
    },
  };
}

/** Seconds a refused client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/** The 429 error for a full admission, naming the limit and its setting. */
export function busy(what: string, limit: number, setting: string): AppError {
  return new AppError(
    'busy',
    `This server is already running ${limit} ${what}, its limit (${setting}). Try again in a few seconds.`,
  );
}
