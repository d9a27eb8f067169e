import type { SectionId, UnitSections } from "#templates/types";
import type { Ctx } from "../../context";
import type { Period } from "../periods";

/** The data of one section when it is available. */
export type SectionPayload<K extends SectionId> = Extract<UnitSections[K], { status: "ok" }>["data"];

/**
 * A set of units whose figures are reported together: one unit for a unit report or a summary line, a whole
 * subtree for an area's annual report. `key` identifies the group in the provider's answer.
 */
export type UnitGroup = { key: number; unitIds: number[] };

/**
 * A section's data source. Providers read; they never write, never read the clock (the period is given, and
 * neither `ctx.now` nor `ctx.today` is used), and answer one payload per group (batch: an area summary asks for
 * hundreds of units at once). The ctx reads everywhere; a provider narrows it to the groups' units.
 */
export type SectionProvider<K extends SectionId = SectionId> = {
  id: K;
  load(ctx: Ctx, groups: UnitGroup[], period: Period): Map<number, SectionPayload<K>>;
};
