import type { Readable } from "node:stream";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { caEvidence, correctiveActions, files, inspectionPlans, reportIssues, reports, units } from "#db/schema";
import { renderDossierIndexPdf } from "#templates/render";
import type { DossierIndexData } from "#templates/types";
import { config } from "~/lib/config.server";
import { vnDay } from "~/lib/time";
import type { Ctx } from "../context";
import { blobPath } from "../files/store.server";
import { getInspectionDetail } from "../inspections/queries.server";
import { lowerKind, metaFor } from "../reports/data.server";
import { parsePeriod } from "../reports/periods";
import { downloadName, vnDayText } from "../reports/rules";
import { storedFilePath } from "../reports/storage.server";
import { recordTrail } from "../trail/record.server";
import { write } from "../tx.server";
import { zipStream, type ZipItem } from "./zip-stream.server";

/** One paper of a dossier: what it is, its number or date, and its file when the app holds one. */
export type Paper = { folder: string; paper: string; detail: string; file?: { name: string; path: string; sha256: string | null } };

const FOLDERS = {
  plan: "01 Kế hoạch kiểm tra",
  decision: "02 Quyết định kiểm tra",
  unitReport: "03 Báo cáo và bằng chứng của đơn vị",
  minutes: "04 Biên bản kiểm tra",
  actions: "05 Hồ sơ khắc phục",
} as const;

/**
 * The papers of an inspection that the app holds (TT 26/2014 Art. 39 lists them): the plan and the decision (records),
 * the inspected unit's last issued report before the minutes, the minutes (the signed scan uploaded, the generated
 * PDF), and for each finding of the minutes its corrective-action form and the evidence of its actions. The team's
 * own report is not kept by the app: the index says so. A reader outside the inspected unit's scope gets 404.
 */
export function inspectionPapers(ctx: Ctx, inspectionId: number) {
  const d = getInspectionDetail(ctx, inspectionId);
  const i = d.inspection;
  const c = config();
  const papers: Paper[] = [];
  const missing: string[] = [];
  const fileRow = (id: number) => ctx.db.select().from(files).where(eq(files.id, id)).get();
  const blob = (f: typeof files.$inferSelect) => ({ name: f.originalName, path: blobPath(c.uploadsDir, f.sha256), sha256: f.sha256 });
  const report = (r: typeof reports.$inferSelect, unitName: string) => {
    const path = r.file ? storedFilePath(c.reportsDir, r.file) : undefined;
    return path ? { name: downloadName({ kind: r.kind, unitName, periodKey: r.periodKey, id: r.id }), path, sha256: r.sha256 } : undefined;
  };

  const plan = i.planId ? ctx.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, i.planId)).get() : undefined;
  if (plan)
    papers.push({
      folder: FOLDERS.plan,
      paper: `Kế hoạch kiểm tra năm ${plan.year}`,
      detail:
        [plan.documentNumber ? `Số ${plan.documentNumber}` : "", plan.issuedOn ? `ngày ${vnDayText(plan.issuedOn)}` : ""].filter(Boolean).join(", ") || "—",
    });
  else missing.push("Kế hoạch kiểm tra (cuộc kiểm tra không gắn với kế hoạch năm trong phần mềm)");
  papers.push({ folder: FOLDERS.decision, paper: "Quyết định kiểm tra", detail: `Số ${i.decisionNumber}, ngày ${vnDayText(i.decisionOn)}` });

  // The unit's report for the inspection: its latest issued report (month, quarter or year) about a period that began
  // before the minutes were signed (or today, before the minutes).
  const until = i.minutesSignedOn ?? vnDay(ctx.now);
  // A report the unit issued (its head's number) comes first; only without one is an unnumbered copy made before
  // reports were issued (decision 0017) filed, said to be one. A draft is never a paper: it has no file.
  const candidates = ctx.db
    .select({ r: reports, number: reportIssues.number })
    .from(reports)
    .leftJoin(reportIssues, eq(reportIssues.reportId, reports.id))
    .where(and(eq(reports.unitId, i.unitId), inArray(reports.kind, ["unit", "annual"]), eq(reports.status, "done")))
    .orderBy(desc(reports.createdAt))
    .all()
    .filter(({ r }) => (parsePeriod(r.periodKey)?.start ?? "9999") <= until)
    .sort((a, b) => (parsePeriod(b.r.periodKey)!.end > parsePeriod(a.r.periodKey)!.end ? 1 : -1));
  const chosen = candidates.find((c) => c.number) ?? candidates[0];
  const unitReport = chosen?.r;
  const unitReportFile = unitReport && report(unitReport, d.unit.name);
  if (unitReport && unitReportFile)
    papers.push({
      folder: FOLDERS.unitReport,
      paper: "Báo cáo của đơn vị được kiểm tra",
      detail: chosen.number
        ? `Số ${chosen.number}, kỳ ${unitReport.periodKey}`
        : `Kỳ ${unitReport.periodKey} (bản lưu ${unitReport.trigger === "schedule" ? "tự động" : "in theo yêu cầu"}, không số, trước khi có quy trình ban hành)`,
      file: unitReportFile,
    });
  else missing.push(`Báo cáo của đơn vị được kiểm tra (chưa có báo cáo nào được phát hành đến ngày ${vnDayText(until)})`);

  if (i.minutesFileId) {
    const f = fileRow(i.minutesFileId);
    if (f)
      papers.push({
        folder: FOLDERS.minutes,
        paper: "Biên bản kiểm tra đã ký (bản chụp)",
        detail: i.minutesSignedOn ? `Ký ngày ${vnDayText(i.minutesSignedOn)}` : "—",
        file: blob(f),
      });
  }
  const minutesPdf = ctx.db
    .select()
    .from(reports)
    .where(and(eq(reports.kind, "minutes"), eq(reports.subjectId, i.id), eq(reports.unitId, i.unitId), eq(reports.status, "done")))
    .orderBy(desc(reports.createdAt))
    .get();
  const minutesPdfFile = minutesPdf && report(minutesPdf, d.unit.name);
  if (minutesPdf && minutesPdfFile)
    papers.push({
      folder: FOLDERS.minutes,
      paper: "Biên bản kiểm tra (bản in từ phần mềm)",
      detail: `Mã xác thực ${minutesPdf.verifyCode}`,
      file: minutesPdfFile,
    });
  if (!i.minutesFileId && !minutesPdfFile)
    missing.push(i.minutesSignedOn ? "Biên bản kiểm tra (chưa tải bản ký, chưa xuất PDF)" : "Biên bản kiểm tra (chưa ký)");

  for (const f of d.findings) {
    const form = ctx.db
      .select()
      .from(reports)
      .where(and(eq(reports.kind, "action"), eq(reports.subjectId, f.id), eq(reports.status, "done")))
      .orderBy(desc(reports.createdAt))
      .get();
    const formFile = form && report(form, d.unit.name);
    const label = `Điểm không phù hợp #${f.id} (${f.gradeCode}${f.clauseCode ? `, điều ${f.clauseCode}` : ""})`;
    if (form && formFile)
      papers.push({ folder: FOLDERS.actions, paper: `Phiếu yêu cầu hành động khắc phục: ${label}`, detail: `Mã xác thực ${form.verifyCode}`, file: formFile });
    else missing.push(`Phiếu yêu cầu hành động khắc phục: ${label} (chưa xuất PDF)`);
    const evidence = ctx.db
      .select({ f: files, actionId: correctiveActions.id, addedAt: caEvidence.addedAt })
      .from(caEvidence)
      .innerJoin(correctiveActions, eq(correctiveActions.id, caEvidence.actionId))
      .innerJoin(files, eq(files.id, caEvidence.fileId))
      .where(eq(correctiveActions.findingId, f.id))
      .orderBy(asc(caEvidence.id))
      .all();
    for (const e of evidence)
      papers.push({
        folder: FOLDERS.actions,
        paper: `Bằng chứng thực hiện hành động khắc phục #${e.actionId} (${label})`,
        detail: `Tải lên ngày ${vnDayText(vnDay(new Date(e.addedAt)))}`,
        file: blob(e.f),
      });
  }
  missing.push("Báo cáo kết quả kiểm tra của Đoàn kiểm tra (phần mềm chưa lưu giấy tờ này)");
  return { detail: d, papers, missing };
}

