import type { SectionId, UnitSections } from "#templates/types";
import type { Ctx } from "../../context";
import type { AsOf } from "../../history/as-of.server";
import type { Period } from "../periods";

/** The data of one section when it is available. */
export type SectionPayload<K extends SectionId> = Extract<UnitSections[K], { status: "ok" }>["data"];

/**
 * A set of units whose figures are reported together: one unit for a unit report or a summary line, a whole
 * subtree for an area's annual report. `key` identifies the group in the provider's answer.
 */
export type UnitGroup = { key: number; unitIds: number[] };

/**
 * A section's data source. Providers read; they never write, never read the clock (the period and the moment the
 * figures are taken at, `asOf`, are given; neither `ctx.now` nor `ctx.today` is used), and answer one payload per
 * group (batch: an area summary asks for hundreds of units at once). `asOf` is the period's last day for a closed
 * period, the day of generation for a period still running: every state is read as it stood then
 * (history/as-of.server.ts). A group may get `{ missing: reason }`: the report then says why there is no figure.
 * The ctx reads everywhere; a provider narrows it to the groups' units.
 */
export type SectionProvider<K extends SectionId = SectionId> = {
  id: K;
  load(ctx: Ctx, groups: UnitGroup[], period: Period, asOf: AsOf): Map<number, SectionPayload<K> | Missing>;
};

/** No figure for a group, and the true reason why (printed in the report). */
export type Missing = { missing: string };
