import { config } from "./config.server";

let offset: number | undefined;

/**
 * The app's clock: the system clock, or (ISOXA_NOW set) a clock that started at that instant when the process
 * started and runs on from there. Everything that needs "now" outside a ctx reads it here, never `new Date()`.
 */
export function now(): Date {
  if (offset === undefined) {
    const start = config().clockStart;
    const at = start ? Date.parse(start) : NaN;
    if (start && !Number.isFinite(at)) throw new Error(`ISOXA_NOW is not an ISO instant: ${start}`);
    offset = start ? at - Date.now() : 0;
  }
  return new Date(Date.now() + offset);
}
