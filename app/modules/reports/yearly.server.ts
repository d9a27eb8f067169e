import { and, count, gte, inArray, lte, sql, sum } from "drizzle-orm";
import { conformityAnnouncements, inspectionFindings, inspections, serviceFigures } from "#db/schema";
import type { YearlyFacts } from "#templates/types";
import type { Ctx } from "../context";
import { documentCountsAsOf, type AsOf } from "../history/as-of.server";
import type { Period } from "./periods";

// What TT 26/2014 and Phụ lục II of QĐ 19 ask a yearly report to count (issue 14 item 5), for a unit and the
// units below it that existed in the year: who must apply, applies, has announced, was inspected (on site), the
// inspections' results, and the one-stop service results of the year (figures as imported, by month).

/**
 * `unitIds`: the reporting units (the unit itself when it reports for itself, else the units below it). The
 * figures of the service results cover `figureUnitIds` (the unit and every unit below it: a district records its
 * own one-stop figures).
 */
export function yearlyFacts(ctx: Ctx, unitIds: number[], figureUnitIds: number[], period: Period, asOf: AsOf): YearlyFacts {
  const { db } = ctx;
  const docs = documentCountsAsOf(db, unitIds, asOf);
  const applying = docs.filter((d) => d.effective > 0).length;
  const announced = unitIds.length
    ? db
        .selectDistinct({ unitId: conformityAnnouncements.unitId })
        .from(conformityAnnouncements)
        .where(and(inArray(conformityAnnouncements.unitId, unitIds), lte(conformityAnnouncements.decidedOn, asOf.day)))
        .all().length
    : 0;
  const inYear = and(inArray(inspections.unitId, unitIds), gte(inspections.decisionOn, period.start), lte(inspections.decisionOn, asOf.day));
  const list = unitIds.length
    ? db
        .select({ id: inspections.id, unitId: inspections.unitId, method: inspections.method, signed: inspections.minutesSignedOn })
        .from(inspections)
        .where(inYear)
        .all()
    : [];
  const ids = list.map((i) => i.id);
  const findingsRaised = ids.length
    ? (db.select({ n: count() }).from(inspectionFindings).where(inArray(inspectionFindings.inspectionId, ids)).get()?.n ?? 0)
    : 0;
  const months = [period.start.slice(0, 7), asOf.day.slice(0, 7)] as const;
  const f = figureUnitIds.length
    ? db
        .select({
          months: sql<number>`count(*)`,
          received: sum(serviceFigures.received),
          early: sum(serviceFigures.resolvedEarly),
          onTime: sum(serviceFigures.resolvedOnTime),
          overdue: sum(serviceFigures.resolvedOverdue),
          online: sum(serviceFigures.receivedOnline),
          byPost: sum(serviceFigures.returnedByPost),
        })
        .from(serviceFigures)
        .where(and(inArray(serviceFigures.unitId, figureUnitIds), gte(serviceFigures.month, months[0]), lte(serviceFigures.month, months[1])))
        .get()
    : undefined;
  const n = (v: string | number | null | undefined) => Number(v ?? 0);
  return {
    mustApply: unitIds.length,
    applying,
    announced,
    inspected: new Set(list.map((i) => i.unitId)).size,
    inspectedOnSite: new Set(list.filter((i) => i.method === "on_site").map((i) => i.unitId)).size,
    inspections: {
      count: list.length,
      onSite: list.filter((i) => i.method === "on_site").length,
      byReport: list.filter((i) => i.method !== "on_site").length,
      findings: findingsRaised,
      minutesSigned: list.filter((i) => i.signed && i.signed <= asOf.day).length,
    },
    service:
      f && n(f.months) > 0
        ? { received: n(f.received), onTime: n(f.early) + n(f.onTime), overdue: n(f.overdue), online: n(f.online), byPost: n(f.byPost), months: n(f.months) }
        : null,
  };
}
