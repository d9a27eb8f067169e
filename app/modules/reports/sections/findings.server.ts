import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { findingGrades, findings } from "#db/schema";
import type { FindingsData } from "#templates/types";
import { startOfVnDay } from "~/lib/time";
import type { SectionProvider } from "./types";

const LIST_LIMIT = 200;

/** Findings by grade and state over a period: raised and closed in it, open (and overdue) at its end. */
export const findingsSection: SectionProvider<"findings"> = {
  id: "findings",
  load({ db }, groups, period) {
    const allIds = [...new Set(groups.flatMap((g) => g.unitIds))];
    const grades = db.select().from(findingGrades).orderBy(asc(findingGrades.sortOrder)).all();
    const startMs = startOfVnDay(period.start).getTime();
    const endMs = startOfVnDay(period.end).getTime() + 24 * 3600 * 1000;
    // One pass over the findings that can matter (found by the period's end), counted per unit and grade.
    const rows = allIds.length
      ? (db.$client
          .prepare(
            `SELECT unit_id AS unitId, grade_code AS grade,
               SUM(CASE WHEN found_on >= @start AND found_on <= @end THEN 1 ELSE 0 END) AS raised,
               SUM(CASE WHEN closed_at >= @startMs AND closed_at < @endMs THEN 1 ELSE 0 END) AS closed,
               SUM(CASE WHEN closed_at IS NULL OR closed_at >= @endMs THEN 1 ELSE 0 END) AS openAtEnd,
               SUM(CASE WHEN (closed_at IS NULL OR closed_at >= @endMs) AND action_due_on IS NOT NULL AND action_due_on < @end THEN 1 ELSE 0 END) AS overdue
             FROM findings
             WHERE found_on <= @end AND unit_id IN (SELECT value FROM json_each(@ids))
             GROUP BY unit_id, grade_code`,
          )
          .all({ start: period.start, end: period.end, startMs, endMs, ids: JSON.stringify(allIds) }) as {
          unitId: number;
          grade: string;
          raised: number;
          closed: number;
          openAtEnd: number;
          overdue: number;
        }[])
      : [];
    const listRows = allIds.length
      ? db
          .select({
            unitId: findings.unitId,
            foundOn: findings.foundOn,
            grade: findingGrades.nameVi,
            clause: findings.clauseCode,
            description: findings.description,
            closedAt: findings.closedAt,
          })
          .from(findings)
          .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
          .where(and(inArray(findings.unitId, allIds), gte(findings.foundOn, period.start), lte(findings.foundOn, period.end)))
          .orderBy(asc(findings.foundOn), asc(findings.id))
          .all()
      : [];

    const out = new Map<number, FindingsData>();
    for (const g of groups) {
      const ids = new Set(g.unitIds);
      const mine = rows.filter((r) => ids.has(r.unitId));
      const byGrade = grades.map((gr) => {
        const rs = mine.filter((r) => r.grade === gr.code);
        const s = (k: "raised" | "closed" | "openAtEnd") => rs.reduce((n, r) => n + (r[k] ?? 0), 0);
        return { gradeCode: gr.code, gradeName: gr.nameVi, raised: s("raised"), closed: s("closed"), openAtEnd: s("openAtEnd") };
      });
      out.set(g.key, {
        byGrade,
        raised: byGrade.reduce((n, x) => n + x.raised, 0),
        closed: byGrade.reduce((n, x) => n + x.closed, 0),
        openAtEnd: byGrade.reduce((n, x) => n + x.openAtEnd, 0),
        overdueAtEnd: mine.reduce((n, r) => n + (r.overdue ?? 0), 0),
        list: listRows
          .filter((r) => ids.has(r.unitId))
          .slice(0, LIST_LIMIT)
          .map((r) => ({
            foundOn: r.foundOn,
            grade: r.grade,
            clause: r.clause,
            description: r.description,
            status: r.closedAt !== null && r.closedAt < endMs ? "Đã đóng" : "Đang mở",
          })),
      });
    }
    return out;
  },
};
