import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trail } from "#db/schema";
import { describeChanges, fieldLabel } from "~/components/trail-changes";
import { actionLabel, actorLabel, entityLabel, hasMessage, makeT, periodLabel } from "~/i18n";
import { humanise, snapshot, fieldKind } from "~/modules/trail/fields";
import { historyOf, withRefs } from "~/modules/trail/queries.server";
import { closeTestDb, testDb } from "../support/db";

/**
 * Issue 18 item 5: the history of a record and the administrators' trail read as sentences in the reader's
 * language. Every row the demo data writes is put into words here, in both languages, and nothing a person
 * reads may be a field name, a code, an ISO date, epoch milliseconds, JSON or a placeholder.
 */
function rawTokens(text: string): string[] {
  return [
    ...new Set([
      ...(text.match(/\b[a-z]+(?:[A-Z][a-z]+)+\b/g) ?? []),
      ...(text.match(/\b[a-z]+_[a-z_]+\b/g) ?? []),
      ...(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []),
      ...(text.match(/\b1\d{12}\b/g) ?? []),
      ...(text.match(/"[\w.-]*"|[∅{}[\]]|\bnull\b|\bundefined\b/g) ?? []),
    ]),
  ];
}

describe("the trail in words", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => {
    db = testDb({ seeded: true });
  });
  afterAll(() => closeTestDb(db));

  for (const lang of ["vi", "en"] as const) {
    it(`every row of the demo data reads in ${lang === "vi" ? "Vietnamese" : "English"}, with a label for every field`, () => {
      const t = makeT(lang);
      const rows = withRefs(db, db.select().from(trail).all());
      expect(rows.length).toBeGreaterThan(50);
      const unlabelled = new Set<string>();
      for (const row of rows) {
        const line = [actorLabel(t, row.actorKind, row.actorName), actionLabel(t, row.action), entityLabel(t, row.entity)];
        for (const c of describeChanges(t, row)) {
          line.push(c.label, c.from ?? "", c.to);
          if (!hasMessage(`trail.field.${row.entity}.${c.field}`) && !hasMessage(`trail.field.${c.field}`)) unlabelled.add(`${row.entity}.${c.field}`);
        }
        expect(rawTokens(line.join(" | ")), `${row.entity} #${row.entityId} ${row.action}: ${line.join(" | ")}`).toEqual([]);
        expect(hasMessage(`trail.entity.${row.entity}`), row.entity).toBe(true);
      }
      expect([...unlabelled]).toEqual([]);
    });
  }

  it("a leader's acknowledgement: the status by its name, the capacity in words, no hash", () => {
    const t = makeT("vi");
    const rows = historyOf(db, "corrective_action", 1);
    const ack = rows.find((r) => r.action === "acknowledge")!;
    const lines = describeChanges(t, ack).map((c) => `${c.label}: ${c.from ? `${c.from} → ` : ""}${c.to}`);
    expect(lines).toContain(`Trạng thái: ${t("ca.status.proposed")} → ${t("ca.status.acknowledged")}`);
    expect(lines).toContain("Tư cách ký: Tự ký");
    expect(lines.join("\n")).not.toMatch(/[0-9a-f]{64}/);
  });

  it("a proposed action names its owner and its due day", () => {
    const t = makeT("vi");
    const propose = historyOf(db, "corrective_action", 5).find((r) => r.action === "propose")!;
    const dueOn = (JSON.parse(propose.after!) as { dueOn: string }).dueOn;
    const lines = describeChanges(t, propose).map((c) => `${c.label}: ${c.to}`);
    expect(lines).toContain(`Hạn hoàn thành: ${dueOn.slice(8, 10)}/${dueOn.slice(5, 7)}/${dueOn.slice(0, 4)}`);
    expect(lines.some((l) => l.startsWith("Người thực hiện: ") && !/\d/.test(l))).toBe(true);
  });

  it("a finding closed by verification says why in words", () => {
    const en = makeT("en");
    const close = historyOf(db, "finding", 4).find((r) => r.action === "close")!;
    expect(describeChanges(en, close).map((c) => `${c.label}: ${c.to}`)).toContain("Closing note: All corrective actions verified effective.");
  });

  it("jobs, the seed and periods read as words", () => {
    const t = makeT("vi");
    expect(actorLabel(t, "job", "corrective-actions-daily")).toBe("Tác vụ tự động: Theo dõi hạn hành động khắc phục");
    expect(actorLabel(t, "system", "seed")).toBe("Dữ liệu mẫu");
    expect(periodLabel(t, "2026-Q3")).toBe("Quý 3/2026");
    expect(periodLabel(t, "2026-11-25")).toBe("25/11/2026");
  });

  it("a field nobody labelled still reads as words, never as its code", () => {
    const t = makeT("en");
    expect(fieldLabel(t, "document", "someNewField")).toBe("Some new field");
    expect(humanise("internal_audit")).toBe("Internal audit");
    expect(fieldKind("corrective_action", "signatureId")).toBe("hidden");
    expect(snapshot("not json")).toEqual({});
  });
});
