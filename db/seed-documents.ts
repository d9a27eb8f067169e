import { makeCtx } from "~/modules/context.server";
import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import type { UserActor } from "~/modules/context";
import { createDocument } from "~/modules/documents/create-document.server";
import { draftRevision } from "~/modules/documents/draft-revision.server";
import { createLegalChange } from "~/modules/documents/legal-changes.server";
import { recordPeriodicReview } from "~/modules/documents/record-review.server";
import { approveRevision, submitRevision } from "~/modules/documents/workflow.server";
import { createProcedure } from "~/modules/procedures/save-procedure.server";
import type { DocumentKind, OnlineLevel } from "./schema/enums";
import { addMonthsToDay, vnDay } from "~/lib/time";
import type { DB } from "./client";
import { units, users } from "./schema";

const FONT = createRequire(import.meta.url).resolve("@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf");

/** A one-page PDF standing in for a scanned process document (Vietnamese text, embedded serif font). */
function demoPdf(unitName: string, code: string, title: string, revision: number, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `${code} ${title}`, CreationDate: new Date("2025-07-15T00:00:00Z") } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.font(FONT).fontSize(12).text(`UBND ${unitName.toUpperCase()}`, { align: "left" });
    doc.moveDown().fontSize(16).text(title.toUpperCase(), { align: "center" });
    doc.fontSize(12).text(`Mã hiệu: ${code} · Lần ban hành: ${revision}`, { align: "center" });
    doc.moveDown();
    for (const l of lines) doc.text(l, { align: "justify" }).moveDown(0.5);
    doc.end();
  });
}

