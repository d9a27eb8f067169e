import { createHash } from "node:crypto";
import type { Ctx } from "../context";
import { trailStamp } from "../read-cache.server";

/*
 * Public pages are read far more often than the records under them change, and anyone may ask for them: each is
 * computed once and kept in memory until something changes. "Something changed" = the audit trail grew (every
 * write appends a trail row in its own transaction, whoever writes: the app, a job, another process on the same
 * database) or the day turned (the page speaks as of a day). Checking costs one lookup of the trail's last id.
 * Each process keeps its own copy (several web processes each compute a page once).
 */

export type Cached<T> = { value: T; json: string; etag: string };

const MAX_ENTRIES = 500;
const entries = new Map<string, { stamp: string } & Cached<unknown>>();

/** A weak validator from the content: equal JSON, equal ETag (so two processes agree). */
export function weakEtag(json: string): string {
  return `W/"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
}

/** The value under `key`, computed by `compute` unless a copy made since the last change is at hand. */
export function cachedPublic<T>(ctx: Ctx, key: string, compute: () => T): Cached<T> {
  const stamp = trailStamp(ctx);
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) {
    // Most recently used last: the first key is the one to drop when full.
    entries.delete(key);
    entries.set(key, hit);
    return hit as Cached<T>;
  }
  const value = compute();
  const json = JSON.stringify(value);
  const entry = { stamp, value, json, etag: weakEtag(json) };
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry;
}

/** Forget everything (tests). */
export function clearPublicCache() {
  entries.clear();
}
