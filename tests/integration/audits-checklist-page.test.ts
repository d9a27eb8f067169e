import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditChecklistItems, documents, trail } from "#db/schema";
import { answerChecklistPage } from "~/modules/audits/checklist.server";
import { planAudit } from "~/modules/audits/plan.server";
import { DEFAULT_CLAUSES, groupOf } from "~/modules/audits/rules";
import { startAudit } from "~/modules/audits/transition.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { DomainError } from "~/lib/errors";
import { actorOf, closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";

type DB = ReturnType<typeof testDb>;
const NOW = new Date("2026-11-25T03:00:00Z");

describe("the checklist as an auditor works: a page at once, the rest conform, progress", () => {
  let db: DB;
  beforeEach(() => {
    db = testDb({ seeded: true });
  });
  afterEach(() => closeTestDb(db));

  function started() {
    const lead = ctxOf(db, "thuky.laivung", NOW);
    const audit = planAudit(lead, {
      unitId: unitIdByCode(db, "DT-LAIVUNG"),
      startOn: "2026-11-24",
      endOn: "2026-11-25",
      leadAuditorId: actorOf(db, "thuky.laivung").id,
      teamIds: [],
      clauseCodes: DEFAULT_CLAUSES,
      processDocIds: ["QT 02/CX-HCTP", "QT 03/CX-HCTP"].map((c) => db.select({ id: documents.id }).from(documents).where(eq(documents.code, c)).get()!.id),
    });
    startAudit(lead, audit.id);
    const items = () =>
      db.select().from(auditChecklistItems).where(eq(auditChecklistItems.auditId, audit.id)).orderBy(asc(auditChecklistItems.sortOrder)).all();
    return { lead, audit, items };
  }

  it("the default scope and two processes (69 questions): one save answers a clause as conforming, another the rest, one trail row each", async () => {
    const { lead, audit, items } = started();
    // 61 questions for the 12 default clauses, 4 for each process.
    expect(items()).toHaveLength(69);
    expect(items().filter((i) => i.kind === "process")).toHaveLength(8);
    const first = items()[0]!;
    const r1 = await answerChecklistPage(lead, audit.id, {
      answers: [{ itemId: first.id, result: "nonconformity", notes: "Thiếu bằng chứng." }],
      conform: "c4",
    });
    const clause4 = items().filter((i) => groupOf(i) === "c4");
    expect(clause4.every((i) => i.result)).toBe(true);
    expect(items().find((i) => i.id === first.id)!.result).toBe("nonconformity");
    expect(r1.pendingNcItemId).toBe(first.id);
    expect(items().filter((i) => !i.result).length).toBe(69 - clause4.length);
    await answerChecklistPage(lead, audit.id, { answers: [], conform: "all" });
    expect(items().filter((i) => !i.result)).toHaveLength(0);
    expect(items().filter((i) => i.result === "conforms")).toHaveLength(68);
    const rows = db.select().from(trail).where(eq(trail.action, "answer-page")).all();
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[1]!.after!).conformed).toBe(69 - clause4.length);
  });

  it("a refused answer names its question and saves nothing of the page", async () => {
    const { lead, audit, items } = started();
    const [a, b] = items();
    await answerChecklistPage(lead, audit.id, { answers: [{ itemId: a!.id, result: "nonconformity", notes: "x" }] });
    raiseFinding(lead, { origin: { kind: "audit", auditId: audit.id, checklistItemId: a!.id }, gradeCode: "major", description: "Không phù hợp nặng." });
    let err: DomainError | undefined;
    try {
      await answerChecklistPage(lead, audit.id, {
        answers: [
          { itemId: a!.id, result: "conforms", notes: null },
          { itemId: b!.id, result: "conforms", notes: "Phù hợp" },
        ],
      });
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.fieldErrors).toEqual({ [`r-${a!.id}`]: ["audits.errors.itemHasFindings"] });
    expect(items()[1]!.result).toBeNull();
  });

  it("only the audit's team fills it in", async () => {
    const { audit, items } = started();
    await expect(
      answerChecklistPage(ctxOf(db, "congchuc.laivung", NOW), audit.id, { answers: [{ itemId: items()[0]!.id, result: "conforms", notes: null }] }),
    ).rejects.toThrow(DomainError);
  });
});
