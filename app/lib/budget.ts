/**
 * A time budget for work that must stop when it takes too long (reading a hostile file): elapsed time on the
 * monotonic clock (`performance.now()`), never a date. Neither the wall clock nor the app's clock (ISOXA_NOW) moves
 * it, and a test gives the same answer on any day: it passes a budget of its own (`SPENT`, or a clock it steps).
 */
export type Budget = { exceeded(): boolean };

export function timeBudget(ms: number, elapsedMs: () => number = () => performance.now()): Budget {
  const end = elapsedMs() + ms;
  return { exceeded: () => elapsedMs() > end };
}

/** A budget already spent: the next check stops the work. */
export const SPENT: Budget = { exceeded: () => true };