function actor(db: DB, username: string): UserActor {
  const r = db
    .select({ id: users.id, name: users.fullName, username: users.username, role: users.role, unitId: users.unitId, unitPath: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .get();
  if (!r) throw new Error(`seed: no user ${username}`);
  return { kind: "user", ...r };
}

/** Commune-level procedures (codes as in the national database at the time of writing: check before real use). */
const PROCEDURES: [code: string, name: string, field: string, time: string, level: OnlineLevel][] = [
  ["1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", "partial"],
  ["1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", "partial"],
  ["1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", "full"],
  ["1.004873", "Thủ tục cấp bản sao trích lục hộ tịch", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", "full"],
  ["1.004884", "Thủ tục đăng ký lại khai sinh", "Hộ tịch", "05 ngày làm việc", "partial"],
  ["2.000908", "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", "Trong ngày", "none"],
  ["2.000815", "Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", "Trong ngày", "none"],
  ["2.001035", "Thủ tục chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", "Chứng thực", "02 ngày làm việc", "none"],
  ["1.003622", "Thủ tục thực hiện hòa giải tại cơ sở", "Phổ biến giáo dục pháp luật", "30 ngày", "none"],
  ["2.001457", "Thủ tục giải quyết khiếu nại lần đầu", "Giải quyết khiếu nại", "30 ngày", "none"],
  ["1.001758", "Thủ tục xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình", "Bảo trợ xã hội", "10 ngày làm việc", "partial"],
  ["1.001776", "Thủ tục trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở", "Bảo trợ xã hội", "20 ngày", "none"],
];

type SeedDoc = {
  code: string;
  title: string;
  kind: DocumentKind;
  owner: string;
  clauses: string[];
  procs?: string[];
  cycle?: number;
  /** Accounts (usernames) who own the process and who take part in it: they may not audit it. */
  owners?: string[];
  participants?: string[];
};

/**
 * Demo documents for Lai Vung commune (and a few for Hòa Long), put through the real verbs so the trail reads
 * as it would in use: documents issued when the merged commune re-issued its QMS, one process revised for the
 * 2025 decentralisation decree (its first revision superseded), one still waiting for that update (overdue),
 * one in review for the chair, one reviewed as "needs revision", and procedures left without a process.
 */
/** The demo catalogues were published before the QMS was announced (15/09/2025): no scope change since. */
const CATALOGUE_AT = new Date("2025-09-01T02:00:00Z");

export async function seedDocuments(db: DB, now: Date) {
  const today = vnDay(now);
  const clamp = (day: string) => (day < "2025-07-15" ? "2025-07-15" : day > today ? today : day);
  const issued = clamp(addMonthsToDay(today, -14));
  const officer = makeCtx(db, actor(db, "thuky.laivung"), now);
  const chair = makeCtx(db, actor(db, "chutich.laivung"), now);
  const laiVung = officer.actor.unitId;
  // The commune's civil-status officer: owns the civil-status processes (and so may audit the others).
  if (!db.select({ id: users.id }).from(users).where(eq(users.username, "tuphap.laivung")).get()) {
    const chairRow = db.select().from(users).where(eq(users.username, "chutich.laivung")).get()!;
    db.insert(users)
      .values({
        username: "tuphap.laivung",
        fullName: "Lê Văn Sang",
        title: "Công chức Tư pháp - Hộ tịch",
        unitId: laiVung,
        role: "officer",
        passwordHash: chairRow.passwordHash,
        passwordChangedAt: now.getTime(),
        createdAt: now.getTime(),
        updatedAt: now.getTime(),
      })
      .run();
  }
  const ids = (names: string[] | undefined) => (names ?? []).map((u) => actor(db, u).id);

  const procIds = new Map<string, number>();
  for (const [code, name, field, processingTime, onlineLevel] of PROCEDURES) {
    procIds.set(code, createProcedure({ ...officer, now: CATALOGUE_AT }, { unitId: laiVung, code, name, field, processingTime, onlineLevel, active: true }).id);
  }

  const make = async (d: SeedDoc, opts: { effectiveFrom?: string; submitOnly?: boolean; ctx?: typeof officer; approver?: typeof chair } = {}) => {
    const o = opts.ctx ?? officer;
    const unit = db.select({ name: units.name }).from(units).where(eq(units.id, o.actor.unitId)).get()!.name;
    const pdf = await demoPdf(unit, d.code, d.title, 1, [
      `Phạm vi: áp dụng tại ${unit}.`,
      `Bộ phận chịu trách nhiệm: ${d.owner}.`,
      "Tài liệu mẫu của dữ liệu trình diễn ISO Xã.",
    ]);
    const procedureIdList = (d.procs ?? []).map((c) => procIds.get(c)!).filter(Boolean);
    const { document, revision } = await createDocument(o, {
      unitId: o.actor.unitId,
      code: d.code,
      title: d.title,
      kind: d.kind,
      owner: d.owner,
      reviewCycleMonths: d.cycle ?? 12,
      clauseCodes: d.clauses,
      procedureIds: procedureIdList,
      ownerIds: ids(d.owners),
      participantIds: ids(d.participants),
      changeSummary: "Ban hành lần đầu",
      file: new File([new Uint8Array(pdf)], `${d.code.replace(/[/ ]/g, "-")}.pdf`, { type: "application/pdf" }),
    });
    submitRevision(o, document.id, revision.id);
    if (!opts.submitOnly) approveRevision(opts.approver ?? chair, document.id, revision.id, opts.effectiveFrom ?? issued);
    return document;
  };

  await make({ code: "STCL", title: "Sổ tay chất lượng", kind: "manual", owner: "Thư ký ISO", clauses: ["4.3", "4.4"], owners: ["thuky.laivung"] });
  const policy = await make({
    code: "CSCL",
    title: "Chính sách chất lượng",
    kind: "policy",
    owner: "Chủ tịch UBND xã",
    clauses: ["5.2"],
    owners: ["chutich.laivung"],
  });
  await make(
    { code: "MTCL-2026", title: "Mục tiêu chất lượng năm 2026", kind: "objectives", owner: "Thư ký ISO", clauses: ["6.2"] },
    { effectiveFrom: clamp(`${today.slice(0, 4)}-01-05`) },
  );
  await make({
    code: "QT 01/CX",
    title: "Quy trình kiểm soát thông tin dạng văn bản",
    kind: "process",
    owner: "Công chức Văn phòng - Thống kê",
    clauses: ["7.5.3"],
    owners: ["congchuc.laivung"],
    participants: ["thuky.laivung"],
  });
  const birth = await make({
    code: "QT 02/CX-HCTP",
    title: "Quy trình đăng ký khai sinh",
    kind: "process",
    owner: "Công chức Tư pháp - Hộ tịch",
    clauses: ["8.5"],
    procs: ["1.001193", "1.004873", "1.004884"],
    owners: ["tuphap.laivung"],
    participants: ["phochutich.laivung"],
  });
  const marriage = await make({
    code: "QT 03/CX-HCTP",
    title: "Quy trình đăng ký kết hôn",
    kind: "process",
    owner: "Công chức Tư pháp - Hộ tịch",
    clauses: ["8.5"],
    procs: ["1.000894"],
    owners: ["tuphap.laivung"],
    participants: ["phochutich.laivung"],
  });
  await make(
    {
      code: "QT 04/CX-HCTP",
      title: "Quy trình đăng ký khai tử",
      kind: "process",
      owner: "Công chức Tư pháp - Hộ tịch",
      clauses: ["8.5"],
      procs: ["1.000656"],
      owners: ["tuphap.laivung"],
    },
    { submitOnly: true },
  );
  const cert = await make({
    code: "QT 05/CX-HCTP",
    title: "Quy trình chứng thực bản sao, chữ ký, hợp đồng",
    kind: "process",
    owner: "Công chức Tư pháp - Hộ tịch",
    clauses: ["8.5"],
    procs: ["2.000908", "2.000815", "2.001035"],
    owners: ["tuphap.laivung"],
    participants: ["chutich.laivung"],
  });

  recordPeriodicReview(officer, policy.id, {
    reviewedOn: clamp(addMonthsToDay(today, -2)),
    outcome: "still_valid",
    note: "Chính sách vẫn phù hợp sau sáp nhập đơn vị hành chính.",
  });
  recordPeriodicReview(officer, cert.id, {
    reviewedOn: clamp(addMonthsToDay(today, -1)),
    outcome: "needs_revision",
    note: "Cập nhật biểu mẫu theo Bộ phận Một cửa mới của xã.",
  });

  // The decentralisation decree of the two-level local government (effective 01/07/2025) touches civil status.
  createLegalChange(officer, {
    unitId: laiVung,
    textNumber: "Nghị định 120/2025/NĐ-CP",
    title: "Quy định phân định thẩm quyền của chính quyền địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Tư pháp",
    effectiveOn: "2025-07-01",
    documentIds: [birth.id, marriage.id],
  });
  const pdf2 = await demoPdf("xã Lai Vung", "QT 02/CX-HCTP", "Quy trình đăng ký khai sinh", 2, [
    "Sửa đổi thẩm quyền và thời hạn theo Nghị định 120/2025/NĐ-CP.",
  ]);
  const r2 = await draftRevision(officer, birth.id, {
    changeSummary: "Cập nhật thẩm quyền, thành phần hồ sơ theo Nghị định 120/2025/NĐ-CP",
    file: new File([new Uint8Array(pdf2)], "QT-02-CX-HCTP-lan-2.pdf", { type: "application/pdf" }),
  });
  submitRevision(officer, birth.id, r2.id);
  approveRevision(makeCtx(db, actor(db, "phochutich.laivung"), now), birth.id, r2.id, clamp(addMonthsToDay(today, -1)));

  // Hòa Long: a smaller catalogue with one process in force.
  const hlOfficer = makeCtx(db, actor(db, "thuky.hoalong"), now);
  const hlChair = makeCtx(db, actor(db, "chutich.hoalong"), now);
  const hlProcs = PROCEDURES.slice(0, 4).map(([code, name, field, processingTime, onlineLevel]) =>
    createProcedure({ ...hlOfficer, now: CATALOGUE_AT }, { unitId: hlOfficer.actor.unitId, code, name, field, processingTime, onlineLevel, active: true }),
  );
  procIds.set("HL-1.001193", hlProcs[0]!.id);
  await make(
    {
      code: "QT 02/HL-HT",
      title: "Quy trình đăng ký khai sinh",
      kind: "process",
      owner: "Công chức Tư pháp - Hộ tịch",
      clauses: ["8.5"],
      procs: ["HL-1.001193"],
    },
    { ctx: hlOfficer, approver: hlChair },
  );
}
