import { asc, sql } from "drizzle-orm";
import { findingGrades } from "#db/schema";
import type { FindingsData } from "#templates/types";
import { findingCountsAsOf } from "../../history/as-of.server";
import { startOfVnDay } from "~/lib/time";
import type { SectionProvider } from "./types";

const LIST_LIMIT = 200;

/**
 * Findings by grade and state over a period, as the records stood at `asOf` (the period's last day, or the
 * moment of generation for a period still running): raised in it, closed in it, open (and overdue) at its end.
 */
export const findingsSection: SectionProvider<"findings"> = {
  id: "findings",
  load({ db }, groups, period, asOf) {
    const allIds = [...new Set(groups.flatMap((g) => g.unitIds))];
    const grades = db.select().from(findingGrades).orderBy(asc(findingGrades.sortOrder)).all();
    const startMs = startOfVnDay(period.start).getTime();
    const rows = findingCountsAsOf(db, allIds, asOf, { from: period.start, closedSinceMs: startMs });
    // The period's findings for the detail table, each in its state then (one query).
    const listRows = allIds.length
      ? db.all<{ unitId: number; foundOn: string; grade: string; clause: string | null; description: string; status: string }>(sql`
          SELECT s.unit_id AS unitId, s.found_on AS foundOn, g.name_vi AS grade, f.clause_code AS clause, f.description AS description, s.status AS status
          FROM finding_states s JOIN findings f ON f.id = s.finding_id JOIN finding_grades g ON g.code = f.grade_code
          WHERE s.unit_id IN (SELECT value FROM json_each(${JSON.stringify(allIds)}))
            AND s.from_at < ${asOf.at} AND (s.to_at IS NULL OR s.to_at >= ${asOf.at})
            AND s.found_on >= ${period.start} AND s.found_on <= ${asOf.day}
          ORDER BY s.found_on, f.id`)
      : [];

    const out = new Map<number, FindingsData>();
    for (const g of groups) {
      const ids = new Set(g.unitIds);
      const mine = rows.filter((r) => ids.has(r.unitId));
      const byGrade = grades.map((gr) => {
        const rs = mine.filter((r) => r.grade === gr.code);
        const s = (k: "foundSince" | "closedSince" | "open") => rs.reduce((n, r) => n + r[k], 0);
        return { gradeCode: gr.code, gradeName: gr.nameVi, raised: s("foundSince"), closed: s("closedSince"), openAtEnd: s("open") };
      });
      out.set(g.key, {
        byGrade,
        raised: byGrade.reduce((n, x) => n + x.raised, 0),
        closed: byGrade.reduce((n, x) => n + x.closed, 0),
        openAtEnd: byGrade.reduce((n, x) => n + x.openAtEnd, 0),
        overdueAtEnd: mine.reduce((n, r) => n + r.overdue, 0),
        list: listRows
          .filter((r) => ids.has(r.unitId))
          .slice(0, LIST_LIMIT)
          .map((r) => ({
            foundOn: r.foundOn,
            grade: r.grade,
            clause: r.clause,
            description: r.description,
            status: r.status === "open" ? "Đang mở" : "Đã đóng",
          })),
      });
    }
    return out;
  },
};
