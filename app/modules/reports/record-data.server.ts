import { aliasedTable, and, asc, desc, eq, inArray, like, lte } from "drizzle-orm";
import type { DB } from "#db/client";
import {
  auditChecklistItems,
  auditFindings,
  audits,
  auditScopeClauses,
  auditScopeProcesses,
  auditTeamMembers,
  caRequests,
  caReviews,
  caSignatures,
  conformityAnnouncements,
  correctiveActions,
  findingGrades,
  findings,
  inspectionFindings,
  inspections,
  inspectionTeamMembers,
  isoClauses,
  managementReviews,
  units,
  users,
  type RecordReportKind,
} from "#db/schema";
import type { AuditReportData, CorrectiveActionFormData, InspectionMinutesData, SignatureBlock } from "#templates/types";
import { translate } from "~/i18n";
import { NotFoundError } from "~/lib/errors";
import { vnDay } from "~/lib/time";
import { resultCounts } from "../audits/rules";
import { coversCurrent, signatureFault } from "../corrective-actions/signatures.server";
import { defaultActionDueOn } from "../inspections/rules";
import type { Ctx } from "../context";
import { lowerKind, metaFor, type MetaInput } from "./data.server";
import { signatureForAcknowledgement, vnDayText } from "./rules";
import { chairOf } from "./signers.server";

type UnitRow = typeof units.$inferSelect;
const vi = (key: string) => translate("vi", key);

function unitOf(db: DB, id: number): UnitRow {
  const u = db.select().from(units).where(eq(units.id, id)).get();
  if (!u) throw new NotFoundError("errors.notFound");
  return u;
}

const person = (p: { fullName: string; title: string | null; unitName?: string | null }) => [p.fullName, p.title, p.unitName].filter(Boolean).join(", ");

/** Which unit a record belongs to (the audited, inspected or finding's unit), or not found. */
export function recordUnitId(ctx: Ctx, kind: RecordReportKind, subjectId: number): number {
  const { db } = ctx;
  if (!Number.isSafeInteger(subjectId) || subjectId <= 0) throw new NotFoundError("errors.notFound");
  const row =
    kind === "audit"
      ? db.select({ unitId: audits.unitId }).from(audits).where(eq(audits.id, subjectId)).get()
      : kind === "minutes"
        ? db.select({ unitId: inspections.unitId }).from(inspections).where(eq(inspections.id, subjectId)).get()
        : db.select({ unitId: findings.unitId }).from(findings).where(eq(findings.id, subjectId)).get();
  if (!row) throw new NotFoundError("errors.notFound");
  return row.unitId;
}

// ----- (d) internal audit report -----

