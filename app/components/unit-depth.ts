/**
 * How far a unit's option is indented in a list of units: its depth, counted from the provinces (0). The ministry above
 * them (decision 0018) has depth -1 and sits flush left with them.
 */
export function withIndent<T extends { depth?: number }>(units: readonly T[]): (T & { indent: number })[] {
  return units.map((u) => ({ ...u, indent: Math.max(0, u.depth ?? 0) }));
}
