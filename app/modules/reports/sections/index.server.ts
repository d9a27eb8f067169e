import type { Section, SectionId, UnitSections } from "#templates/types";
import type { Ctx } from "../../context";
import type { AsOf } from "../../history/as-of.server";
import type { Period } from "../periods";
import { findingsSection } from "./findings.server";
import { acknowledgementsSection, correctiveActionsSection, cycleSection, documentsSection, objectivesSection, obligationsSection } from "./records.server";
import type { SectionProvider, UnitGroup } from "./types";

/**
 * The registered section providers. A section without a provider (or without data for a unit) prints
 * "Chưa có dữ liệu" in the report: never a made-up figure.
 */
export const SECTION_PROVIDERS: SectionProvider[] = [
  findingsSection,
  documentsSection,
  cycleSection,
  correctiveActionsSection,
  acknowledgementsSection,
  obligationsSection,
  objectivesSection,
] as unknown as SectionProvider[];

export const ALL_SECTIONS: SectionId[] = ["obligations", "documents", "cycle", "findings", "correctiveActions", "acknowledgements", "objectives"];

/** A section without a provider: its data source is not in the product (yet). */
export const MISSING_REASON = "nguồn số liệu chưa được kết nối";

const isMissing = (x: unknown): x is { missing: string } => typeof x === "object" && x !== null && "missing" in x;

/** Every section for every group: from its provider when registered, otherwise "missing" with the provider's reason. */
export function loadSections(
  ctx: Ctx,
  groups: UnitGroup[],
  period: Period,
  asOf: AsOf,
  providers: SectionProvider[] = SECTION_PROVIDERS,
): Map<number, UnitSections> {
  const answers = new Map<SectionId, Map<number, unknown>>();
  for (const p of providers) answers.set(p.id, p.load(ctx, groups, period, asOf) as Map<number, unknown>);
  const out = new Map<number, UnitSections>();
  for (const g of groups) {
    const s = {} as Record<SectionId, Section<unknown>>;
    for (const id of ALL_SECTIONS) {
      const got = answers.get(id)?.get(g.key);
      s[id] =
        got === undefined
          ? { status: "missing", reason: MISSING_REASON }
          : isMissing(got)
            ? { status: "missing", reason: got.missing }
            : { status: "ok", data: got };
    }
    out.set(g.key, s as UnitSections);
  }
  return out;
}

export type { SectionProvider, UnitGroup };
