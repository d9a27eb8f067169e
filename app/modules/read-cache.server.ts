import { prepared } from "#db/client";
import type { Ctx } from "./context";

/*
 * What a signed-in page reads on every request but changes only with a write (the dashboard's totals and charts, the
 * compliance grid, a list's first page and its unit filter): computed once per reader's scope and day, and kept in
 * this process until something changes (issue 19). "Something changed" = the audit trail grew: every write appends its
 * trail row in its own transaction, whoever writes (the app, a job, another web worker or process on the same
 * database), so a write committed anywhere is seen at the next read, with no invalidation to forget. The day is part
 * of the stamp (overdue is a matter of the day). Checking costs one lookup of the trail's last id (its rowid).
 *
 * The key must name everything the value depends on besides the records and the day: the reader's scope (or unit),
 * the filter, the language. Only for values read from records written through `write(ctx, …)` + `recordTrail`: a
 * report's progress, a session or a notification's read mark change without a trail row and must not be cached here.
 */

// (a kept list or dashboard is tens of KB; a scope, a few bytes: 1,000 entries stay within a few tens of MB)
const MAX_ENTRIES = 1000;
const entries = new Map<string, { stamp: string; value: unknown }>();

/** What a kept copy was made from: the database, the day and the trail's last row (also the public pages' cache). */
export function trailStamp(ctx: Pick<Ctx, "db" | "today">): string {
  const last = prepared(ctx.db, "SELECT max(id) AS id FROM trail").get() as { id: number | null } | undefined;
  // The database file too: tests open several databases in one process.
  return `${ctx.db.$client.name}#${ctx.today}#${last?.id ?? 0}`;
}

/** The reader's scope as part of a key: the same prefixes read the same records. */
export function scopeKey(ctx: Ctx): string {
  return ctx.scope.prefixes.join(",");
}

/**
 * The value under `key`, computed by `compute` unless a copy made since the last write is at hand. The stamp is taken
 * before computing: a write committed meanwhile makes the copy older than the next stamp, never newer. `alsoStamp`:
 * a cheap reading of what else the value depends on that changes without a trail row (a report's progress).
 */
export function cachedRead<T>(ctx: Pick<Ctx, "db" | "today">, key: string, compute: () => T, alsoStamp?: () => string): T {
  const stamp = alsoStamp ? `${trailStamp(ctx)}#${alsoStamp()}` : trailStamp(ctx);
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) {
    // Most recently used last: the first key is the one to drop when full.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = share(compute());
  entries.delete(key);
  entries.set(key, { stamp, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/*
 * A kept value is shared by every request that reads it until the next write, so no one may change it. It gets an
 * identity number (it and the objects it holds directly: a list's rows, a dashboard's charts) that stands for its
 * content where a page's data is keyed (app/http/html-cache.server.ts): a new copy after a write is a new number,
 * so a kept value is never hashed again on every request. Under test the values are frozen, so that code changing
 * one fails there rather than serving a page from before the change.
 */
const ids = new WeakMap<object, number>();
let lastId = 0;
const freeze = process.env.NODE_ENV === "test";

function share<T>(value: T): T {
  if (!value || typeof value !== "object") return value;
  ids.set(value, ++lastId);
  for (const member of Object.values(value)) if (member && typeof member === "object" && !ids.has(member)) ids.set(member, ++lastId);
  if (freeze) deepFreeze(value);
  return value;
}

function deepFreeze(v: unknown) {
  if (!v || typeof v !== "object" || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const member of v instanceof Map || v instanceof Set ? [...v.values()] : Object.values(v)) deepFreeze(member);
}

/** The identity of a kept value or of an object it holds directly; undefined for anything else. */
export function keptIdOf(value: object): number | undefined {
  return ids.get(value);
}

/**
 * A view of a kept value (the columns of a list that a page sends), made once per kept copy and kept as part of it,
 * so that it is kept as well. `name` tells apart the views of one value.
 */
export function viewOf<T extends object, V>(value: T, name: string, make: (value: T) => V): V {
  if (!ids.has(value)) return make(value);
  let mine = views.get(value);
  if (!mine) views.set(value, (mine = new Map()));
  if (!mine.has(name)) mine.set(name, share(make(value)));
  return mine.get(name) as V;
}
const views = new WeakMap<object, Map<string, unknown>>();

/** Forget everything (tests). */
export function clearReadCache() {
  entries.clear();
}
