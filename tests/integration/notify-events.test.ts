import { afterEach, beforeEach, describe, expect, it } from "vitest";
import path from "node:path";
import { and, eq, gt } from "drizzle-orm";
import type { DB } from "#db/client";
import { notifications } from "#db/schema";
import { decideExtension } from "~/modules/corrective-actions/decide-extension.server";
import { requestExtension } from "~/modules/corrective-actions/request-extension.server";
import { createDocument } from "~/modules/documents/create-document.server";
import { submitRevision } from "~/modules/documents/workflow.server";
import { insertFinding, raiseFinding } from "~/modules/findings/raise.server";
import { createInspection, recordMinutes } from "~/modules/inspections/save.server";
import { sendNotificationDigests, type MailMessage } from "~/modules/notifications/mail.server";
import { approversFor } from "~/modules/notifications/events.server";
import { write } from "~/modules/tx.server";
import { actorOf, closeTestDb, ctxOf, testDb, unitIdByCode } from "../support/db";
import { inProgress } from "./corrective-actions-helpers";

// why: uploads go to a throwaway data folder, not the developer's ./data.
process.env.DATA_DIR = path.resolve("tests/.tmp/notify-int-data");

const PDF = () =>
  new File([Buffer.from(`%PDF-1.4\n% ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)], "quy-trinh.pdf", { type: "application/pdf" });

describe("who is told when a finding is recorded, minutes are signed, a document awaits approval or a deadline moves", () => {
  let db: DB & { file: string };
  /** The demo data made notices of its own: only those after it count. */
  let since = 0;
  beforeEach(() => {
    db = testDb({ seeded: true });
    since = (db.$client.prepare("SELECT max(id) AS n FROM notifications").get() as { n: number | null }).n ?? 0;
  });
  afterEach(() => closeTestDb(db));

  /** The notices of one person, of one kind. */
  const noticesOf = (username: string, kind: string) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, actorOf(db, username).id), eq(notifications.kind, kind as "finding.recorded"), gt(notifications.id, since)))
      .all()
      .map((n) => ({ ...n, params: JSON.parse(n.params) as Record<string, string | number> }));

  const inspect = (now = new Date("2026-11-25T03:00:00Z")) =>
    createInspection(ctxOf(db, "kiemtra.tinh", now), {
      unitId: unitIdByCode(db, "DT-LAIVUNG"),
      method: "on_site",
      decisionNumber: "301/QĐ-SKHCN",
      decisionOn: "2026-11-02",
      leadId: actorOf(db, "kiemtra.tinh").id,
      teamIds: [],
    });

  it("a recorded finding reaches the commune's officer and leaders, with its link, and not the person who recorded it", async () => {
    const insp = inspect();
    await recordMinutes(ctxOf(db, "kiemtra.tinh"), insp.id, { signedOn: "2026-11-20", summary: "Hai bên ký biên bản." });
    const f = raiseFinding(ctxOf(db, "kiemtra.tinh"), {
      origin: { kind: "inspection", inspectionId: insp.id },
      gradeCode: "minor",
      clauseCode: "9.3",
      description: "Chưa tổ chức xem xét của lãnh đạo.",
    });
    for (const who of ["chutich.laivung", "phochutich.laivung", "thuky.laivung", "congchuc.laivung"]) {
      const [n] = noticesOf(who, "finding.recorded");
      expect(n, who).toMatchObject({ link: `/findings/${f.id}`, params: { id: f.id, unit: "Xã Lai Vung" } });
    }
    expect(noticesOf("kiemtra.tinh", "finding.recorded")).toEqual([]);
    expect(noticesOf("chutich.hoalong", "finding.recorded")).toEqual([]);
  });

  it("a notice is written in the event's own transaction: a committed finding leaves one, a rolled-back finding none", () => {
    const ctx = ctxOf(db, "thuky.laivung");
    const direct = {
      origin: { kind: "direct" as const, unitId: unitIdByCode(db, "DT-LAIVUNG"), source: "complaint" as const },
      gradeCode: "minor",
      description: "x",
    };
    write(ctx, (tx) => insertFinding(tx, ctx, direct));
    expect(noticesOf("chutich.laivung", "finding.recorded")).toHaveLength(1);
    expect(() =>
      write(ctx, (tx) => {
        insertFinding(tx, ctx, {
          origin: { kind: "direct", unitId: unitIdByCode(db, "DT-LAIVUNG"), source: "complaint" },
          gradeCode: "minor",
          description: "x",
        });
        throw new Error("later step failed");
      }),
    ).toThrow("later step failed");
    expect(noticesOf("chutich.laivung", "finding.recorded")).toHaveLength(1);
  });

  it("signed minutes tell the unit the two-month deadline of its report back, once", async () => {
    const insp = inspect();
    await recordMinutes(ctxOf(db, "kiemtra.tinh"), insp.id, { signedOn: "2026-11-20", summary: "Hai bên ký biên bản." });
    const [n] = noticesOf("chutich.laivung", "inspection.minutes_signed");
    expect(n).toMatchObject({ params: { signedOn: "2026-11-20", deadline: "2027-01-20", unit: "Xã Lai Vung" }, link: `/inspections/${insp.id}` });
    expect(noticesOf("thuky.laivung", "inspection.minutes_signed")).toHaveLength(1);
    // Saving the same minutes again tells nobody twice.
    await recordMinutes(ctxOf(db, "kiemtra.tinh"), insp.id, { signedOn: "2026-11-20", summary: "Hai bên ký biên bản (sửa chữ)." });
    expect(noticesOf("chutich.laivung", "inspection.minutes_signed")).toHaveLength(1);
  });

  it("an approver is told a document awaits approval, and the author is told who must approve", async () => {
    const officer = ctxOf(db, "thuky.laivung");
    const { document, revision } = await createDocument(officer, {
      unitId: unitIdByCode(db, "DT-LAIVUNG"),
      code: "QT 77/LV",
      title: "Quy trình chứng thực bản sao",
      kind: "process",
      owner: "Công chức Tư pháp - Hộ tịch",
      reviewCycleMonths: 12,
      clauseCodes: ["8.5"],
      procedureIds: [],
      changeSummary: "Ban hành lần đầu",
      file: PDF(),
    });
    expect(noticesOf("chutich.laivung", "document.approval_requested")).toEqual([]);
    submitRevision(officer, document.id, revision.id);
    for (const who of ["chutich.laivung", "phochutich.laivung"])
      expect(noticesOf(who, "document.approval_requested"), who).toMatchObject([
        { link: `/documents/${document.id}/revisions/${revision.id}`, params: { code: "QT 77/LV", author: "Trần Thị Ngọc Ánh" } },
      ]);
    expect(noticesOf("thuky.laivung", "document.approval_requested")).toEqual([]);
    expect(noticesOf("chutich.hoalong", "document.approval_requested")).toEqual([]);
    expect(approversFor(officer, document.unitId, revision.draftedById).map((a) => a.name)).toEqual(["Huỳnh Thanh Tâm", "Nguyễn Hữu Phước"]);
  });

  it("an approved extension tells the action's owner and the leader who signed it that the deadline moved", async () => {
    const { a } = await inProgress(db);
    const ext = requestExtension(ctxOf(db, "congchuc.laivung"), a.id, { proposedDueOn: "2027-01-31", reason: "Chờ tập huấn" });
    decideExtension(ctxOf(db, "phochutich.laivung"), a.id, { extensionId: ext.id, decision: "approve" });
    for (const who of ["congchuc.laivung", "chutich.laivung"])
      expect(noticesOf(who, "deadline.moved"), who).toMatchObject([{ params: { from: "2026-12-31", to: "2027-01-31", whatKey: "notifications.what.action" } }]);
    expect(noticesOf("phochutich.laivung", "deadline.moved")).toEqual([]);
  });

  it("the daily mail (when SMTP is set) carries the new notices in Vietnamese, dates as dd/mm/yyyy", async () => {
    const insp = inspect();
    await recordMinutes(ctxOf(db, "kiemtra.tinh"), insp.id, { signedOn: "2026-11-20", summary: "Hai bên ký biên bản." });
    db.$client.prepare("UPDATE users SET email = 'chutich@laivung.example' WHERE username = 'chutich.laivung'").run();
    // why a fake: outbound mail is the one thing a test may not really send.
    const sent: MailMessage[] = [];
    const r = await sendNotificationDigests(db, { send: async (m) => void sent.push(m) }, new Date("2026-11-25T23:00:00Z"));
    expect(r.mails).toBe(1);
    expect(sent[0]!.to).toBe("chutich@laivung.example");
    expect(sent[0]!.text).toContain("Biên bản kiểm tra của Xã Lai Vung đã ký ngày 20/11/2026");
    expect(sent[0]!.text).toContain("chậm nhất ngày 20/01/2027");
  });
});
