import type { UnitKind } from "#db/schema";

/** Which kinds may sit under which: the pre-2025 three tiers and the post-2025 two tiers. */
const ALLOWED_PARENTS: Record<UnitKind, (UnitKind | null)[]> = {
  /** The ministry (Bộ KH&CN) is the root above the provinces (decision 0018); a province may stand alone. */
  ministry: [null],
  province: [null, "ministry"],
  district: ["province"],
  commune: ["district", "province"],
  ward: ["district", "province"],
  township: ["district"],
  special_zone: ["province"],
  department: ["province", "district"],
};

export function parentAllowed(kind: UnitKind, parentKind: UnitKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/**
 * A root unit's depth. Depth counts from the provinces (0), as it did before the ministry was put above them
 * (decision 0018): the ministry is -1, and every indented list of units reads as it did.
 */
export function rootDepth(kind: UnitKind): number {
  return kind === "ministry" ? -1 : 0;
}

export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? "/"}${id}/`;
}

/** A unit exists on a calendar day (YYYY-MM-DD) when that day lies within its validity. */
export function validOn(unit: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || unit.validTo >= day);
}

export function validityOrdered(validFrom: string | null, validTo: string | null): boolean {
  return validFrom === null || validTo === null || validFrom <= validTo;
}

/** Lineage may not loop: a unit cannot (transitively) be formed from itself. */
export function lineageCreatesCycle(unitId: number, predecessorIds: number[], predecessorsOf: (id: number) => number[]): boolean {
  const seen = new Set<number>();
  const stack = [...predecessorIds];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === unitId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...predecessorsOf(id));
  }
  return false;
}

/**
 * A unit's name with its validity, for lists where an old and a new unit share a name (the 2025 mergers):
 * "Xã Tân Dương (đến 30/06/2025)", "Xã Tân Dương (từ 01/07/2025)". A unit without dates keeps its bare name.
 */
export function nameWithValidity(unit: { name: string; validFrom: string | null; validTo: string | null }): string {
  const d = (day: string) => day.split("-").reverse().join("/");
  if (unit.validTo) return `${unit.name} (${unit.validFrom ? `${d(unit.validFrom)} – ` : "đến "}${d(unit.validTo)})`;
  if (unit.validFrom) return `${unit.name} (từ ${d(unit.validFrom)})`;
  return unit.name;
}
