import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import { correctiveActions, findings } from "#db/schema";
import type { Ctx } from "../context";
import { notify } from "../notifications/notify.server";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { link } from "./notices";
import { parentOfficers, peopleOf } from "./unit-people.server";
import { dueNotices, PENDING_STATUSES } from "./rules";
import { getEscalateAfterDays } from "./settings.server";
import { addDays, daysBetween } from "~/lib/time";

export type DailyResult = { day: string; escalateAfterDays: number; markedOverdue: number; notifications: Record<string, number> };

/**
 * The daily pass over actions still to be done, as of `day` (a Vietnamese calendar day): mark newly overdue ones,
 * remind owners 7 days and 1 day before due, notify owner and leaders when overdue, escalate to the parent
 * unit's officers past N days. Every notice carries a key (action, notice, due date): running twice, or every
 * day, sends each one once.
 */
export function runCorrectiveActionsDaily(ctx: Ctx, day: string): DailyResult {
  return write(ctx, (tx) => {
    const n = getEscalateAfterDays(tx);
    const counts: Record<string, number> = { reminder_7d: 0, reminder_1d: 0, overdue: 0, overdue_leader: 0, escalated: 0 };
    let markedOverdue = 0;
    const due = tx
      .select({ a: correctiveActions })
      .from(correctiveActions)
      .innerJoin(findings, eq(findings.id, correctiveActions.findingId))
      .where(and(inArray(correctiveActions.status, [...PENDING_STATUSES]), eq(findings.status, "open"), lte(correctiveActions.dueOn, addDays(day, 7))))
      .all();
    for (const { a } of due) {
      const base = { link: link(a.id), unitId: a.unitId };
      const params = { id: a.id, description: a.description.slice(0, 120), dueOn: a.dueOn, days: Math.abs(daysBetween(day, a.dueOn)) };
      const key = (notice: string) => `ca:${a.id}:${notice}:${a.dueOn}`;
      for (const notice of dueNotices(a.dueOn, day, n)) {
        if (notice === "reminder_7d" || notice === "reminder_1d") {
          counts[notice]! += notify(tx, ctx, { ...base, recipients: [a.ownerId], kind: `ca.${notice}`, key: key(notice), params });
        } else if (notice === "overdue") {
          if (!a.overdueSince) {
            tx.update(correctiveActions)
              .set({ overdueSince: day })
              .where(and(eq(correctiveActions.id, a.id), isNull(correctiveActions.overdueSince)))
              .run();
            recordTrail(tx, ctx, {
              entity: "corrective_action",
              entityId: a.id,
              action: "mark-overdue",
              unitId: a.unitId,
              after: { overdueSince: day, dueOn: a.dueOn },
            });
            markedOverdue++;
          }
          counts.overdue! += notify(tx, ctx, { ...base, recipients: [a.ownerId], kind: "ca.overdue", key: key("overdue"), params });
          const leaders = peopleOf(tx, a.unitId, ["leader"]).map((p) => p.id);
          counts.overdue_leader! += notify(tx, ctx, { ...base, recipients: leaders, kind: "ca.overdue_leader", key: key("overdue"), params });
        } else {
          const officers = parentOfficers(tx, a.unitId);
          const added = notify(tx, ctx, { ...base, recipients: officers, kind: "ca.escalated", key: key("escalated"), params: { ...params, n } });
          if (added)
            recordTrail(tx, ctx, {
              entity: "corrective_action",
              entityId: a.id,
              action: "escalate",
              unitId: a.unitId,
              after: { day, dueOn: a.dueOn, afterDays: n, recipients: officers.length },
            });
          counts.escalated! += added;
        }
      }
    }
    return { day, escalateAfterDays: n, markedOverdue, notifications: counts };
  });
}