/**
 * The inspection's dossier as one ZIP stream: "00 Mục lục.pdf" (the index, listing every paper and where it lies)
 * then every paper's file in its folder. The download is recorded in the trail before the first byte is sent.
 */
export async function inspectionDossier(ctx: Ctx, inspectionId: number): Promise<{ fileName: string; stream: Readable }> {
  const { detail: d, papers, missing } = inspectionPapers(ctx, inspectionId);
  const i = d.inspection;
  const by = ctx.db.select().from(units).where(eq(units.id, i.byUnitId)).get()!;
  const meta = metaFor(
    ctx,
    by,
    { verifyCode: "", baseUrl: "", now: ctx.now },
    "Mục lục hồ sơ kiểm tra",
    `Kiểm tra hệ thống quản lý chất lượng tại ${d.unit.name}`,
  );
  const items: ZipItem[] = [];
  const listed: DossierIndexData["papers"] = [];
  for (const p of papers) {
    const name = p.file ? `${p.folder}/${p.file.name}` : null;
    if (p.file && name) items.push({ name, path: p.file.path });
    listed.push({ paper: p.paper, detail: p.detail, file: name, sha256: p.file?.sha256 ?? null });
  }
  const index = await renderDossierIndexPdf({
    meta: {
      ...meta,
      issuingBody: [`Ủy ban nhân dân ${lowerKind(by.name)}`, "Đoàn kiểm tra"],
      numberSuffix: "HS-ĐKT",
      place: by.placeName,
      createdAt: ctx.now,
      author: "ISO Xã",
    },
    about: [
      `Đơn vị được kiểm tra: ${d.unit.name}.`,
      `Đơn vị kiểm tra: ${d.byUnitName}. Quyết định kiểm tra số ${i.decisionNumber} ngày ${vnDayText(i.decisionOn)}.`,
      `Hồ sơ gồm tệp mục lục này và ${items.length} tệp, xếp theo thư mục.`,
    ],
    papers: listed,
    missing,
    closing: `Hồ sơ được lập từ phần mềm ISO Xã ngày ${vnDayText(vnDay(ctx.now))}. Mã SHA-256 giúp đối chiếu từng tệp với bản lưu trong phần mềm.`,
  });
  write(ctx, (tx) =>
    recordTrail(tx, ctx, {
      entity: "inspection",
      entityId: i.id,
      action: "download",
      unitId: i.unitId,
      after: { papers: listed.length, files: items.length },
    }),
  );
  // A decision number carries "/" ("215/QĐ-SKHCN"), which no file name may hold.
  const fileName = `Hồ sơ kiểm tra ${i.decisionNumber.replace(/[\\/]/g, "-")} - ${d.unit.name}.zip`;
  return { fileName, stream: zipStream([{ name: "00 Mục lục hồ sơ.pdf", bytes: index }, ...items], ctx.now) };
}
