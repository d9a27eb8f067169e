import { inArray } from "drizzle-orm";
import type { DB } from "#db/client";
import { units } from "#db/schema";
import { compareVi } from "~/lib/locale";

type TreeRow = { id: number; path: string; name: string };

/**
 * Units in tree order: every unit right after its parent, siblings by name in Vietnamese order (Đ after D). A
 * materialised path sorts by id as text ("/1/10/" before "/1/3/"), which is neither. Ancestors that are not in
 * `rows` (above the reader's scope) are looked up once, for their names.
 */
export function inTreeOrder<T extends TreeRow>(db: DB, rows: T[]): T[] {
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const segments = new Map(rows.map((r) => [r, r.path.split("/").filter(Boolean).map(Number)]));
  const missing = [...new Set([...segments.values()].flat())].filter((id) => !names.has(id));
  for (let i = 0; i < missing.length; i += 500) {
    for (const u of db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.id, missing.slice(i, i + 500)))
      .all())
      names.set(u.id, u.name);
  }
  // Each unit's rank among its siblings, by name: then comparing two units is comparing two lists of numbers.
  const siblings = new Map<number, Set<number>>();
  for (const seg of segments.values()) seg.forEach((id, i) => addSibling(siblings, i ? seg[i - 1]! : 0, id));
  const rank = new Map<number, number>();
  for (const ids of siblings.values()) [...ids].sort((a, b) => compareVi(names.get(a) ?? "", names.get(b) ?? "") || a - b).forEach((id, i) => rank.set(id, i));
  const keys = new Map([...segments].map(([r, seg]) => [r, seg.map((id) => rank.get(id)!)]));
  return [...rows].sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  });
}

function addSibling(siblings: Map<number, Set<number>>, parent: number, id: number) {
  let set = siblings.get(parent);
  if (!set) siblings.set(parent, (set = new Set()));
  set.add(id);
}