export function auditReportData(ctx: Ctx, auditId: number, m: MetaInput): AuditReportData {
  const { db } = ctx;
  const audit = db.select().from(audits).where(eq(audits.id, auditId)).get();
  if (!audit) throw new NotFoundError("errors.notFound");
  const unit = unitOf(db, audit.unitId);
  const withUnit = (id: number) =>
    db
      .select({ fullName: users.fullName, title: users.title, unitName: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.id, id))
      .get();
  const lead = withUnit(audit.leadAuditorId)!;
  const team = db
    .select({ fullName: users.fullName, title: users.title, unitName: units.name })
    .from(auditTeamMembers)
    .innerJoin(users, eq(users.id, auditTeamMembers.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(auditTeamMembers.auditId, audit.id))
    .orderBy(asc(users.fullName))
    .all();
  const clauses = db
    .select({ code: isoClauses.code, title: isoClauses.titleVi })
    .from(auditScopeClauses)
    .innerJoin(isoClauses, eq(isoClauses.code, auditScopeClauses.clauseCode))
    .where(eq(auditScopeClauses.auditId, audit.id))
    .orderBy(asc(isoClauses.sortOrder))
    .all();
  const processes = db.select().from(auditScopeProcesses).where(eq(auditScopeProcesses.auditId, audit.id)).orderBy(asc(auditScopeProcesses.sortOrder)).all();
  const items = db.select({ result: auditChecklistItems.result }).from(auditChecklistItems).where(eq(auditChecklistItems.auditId, audit.id)).all();
  const counts = resultCounts(items);
  const raised = db
    .select({
      grade: findingGrades.nameVi,
      gradeCode: findings.gradeCode,
      clause: findings.clauseCode,
      clauseTitle: isoClauses.titleVi,
      description: findings.description,
      evidence: findings.evidence,
    })
    .from(auditFindings)
    .innerJoin(findings, eq(findings.id, auditFindings.findingId))
    .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
    .leftJoin(isoClauses, eq(isoClauses.code, findings.clauseCode))
    .where(eq(auditFindings.auditId, audit.id))
    .orderBy(asc(findingGrades.sortOrder), asc(findings.id))
    .all();
  const byGrade = new Map<string, number>();
  for (const f of raised) byGrade.set(f.grade, (byGrade.get(f.grade) ?? 0) + 1);
  const gradeText = [...byGrade].map(([g, n]) => `${String(n).padStart(2, "0")} ${g.toLocaleLowerCase("vi-VN")}`).join(", ");
  const answered = items.length - counts.unanswered;
  const summary = [
    `Đoàn đánh giá đã đánh giá ${answered}/${items.length} câu hỏi của danh mục kiểm tra: ${counts.conforms} phù hợp, ${counts.nonconformity} không phù hợp, ${counts.observation} cần lưu ý, ${counts.not_applicable} không áp dụng.`,
    raised.length ? `Ghi nhận ${raised.length} phát hiện (${gradeText}).` : "Không ghi nhận phát hiện nào.",
  ].join(" ");
  const meta = metaFor(ctx, unit, m, "Báo cáo đánh giá nội bộ", audit.title);
  meta.numberSuffix = "BC-ĐGNB";
  meta.issuedOn = audit.reportedOn ?? meta.issuedOn;
  meta.recipients = [`Chủ tịch UBND ${lowerKind(unit.name)};`, "Các thành viên Đoàn đánh giá;", "Lưu: VT, ISO."];
  const chair = chairOf(ctx, unit.id);
  const unitHead: SignatureBlock = { capacity: "Đại diện đơn vị được đánh giá", title: chair ? "Chủ tịch" : "Thủ trưởng đơn vị", name: chair?.name ?? null };
  const year = audit.startOn.slice(0, 4);
  const status = vi(`audits.status.${audit.status}`);
  return {
    kind: "audit",
    meta,
    unit: { code: unit.code, name: unit.name },
    audit: {
      code: `ĐGNB-${year}-${String(audit.id).padStart(3, "0")}`,
      title: audit.title,
      objectives: audit.objectives,
      scope:
        [clauses.length ? `${clauses.length} điều khoản của TCVN ISO 9001:2015` : null, processes.length ? `${processes.length} quy trình` : null]
          .filter(Boolean)
          .join(" và ") || "—",
      clauses: clauses.map((c) => `${c.code} ${c.title}`),
      processes: processes.map((p) => (p.code ? `${p.code} – ${p.name}` : p.name)),
      criteria: "TCVN ISO 9001:2015; các quy trình, tài liệu của hệ thống quản lý chất lượng; quy định pháp luật liên quan",
      startedOn: audit.startOn,
      endedOn: audit.endOn,
      leadAuditor: person(lead),
      team: team.map(person),
      auditees: [`Ủy ban nhân dân ${lowerKind(unit.name)}`, ...processes.map((p) => p.code ?? p.name)],
    },
    checklist: {
      total: items.length,
      conforms: counts.conforms,
      nonconformity: counts.nonconformity,
      observation: counts.observation,
      notApplicable: counts.not_applicable,
      unanswered: counts.unanswered,
    },
    summary,
    findings: raised.map((f, i) => ({
      no: i + 1,
      clause: f.clause ?? "",
      clauseTitle: f.clauseTitle ?? "",
      grade: f.grade,
      description: f.description,
      evidence: f.evidence ?? "—",
    })),
    conclusion: audit.conclusion ?? `Cuộc đánh giá chưa có kết luận (trạng thái: ${status.toLocaleLowerCase("vi-VN")}).`,
    signatures: { leadAuditor: { capacity: "Đoàn đánh giá", title: "Trưởng đoàn", name: lead.fullName }, unitHead },
  };
}

// ----- (e) corrective action request form (one finding, its request and actions) -----

export function actionFormData(ctx: Ctx, findingId: number, m: MetaInput): CorrectiveActionFormData {
  const { db } = ctx;
  const f = db
    .select({ f: findings, grade: findingGrades.nameVi, clauseTitle: isoClauses.titleVi })
    .from(findings)
    .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
    .leftJoin(isoClauses, eq(isoClauses.code, findings.clauseCode))
    .where(eq(findings.id, findingId))
    .get();
  if (!f) throw new NotFoundError("errors.notFound");
  const finding = f.f;
  const unit = unitOf(db, finding.unitId);
  const request = db.select().from(caRequests).where(eq(caRequests.findingId, finding.id)).get();
  const raisedBy = finding.raisedById ? db.select({ n: users.fullName }).from(users).where(eq(users.id, finding.raisedById)).get()?.n : undefined;
  const owner = aliasedTable(users, "owner");
  const actions = db
    .select({ a: correctiveActions, ownerName: owner.fullName, ownerTitle: owner.title })
    .from(correctiveActions)
    .innerJoin(owner, eq(owner.id, correctiveActions.ownerId))
    .where(eq(correctiveActions.findingId, finding.id))
    .orderBy(asc(correctiveActions.id))
    .all();
  const ids = actions.map((x) => x.a.id);
  const signatures = ids.length ? db.select().from(caSignatures).where(inArray(caSignatures.actionId, ids)).orderBy(desc(caSignatures.id)).all() : [];
  const verifier = aliasedTable(users, "verifier");
  const reviews = ids.length
    ? db
        .select({ r: caReviews, by: verifier.fullName })
        .from(caReviews)
        .innerJoin(verifier, eq(verifier.id, caReviews.verifierId))
        .where(inArray(caReviews.actionId, ids))
        .orderBy(desc(caReviews.at), desc(caReviews.id))
        .all()
    : [];
  // The acknowledgement that counts: the newest signature of the action, while it still matches its content.
  // Issue 15: it counts while it covers the whole signed snapshot (which then is exactly what the form prints) and
  // its row is the one the trail recorded.
  const ackOf = (a: (typeof actions)[number]["a"]) => {
    const latest = signatures.find((s) => s.actionId === a.id);
    return latest && coversCurrent(db, latest, a) && !signatureFault(db, latest) ? latest : undefined;
  };
  const rows = actions.map((x, i) => {
    const ack = ackOf(x.a);
    const sig = ack ? signatureForAcknowledgement(ack.capacity, ack.signerTitle) : undefined;
    return {
      no: i + 1,
      description: x.a.description,
      owner: person({ fullName: x.ownerName, title: x.ownerTitle }),
      dueOn: x.a.dueOn,
      status: vi(`ca.status.${x.a.status}`),
      acknowledgement: ack && sig ? { by: `${sig.title} – ${ack.signerName}`, capacity: sig.capacity ?? "", on: vnDay(new Date(ack.signedAt)) } : null,
      ack,
      sig,
    };
  });
  const lastAck = rows.filter((r) => r.ack).sort((a, b) => b.ack!.signedAt - a.ack!.signedAt)[0];
  const latestReview = reviews[0];
  const whys = request?.whys ? (JSON.parse(request.whys) as string[]).filter((w) => w && w.trim()) : [];
  const meta = metaFor(ctx, unit, m, "Phiếu yêu cầu hành động khắc phục", `Phát hiện số ${finding.id} – ${vi(`findings.source.${finding.source}`)}`);
  meta.numberSuffix = "PYC-HĐKP";
  meta.recipients = ["Người thực hiện hành động khắc phục;", "Thư ký ISO;", "Lưu: VT, ISO."];
  // The leader who signed (in the capacity they chose) closes the form; before any signature, the chair's line is blank.
  meta.signature = lastAck ? { ...lastAck.sig!, name: lastAck.ack!.signerName } : { capacity: "Lãnh đạo phê duyệt", title: "Chủ tịch", name: null };
  const dueOn =
    finding.actionDueOn ??
    actions
      .map((x) => x.a.dueOn)
      .sort()
      .at(-1) ??
    finding.foundOn;
  return {
    kind: "action",
    meta,
    unit: { code: unit.code, name: unit.name },
    form: {
      number: String(finding.id),
      source: vi(`findings.source.${finding.source}`),
      foundOn: finding.foundOn,
      clause: finding.clauseCode ? `${finding.clauseCode} ${f.clauseTitle ?? ""}`.trim() : "—",
      grade: f.grade,
      finding: finding.description,
      evidence: finding.evidence ?? "—",
      requestedBy: raisedBy ?? "—",
      requestedOn: request ? vnDay(new Date(request.createdAt)) : finding.foundOn,
      dueOn,
      responsible: [...new Set(rows.map((r) => r.owner))].join("; ") || "—",
      correction: request?.correction ?? "Chưa ghi nhận.",
      whys,
      rootCause: request?.rootCause ?? (whys.at(-1) || "Chưa phân tích."),
      correctiveAction: rows.map((r) => r.description).join("; ") || "Chưa đề xuất.",
      actions: rows.map(({ ack: _a, sig: _s, ...r }) => r),
      acknowledgement: lastAck ? { by: lastAck.acknowledgement!.by, capacity: lastAck.acknowledgement!.capacity, on: lastAck.acknowledgement!.on } : null,
      verification: latestReview
        ? { by: latestReview.by, on: vnDay(new Date(latestReview.r.at)), effective: latestReview.r.outcome === "effective", note: latestReview.r.note }
        : null,
    },
  };
}

// ----- (f) inspection minutes -----

export function inspectionMinutesData(ctx: Ctx, inspectionId: number, m: MetaInput): InspectionMinutesData {
  const { db } = ctx;
  const i = db.select().from(inspections).where(eq(inspections.id, inspectionId)).get();
  if (!i) throw new NotFoundError("errors.notFound");
  const unit = unitOf(db, i.unitId);
  const by = unitOf(db, i.byUnitId);
  const team = db
    .select({ fullName: users.fullName, title: users.title, isLead: inspectionTeamMembers.isLead })
    .from(inspectionTeamMembers)
    .innerJoin(users, eq(users.id, inspectionTeamMembers.userId))
    .where(eq(inspectionTeamMembers.inspectionId, i.id))
    .orderBy(desc(inspectionTeamMembers.isLead), asc(users.fullName))
    .all();
  const lead = team.find((t) => t.isLead);
  const signedOn = i.minutesSignedOn;
  const day = signedOn ?? i.plannedOn ?? i.decisionOn;
  const dueOn = defaultActionDueOn(day);
  const written = db
    .select({ clause: findings.clauseCode, grade: findingGrades.nameVi, description: findings.description, dueOn: findings.actionDueOn })
    .from(inspectionFindings)
    .innerJoin(findings, eq(findings.id, inspectionFindings.findingId))
    .innerJoin(findingGrades, eq(findingGrades.code, findings.gradeCode))
    .where(eq(inspectionFindings.inspectionId, i.id))
    .orderBy(asc(findings.id))
    .all();
  // The unit's side: its chair and its ISO officers.
  const reps = db
    .select({ fullName: users.fullName, title: users.title, role: users.role })
    .from(users)
    .where(and(eq(users.unitId, unit.id), eq(users.active, true), inArray(users.role, ["leader", "officer"])))
    .orderBy(asc(users.role), asc(users.fullName))
    .all()
    .filter((u) => (u.role === "leader" && (u.title ?? "").startsWith("Chủ tịch")) || (u.role === "officer" && /ISO/.test(u.title ?? "")));
  const chair = chairOf(ctx, unit.id);
  // What the minutes can state from the records as they stood on the day (form 21's checks).
  const announced = db
    .select()
    .from(conformityAnnouncements)
    .where(and(eq(conformityAnnouncements.unitId, unit.id), lte(conformityAnnouncements.decidedOn, day)))
    .orderBy(desc(conformityAnnouncements.decidedOn))
    .get();
  const year = day.slice(0, 4);
  const audit = db
    .select({ reportedOn: audits.reportedOn, startOn: audits.startOn })
    .from(audits)
    .where(and(eq(audits.unitId, unit.id), like(audits.startOn, `${year}-%`), lte(audits.startOn, day)))
    .orderBy(desc(audits.startOn))
    .get();
  const review = db
    .select({ heldOn: managementReviews.heldOn })
    .from(managementReviews)
    .where(and(eq(managementReviews.unitId, unit.id), like(managementReviews.heldOn, `${year}-%`), lte(managementReviews.heldOn, day)))
    .orderBy(desc(managementReviews.heldOn))
    .get();
  const checks = [
    {
      item: "Công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015",
      result: announced ? `Đã công bố theo Quyết định số ${announced.decisionNumber} ngày ${vnDayText(announced.decidedOn)}` : "Chưa có quyết định công bố",
    },
    {
      item: `Đánh giá nội bộ năm ${year}`,
      result: audit
        ? audit.reportedOn && audit.reportedOn <= day
          ? `Đã thực hiện, báo cáo ngày ${vnDayText(audit.reportedOn)}`
          : `Đang thực hiện (bắt đầu ${vnDayText(audit.startOn)})`
        : "Chưa thực hiện",
    },
    { item: `Xem xét của lãnh đạo năm ${year}`, result: review ? `Đã thực hiện ngày ${vnDayText(review.heldOn)}` : "Chưa thực hiện" },
    {
      item: "Các điểm không phù hợp ghi nhận tại biên bản",
      result: written.length ? `${String(written.length).padStart(2, "0")} điểm (chi tiết dưới đây)` : "Không có",
    },
  ];
  const skhcn = /SKHCN/i.test(i.decisionNumber);
  const issuer = skhcn ? "Giám đốc Sở Khoa học và Công nghệ" : `Chủ tịch Ủy ban nhân dân ${lowerKind(by.name)}`;
  const meta = metaFor(ctx, by, m, "Biên bản kiểm tra", "Việc áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015");
  meta.issuingBody = skhcn ? [`Ủy ban nhân dân ${lowerKind(by.name)}`, "Sở Khoa học và Công nghệ"] : [`Ủy ban nhân dân ${lowerKind(by.name)}`, "Đoàn kiểm tra"];
  // The people's committee above is the superior body (regular, on its own line); the team or department issues.
  meta.superiorLines = 1;
  meta.numberSuffix = "BB-ĐKT";
  meta.place = unit.placeName;
  meta.issuedOn = day;
  meta.recipients = [`Ủy ban nhân dân ${lowerKind(unit.name)};`, "Thành viên Đoàn kiểm tra;", "Lưu: VT."];
  meta.signature = { capacity: "Đoàn kiểm tra", title: "Trưởng đoàn", name: lead?.fullName ?? null };
  return {
    kind: "minutes",
    meta,
    unit: { code: unit.code, name: `Ủy ban nhân dân ${lowerKind(unit.name)}` },
    minutes: {
      decision: `Quyết định số ${i.decisionNumber} ngày ${vnDayText(i.decisionOn)} của ${issuer}`,
      heldOn: day,
      place: i.method === "on_site" ? `trụ sở Ủy ban nhân dân ${lowerKind(unit.name)}` : `${by.name} (kiểm tra qua báo cáo)`,
      inspectors: team.map((t) => ({ name: t.fullName, title: `${t.title ?? "Thành viên"}, ${t.isLead ? "Trưởng đoàn" : "thành viên"}` })),
      unitRepresentatives: reps.map((r) => ({ name: r.fullName, title: r.title ?? "" })),
      checks,
      summary: i.minutesSummary ?? (signedOn ? undefined : "Biên bản chưa được hai bên ký; nội dung dưới đây là bản dự thảo."),
      findings: written.map((f, n) => ({ no: n + 1, clause: f.clause ?? "—", grade: f.grade, description: f.description, dueOn: f.dueOn ?? dueOn })),
      conclusion: written.length
        ? `Ủy ban nhân dân ${lowerKind(unit.name)} đã áp dụng hệ thống quản lý chất lượng; còn ${String(written.length).padStart(2, "0")} điểm không phù hợp cần khắc phục.`
        : `Ủy ban nhân dân ${lowerKind(unit.name)} đã áp dụng, duy trì hệ thống quản lý chất lượng phù hợp với TCVN ISO 9001:2015.`,
      requests: written.length ? ["Thực hiện hành động khắc phục đối với từng điểm không phù hợp nêu trên, lưu hồ sơ bằng chứng."] : [],
      correctiveReportDueOn: dueOn,
    },
    signatures: {
      inspectorSide: { capacity: "Đoàn kiểm tra", title: "Trưởng đoàn", name: lead?.fullName ?? null },
      unitSide: { capacity: "Đại diện đơn vị", title: chair ? "Chủ tịch" : "Thủ trưởng đơn vị", name: chair?.name ?? null },
    },
  };
}

/** The data of a record's PDF (an audit report, a corrective action request form, inspection minutes). */
export function recordReportData(ctx: Ctx, kind: RecordReportKind, subjectId: number, m: MetaInput) {
  if (kind === "audit") return auditReportData(ctx, subjectId, m);
  if (kind === "action") return actionFormData(ctx, subjectId, m);
  return inspectionMinutesData(ctx, subjectId, m);
}
