/** Sign-in throttling, as pure rules over counts and times (ms). */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60 * 1000;
export const IP_WINDOW_MS = 15 * 60 * 1000;
export const IP_MAX_FAILURES = 30;

/** Delay before answering a failed attempt: nothing for the first two, then 0.5 s, 1 s, 2 s… capped at 4 s. */
export function failureDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures <= 2) return 0;
  return Math.min(4000, 500 * 2 ** (consecutiveFailures - 3));
}

export function isLocked(lockedUntil: number | null, now: number): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

export function lockAfter(failures: number, now: number): number | null {
  return failures >= LOCK_AFTER_FAILURES ? now + LOCK_MS : null;
}
