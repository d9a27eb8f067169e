import { makeCtx } from "~/modules/context.server";
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { auditChecklistItems, files, fileTables, inspections, procedures, qualityObjectives, reports, serviceFigures, users, type Role } from "#db/schema";
import { insertFinding } from "#db/seed-actions";
import { addCorrectiveAction } from "~/modules/corrective-actions/add-action.server";
import { saveCaRequest } from "~/modules/corrective-actions/save-request.server";
import { createDocument } from "~/modules/documents/create-document.server";
import { createLegalChange } from "~/modules/documents/legal-changes.server";
import { approveRevision, recordRevisionReview, submitRevision } from "~/modules/documents/workflow.server";
import { createProcedure } from "~/modules/procedures/save-procedure.server";
import { planAudit } from "~/modules/audits/plan.server";
import { eq } from "drizzle-orm";
import type { Fixture, FormValues, Rel, Unit } from "./harness";
import { REPORTS2_SPECS } from "./specs-reports2";
import { demoCertificate, toPkcs12 } from "~/modules/certificates/pkcs12.server";
import { DASHBOARD_SPECS } from "./specs-dashboard";
import { PUBLIC_SPECS } from "./specs-public";

// One PKCS#12 file for every upload of the matrix (making a key pair costs a few hundred milliseconds).
let p12: Buffer | undefined;
function demoP12(): Uint8Array<ArrayBuffer> {
  p12 ??= toPkcs12(demoCertificate("Đơn vị thử", new Date("2026-01-01T00:00:00Z")), "MatKhau#2026");
  return new Uint8Array(p12);
}

/**
 * What each route must answer, per role and per relation of the target record's unit to the person's unit.
 * Every route file of the app needs an entry here: the matrix test fails on a route without one.
 *
 * - `read`: who may load the page at all ("public" = no sign-in needed; "any" = every signed-in role).
 *   With `params`, the target is a record of a unit, and reading is allowed only when that unit is the person's
 *   own or below it (sibling, parent, other province: 403/404).
 * - `list`: the page lists records; its data must never contain a token of a unit outside the person's scope.
 * - `actions`: each mutation, with who may do it; an allowed one must succeed (a trail row is written), a
 *   refused one must answer 400/403/404 and change nothing.
 */
export type ActionSpec = {
  name: string;
  roles: Role[] | "any";
  form: (f: Fixture, target: Unit, n: number) => FormValues;
  multipart?: boolean;
  /** Skip structurally impossible combinations (e.g. a unit under a commune). */
  applicable?: (target: Unit) => boolean;
  /** The action changes something other than the trail (jobs): check the status only. */
  noTrail?: boolean;
  /** On a route without a record param, the form names a target unit: exercise it for every relation. */
  targetInForm?: boolean;
};
export type RouteSpec = {
  read: "public" | "any" | "redirect" | Role[];
  params?: (f: Fixture, target: Unit) => Record<string, string>;
  /** The target record is named in the query string instead of the path. */
  query?: (f: Fixture, target: Unit) => Record<string, string>;
  /** Relations that may read (default: own and child); e.g. only the unit's own leader confirms effectiveness. */
  readRels?: Rel[];
  /** Answers that also count as "allowed" (e.g. 412: the page exists for you but a step must come first). */
  allowedStatuses?: number[];
  /** A route that takes no unit-bound record (its actions may still name a target unit in the form). */
  list?: boolean;
  actions?: ActionSpec[];
  /** Actions not exercised here, with the reason (e.g. sign-in has its own tests). */
  actionsCoveredElsewhere?: string;
  /**
   * A public route asked anonymously about every unit of the fixture: it answers 200 (or one of `statuses`) and its
   * answer holds none of the private marks (specs-public.ts: findings, actions, accounts, file names…).
   */
  anonymous?: {
    params?: (f: Fixture, target: Unit) => Record<string, string>;
    query?: (f: Fixture, target: Unit) => Record<string, string>;
    statuses?: number[];
  };
};

const unitForm = (_f: Fixture, target: Unit, n: number, kind: string) => ({
  code: `M${n}-${target.code}`,
  name: `Đơn vị thử ${n}`,
  kind,
  parentId: String(target.id),
  placeName: "Thử",
});

function fileIn(f: Fixture, target: Unit): number {
  const key = `file:${target.code}`;
  if (f.memo.has(key)) return f.memo.get(key) as number;
  const bytes = Buffer.from(`%PDF-1.4 ${target.token}`);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const dir = path.join(f.dataDir, "files", sha.slice(0, 2));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, sha), bytes);
  const row = f.db
    .insert(files)
    .values({
      sha256: sha,
      size: bytes.length,
      mime: "application/pdf",
      ext: "pdf",
      originalName: `${target.token}.pdf`,
      unitId: target.id,
      createdAt: f.now.getTime(),
    })
    .returning()
    .get();
  f.memo.set(key, row.id);
  return row.id;
}

/** A CSV of one month's figures for the target unit, uploaded as a file in that unit. */
function figuresFileIn(f: Fixture, target: Unit): number {
  const key = `figfile:${target.code}`;
  if (f.memo.has(key)) return f.memo.get(key) as number;
  const csv = `Mã đơn vị,Tháng,Tiếp nhận,Trước hạn,Đúng hạn,Quá hạn,Trực tuyến,Qua BCCI\n${target.code},01/2026,10,5,5,0,3,2\n`;
  const bytes = Buffer.from(csv);
  const sha = createHash("sha256").update(bytes).digest("hex");
  fs.mkdirSync(path.join(f.dataDir, "files", sha.slice(0, 2)), { recursive: true });
  fs.writeFileSync(path.join(f.dataDir, "files", sha.slice(0, 2), sha), bytes);
  const row = f.db
    .insert(files)
    .values({ sha256: sha, size: bytes.length, mime: "text/csv", ext: "csv", originalName: "so-lieu.csv", unitId: target.id, createdAt: f.now.getTime() })
    .returning()
    .get();
  // The rows read from it at upload (issue 16: the preview and the import read these, never the file again).
  f.db
    .insert(fileTables)
    .values({
      fileId: row.id,
      content: {
        headers: ["Mã đơn vị", "Tháng", "Tiếp nhận", "Trước hạn", "Đúng hạn", "Quá hạn", "Trực tuyến", "Qua BCCI"],
        rows: [{ line: 2, cells: [target.code, "01/2026", "10", "5", "5", "0", "3", "2"] }],
      },
      createdAt: f.now.getTime(),
    })
    .run();
  // Figures already stored for the unit, named with its token, so the lists have something to leak.
  f.db
    .insert(serviceFigures)
    .values({
      unitId: target.id,
      month: "2026-02",
      received: 1,
      resolvedEarly: 1,
      resolvedOnTime: 0,
      resolvedOverdue: 0,
      receivedOnline: 0,
      returnedByPost: 0,
      createdAt: 0,
      updatedAt: 0,
    })
    .onConflictDoNothing()
    .run();
  f.memo.set(key, row.id);
  return row.id;
}

function objectiveIn(f: Fixture, target: Unit): number {
  const key = `objective:${target.code}`;
  if (f.memo.has(key)) return f.memo.get(key) as number;
  const row = f.db
    .insert(qualityObjectives)
    .values({ unitId: target.id, year: 2026, title: `Mục tiêu ${target.token}`, measure: "on_time_rate", target: 100, createdAt: 0, updatedAt: 0 })
    .returning()
    .get();
  f.memo.set(key, row.id);
  return row.id;
}

/** An open major nonconformity in the target unit (a fresh one when `fresh`, else one per unit). */
export function findingIn(f: Fixture, target: Unit, fresh = false): number {
  const key = `finding:${target.code}`;
  if (!fresh && f.memo.has(key)) return f.memo.get(key) as number;
  const row = insertFinding(
    f.db,
    {
      unitCode: target.code,
      source: "internal_audit",
      grade: "major",
      description: `Phát hiện ${target.token}`,
      foundOn: "2026-10-01",
      actionDueOn: "2027-01-31",
    },
    f.now,
  );
  saveCaRequest(makeCtx(f.db, { kind: "system", name: "fixture" }, f.now), row.id, {
    correction: "Khắc phục ngay",
    rootCauseMethod: "free_text",
    rootCause: "Thiếu phân công",
  });
  if (!fresh) f.memo.set(key, row.id);
  return row.id;
}

/** A proposed corrective action in the target unit, owned by its officer. */
function actionIn(f: Fixture, target: Unit, fresh = false): number {
  const key = `action:${target.code}`;
  if (!fresh && f.memo.has(key)) return f.memo.get(key) as number;
  const ctx = makeCtx(f.db, { kind: "system" as const, name: "fixture" }, f.now);
  const a = addCorrectiveAction(ctx, findingIn(f, target, fresh), {
    description: `Hành động ${target.token}`,
    ownerId: f.officerOf[target.code],
    dueOn: "2027-01-31",
  });
  if (!fresh) f.memo.set(key, a.id);
  return a.id;
}

/** A finished report of the target unit, with its PDF on disk. */
function reportIn(f: Fixture, target: Unit): number {
  const key = `report:${target.code}`;
  if (f.memo.has(key)) return f.memo.get(key) as number;
  const bytes = Buffer.from(`%PDF-1.4 report ${target.token}`);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const rel = `2026/matrix-${target.code}.pdf`;
  fs.mkdirSync(path.join(f.dataDir, "reports", "2026"), { recursive: true });
  fs.writeFileSync(path.join(f.dataDir, "reports", rel), bytes);
  const t = f.now.getTime();
  const row = f.db
    .insert(reports)
    .values({
      kind: "unit",
      unitId: target.id,
      periodKey: "2026-10",
      status: "done",
      trigger: "manual",
      verifyCode: `M${target.code}X`,
      sha256: sha,
      size: bytes.length,
      pages: 1,
      file: rel,
      createdAt: t,
      startedAt: t,
      finishedAt: t,
    })
    .returning()
    .get();
  f.memo.set(key, row.id);
  return row.id;
}

let spare = 0;
function spareUserIn(f: Fixture, target: Unit): number {
  const t = f.now.getTime();
  return f.db
    .insert(users)
    .values({
      username: `spare${++spare}.${target.code.toLowerCase()}`,
      fullName: "Dự phòng",
      unitId: target.id,
      role: "officer",
      passwordHash: "x",
      passwordChangedAt: t,
      createdAt: t,
      updatedAt: t,
    })
    .returning()
    .get().id;
}

const sys = (f: Fixture) => makeCtx(f.db, { kind: "system" as const, name: "fixture" }, f.now);
const pdf = (name: string) => new File([`%PDF-1.4\n% ${name}\n1 0 obj\n<<>>\nendobj\n`], `${name}.pdf`, { type: "application/pdf" });

/** A process document (with its draft revision 1), a legal change and a procedure in the target unit. */
async function documentsIn(f: Fixture, target: Unit) {
  const ctx = sys(f);
  const { document: doc, revision: rev } = await createDocument(ctx, {
    unitId: target.id,
    code: `QT ${target.code}`,
    title: `Quy trình ${target.token}`,
    kind: "process",
    owner: "Văn phòng",
    reviewCycleMonths: 12,
    clauseCodes: ["8.1"],
    procedureIds: [],
    changeSummary: "Ban hành lần đầu",
    file: pdf(target.code),
  });
  // Take it through the workflow so it is in force (a periodic review needs an effective document).
  submitRevision(ctx, doc.id, rev.id);
  recordRevisionReview(ctx, doc.id, rev.id, "Đạt");
  approveRevision(ctx, doc.id, rev.id, "2026-08-01");
  const legal = createLegalChange(ctx, {
    unitId: target.id,
    textNumber: `01/${target.code}`,
    title: `Văn bản ${target.token}`,
    effectiveOn: "2026-09-01",
    documentIds: [doc.id],
  });
  const proc = createProcedure(ctx, {
    unitId: target.id,
    code: `TTHC-${target.code}`,
    name: `Thủ tục ${target.token}`,
    field: "Hộ tịch",
    onlineLevel: "none",
    active: true,
  });
  f.memo.set(`doc:${target.code}`, { doc: doc.id, rev: rev.id, legal: legal.id, proc: proc.id });
}
const docOf = (f: Fixture, t: Unit) => f.memo.get(`doc:${t.code}`) as { doc: number; rev: number; legal: number; proc: number };
const docForm = (t: Unit, n: number) => ({
  unitId: String(t.id),
  code: `QT M${n}`,
  title: `Quy trình thử ${n}`,
  kind: "process",
  owner: "Văn phòng",
  reviewCycleMonths: "12",
  clauseCodes: ["8.1"],
});

/** A planned internal audit of the target unit (led by an officer of the other province: independent) and an inspection. */
function auditsIn(f: Fixture, target: Unit) {
  const ctx = sys(f);
  const lead = auditorOf(f, target.path.startsWith(f.unit.P1.path) ? f.unit.P2 : f.unit.P1);
  const audit = planAudit(ctx, {
    unitId: target.id,
    title: `Đánh giá ${target.token}`,
    startOn: "2026-11-10",
    endOn: "2026-11-12",
    leadAuditorId: lead,
    teamIds: [],
    clauseCodes: ["8.5"],
    processes: undefined,
    objectives: undefined,
  });
  const item = f.db.select({ id: auditChecklistItems.id }).from(auditChecklistItems).where(eq(auditChecklistItems.auditId, audit.id)).get()!;
  const t = f.now.getTime();
  const insp = f.db
    .insert(inspections)
    .values({
      unitId: target.id,
      byUnitId: target.id,
      method: "on_site",
      decisionNumber: `${target.code}/QĐ-SKHCN`,
      decisionOn: "2026-08-01",
      createdAt: t,
      updatedAt: t,
    })
    .returning()
    .get();
  f.memo.set(`audit:${target.code}`, { audit: audit.id, item: item.id, inspection: insp.id });
}
/** An auditor of another province, with a plain name: cross-unit auditors are named on the audits they lead. */
function auditorOf(f: Fixture, unit: Unit): number {
  const key = `auditor:${unit.code}`;
  if (!f.memo.has(key)) {
    const t = f.now.getTime();
    f.memo.set(
      key,
      f.db
        .insert(users)
        .values({
          username: `auditor.${unit.code.toLowerCase()}`,
          fullName: "Chuyên gia đánh giá",
          unitId: unit.id,
          role: "officer",
          passwordHash: "x",
          passwordChangedAt: t,
          createdAt: t,
          updatedAt: t,
        })
        .returning()
        .get().id,
    );
  }
  return f.memo.get(key) as number;
}
export const auditOf = (f: Fixture, t: Unit) => f.memo.get(`audit:${t.code}`) as { audit: number; item: number; inspection: number };
const auditsCovered =
  "workflow and write pages: tests/integration/audits-routes.test.ts (sibling 404 on every detail route, 403 on write pages) and audits*.test.ts";

export async function seedListRecords(f: Fixture) {
  for (const u of Object.values(f.unit)) {
    figuresFileIn(f, u);
    objectiveIn(f, u);
    actionIn(f, u);
    reportIn(f, u);
    await documentsIn(f, u);
    auditsIn(f, u);
  }
}

const objectiveForm = (t: Unit) => ({ unitId: String(t.id), year: "2026", title: "Tỷ lệ đúng hạn 100%", measure: "on_time_rate", target: "100" });

export const SPECS: Record<string, RouteSpec> = {
  root: { read: "public" },
  "routes/$": { read: "public" },
  "routes/healthz": { read: "public" },
  "routes/login": { read: "public", actionsCoveredElsewhere: "sign-in: tests/integration/auth.test.ts and e2e" },
  "routes/logout": { read: "redirect", actionsCoveredElsewhere: "ends only the caller's own session" },
  "routes/lang": { read: "redirect", actionsCoveredElsewhere: "sets only the caller's language cookie" },
  "routes/_index": { read: "any", list: true },
  "routes/account": {
    read: "any",
    actions: [
      {
        name: "change own password (wrong current password)",
        roles: [],
        form: () => ({ currentPassword: "wrong", newPassword: "NewPass#2026", confirmPassword: "NewPass#2026" }),
      },
    ],
  },
  "routes/units._index": { read: "any", list: true },
  "routes/units.new": {
    read: ["admin"],
    list: true,
    actions: [
      {
        name: "create a unit under the target",
        roles: ["admin"],
        applicable: (t) => !t.code.startsWith("C"),
        targetInForm: true,
        form: (f, t, n) => unitForm(f, t, n, "department"),
      },
    ],
  },
  "routes/units.$id._index": { read: "any", params: (_f, t) => ({ id: String(t.id) }) },
  // A unit's complete export: its administrator, officer or leader (and those above it), never an inspector.
  "routes/units.$id.export": { read: ["admin", "officer", "leader"], params: (_f, t) => ({ id: String(t.id) }) },
  "routes/units.$id.edit": {
    read: ["admin"],
    params: (_f, t) => ({ id: String(t.id) }),
    actions: [
      {
        name: "edit the unit",
        roles: ["admin"],
        form: (f, t) => {
          const kind = t.code.startsWith("P") ? "province" : t.code.startsWith("D") ? "district" : "commune";
          const parentCode =
            t.code === "C11" || t.code === "C12" ? "D1" : t.code === "C21" ? "D2" : t.code === "C31" ? "P2" : t.code.startsWith("D") ? "P1" : undefined;
          return {
            code: t.code,
            name: `Đơn vị ${t.token} (sửa)`,
            kind,
            placeName: t.code,
            ...(parentCode ? { parentId: String(f.unit[parentCode as "P1"].id) } : {}),
          };
        },
      },
    ],
  },
  "routes/units.$id.certificate": {
    read: ["admin"],
    params: (_f, t) => ({ id: String(t.id) }),
    actions: [
      {
        name: "install a signing certificate for the unit",
        roles: ["admin"],
        multipart: true,
        form: () => ({ file: new File([demoP12()], "chung-thu.p12", { type: "application/x-pkcs12" }), passphrase: "MatKhau#2026" }),
      },
    ],
  },
  "routes/admin.users._index": { read: ["admin"], list: true },
  "routes/admin.users.new": {
    read: ["admin"],
    list: true,
    actions: [
      {
        name: "create an account in the target unit",
        roles: ["admin"],
        targetInForm: true,
        form: (_f, t, n) => ({
          username: `new${n}.${t.code.toLowerCase()}`,
          fullName: "Người Mới",
          unitId: String(t.id),
          role: "officer",
          password: "MatKhau#2026",
        }),
      },
    ],
  },
  "routes/admin.users.$id._index": {
    read: ["admin"],
    params: (f, t) => ({ id: String(f.officerOf[t.code]) }),
    actions: [
      {
        name: "edit the account",
        roles: ["admin"],
        form: (_f, t) => ({
          username: `officer.${t.code.toLowerCase()}`,
          fullName: `Cán bộ ${t.token}`,
          unitId: String(t.id),
          role: "officer",
          title: "Thư ký ISO",
        }),
      },
    ],
  },
  "routes/admin.users.$id.password": {
    read: ["admin"],
    params: (f, t) => ({ id: String(f.officerOf[t.code]) }),
    actions: [{ name: "reset the password", roles: ["admin"], form: () => ({ password: "DatLai#2026" }) }],
  },
  "routes/admin.users.$id.active": {
    read: "redirect",
    // A spare account per call: deactivating the unit's officer would break the other routes' fixtures.
    params: (f, t) => ({ id: String(spareUserIn(f, t)) }),
    actions: [{ name: "deactivate the account", roles: ["admin"], form: () => ({ active: "0" }) }],
  },
  "routes/admin.users.$id.move": {
    read: "redirect",
    params: (f, t) => ({ id: String(f.officerOf[t.code]) }),
    // The fixture's units have not ended, so the move is refused here for everyone; who may move whom, and where,
    // is tested on the demo's dissolved district in tests/integration/reform.test.ts.
    actionsCoveredElsewhere: "tests/integration/reform.test.ts (an account of an ended unit moved to a unit formed from it)",
  },
  "routes/admin.trail": { read: ["admin", "inspector"], list: true },
  "routes/admin.jobs": {
    read: ["admin"],
    actions: [{ name: "run a job now", roles: ["admin"], form: () => ({ job: "nightly-housekeeping" }), noTrail: true }],
  },
  "routes/compliance._index": { read: "any", list: true },
  "routes/compliance.$unitId": { read: "any", params: (_f, t) => ({ unitId: String(t.id) }) },
  "routes/corrective-actions._index": { read: "any", list: true },
  "routes/corrective-actions.$id": {
    read: "any",
    params: (f, t) => ({ id: String(actionIn(f, t)) }),
    actions: [
      {
        name: "edit the action",
        roles: ["officer"],
        form: (f, t, n) => ({ intent: "edit", description: `Hành động ${t.token} v${n}`, ownerId: String(f.officerOf[t.code]), dueOn: "31/01/2027" }),
      },
    ],
  },
  "routes/corrective-actions.$id_.acknowledge": {
    read: ["leader"],
    // A fresh proposed action per signature: each one can be signed once.
    params: (f, t) => ({ id: String(actionIn(f, t, true)) }),
    actions: [{ name: "sign the acknowledgement", roles: ["leader"], form: () => ({ password: "MatrixPass#1", capacity: "own", comment: "Đồng ý" }) }],
  },
  "routes/corrective-actions.settings": {
    read: ["admin"],
    actions: [{ name: "set the escalation delay", roles: ["admin"], form: (_f, _t, n) => ({ escalateAfterDays: String(7 + (n % 20)) }) }],
  },
  "routes/findings.$id_.actions": {
    read: "any",
    params: (f, t) => ({ id: String(findingIn(f, t)) }),
    actions: [
      {
        name: "write the correction and root cause",
        roles: ["officer"],
        form: () => ({ intent: "request", correction: "Bổ sung hồ sơ", rootCauseMethod: "free_text", rootCause: "Chưa phân công" }),
      },
      {
        name: "add an action",
        roles: ["officer"],
        form: (f, t) => ({ intent: "action", description: "Phân công rà soát", ownerId: String(f.officerOf[t.code]), dueOn: "31/01/2027" }),
      },
    ],
  },
  "routes/inbox": { read: "any", list: true },
  "routes/audits._index": { read: "any", list: true },
  "routes/audits.new": { read: ["officer"], actionsCoveredElsewhere: auditsCovered },
  "routes/audits.plan": { read: ["officer"], actionsCoveredElsewhere: auditsCovered },
  "routes/audits.programme": { read: "any", query: (_f, t) => ({ unit: String(t.id), year: "2026" }), actionsCoveredElsewhere: auditsCovered },
  "routes/audits.$id._index": { read: "any", params: (f, t) => ({ id: String(auditOf(f, t).audit) }), actionsCoveredElsewhere: auditsCovered },
  "routes/audits.$id.edit": { read: ["officer"], params: (f, t) => ({ id: String(auditOf(f, t).audit) }), actionsCoveredElsewhere: auditsCovered },
  "routes/audits.$id.checklist": { read: "any", params: (f, t) => ({ id: String(auditOf(f, t).audit) }), actionsCoveredElsewhere: auditsCovered },
  "routes/audits.$id.items.$itemId.finding": {
    read: [],
    params: (f, t) => ({ id: String(auditOf(f, t).audit), itemId: String(auditOf(f, t).item) }),
    actionsCoveredElsewhere: "only the audit team raises findings: audits.test.ts",
  },
  "routes/inspections._index": { read: "any", list: true },
  "routes/inspections.new": { read: ["inspector"], actionsCoveredElsewhere: auditsCovered },
  "routes/inspections.plan": { read: ["inspector"], actionsCoveredElsewhere: auditsCovered },
  "routes/inspections.$id._index": {
    read: "any",
    params: (f, t) => ({ id: String(auditOf(f, t).inspection) }),
    actionsCoveredElsewhere: "the report back on corrective actions (who, scope, dates): audits-findings-due.test.ts",
  },
  // The dossier ZIP of an inspection: whoever reads the inspection (its unit and above), never a sibling or a parent.
  "routes/inspections.$id.dossier": { read: "any", params: (f, t) => ({ id: String(auditOf(f, t).inspection) }) },
  "routes/inspections.$id.minutes": {
    read: ["inspector"],
    params: (f, t) => ({ id: String(auditOf(f, t).inspection) }),
    actionsCoveredElsewhere: auditsCovered,
  },
  "routes/inspections.$id.findings.new": {
    read: ["inspector"],
    allowedStatuses: [412],
    params: (f, t) => ({ id: String(auditOf(f, t).inspection) }),
    actionsCoveredElsewhere: auditsCovered,
  },
  "routes/findings._index": { read: "any", list: true },
  "routes/findings.new": {
    read: ["officer"],
    actions: [
      {
        name: "record a complaint finding",
        roles: ["officer"],
        targetInForm: true,
        form: (_f, t) => ({
          unitId: String(t.id),
          source: "complaint",
          gradeCode: "minor",
          clauseCode: "8.5",
          description: "Người dân phản ánh trả kết quả trễ hẹn",
          foundOn: "20/11/2026",
        }),
      },
    ],
  },
  "routes/findings.due-policy": {
    read: ["officer"],
    list: true,
    actions: [
      {
        name: "set the unit's due date policy",
        roles: ["officer"],
        form: (_f, _t, n) => ({ majorDays: String(20 + (n % 10)), minorDays: "60", otherDays: "90" }),
      },
    ],
  },
  "routes/findings.$id._index": {
    read: "any",
    params: (f, t) => ({ id: String(findingIn(f, t)) }),
    actionsCoveredElsewhere: "moving a finding's due date (reason, who, scope): audits-findings-due.test.ts",
  },
  "routes/qms._index": { read: "any", list: true },
  "routes/qms.$unitId._index": { read: "any", params: (_f, t) => ({ unitId: String(t.id) }) },
  "routes/qms.$unitId.review": { read: ["officer"], params: (_f, t) => ({ unitId: String(t.id) }), actionsCoveredElsewhere: auditsCovered },
  "routes/qms.$unitId.announce": { read: ["officer"], params: (_f, t) => ({ unitId: String(t.id) }), actionsCoveredElsewhere: auditsCovered },
  "routes/qms.$unitId.confirm": {
    read: ["leader"],
    readRels: ["own"],
    params: (_f, t) => ({ unitId: String(t.id) }),
    actionsCoveredElsewhere: "only a leader of the unit itself confirms: audits-qms tests",
  },
  "routes/documents._index": { read: "any", list: true },
  "routes/documents.new": {
    read: ["officer"],
    actions: [
      {
        name: "create a document with its PDF",
        roles: ["officer"],
        targetInForm: true,
        form: (_f, t, n) => ({ ...docForm(t, n), changeSummary: "Ban hành", file: pdf(`m${n}`) }),
      },
    ],
  },
  "routes/documents.$id._index": { read: "any", params: (f, t) => ({ id: String(docOf(f, t).doc) }) },
  "routes/documents.$id.edit": {
    read: ["officer"],
    params: (f, t) => ({ id: String(docOf(f, t).doc) }),
    actions: [{ name: "edit the register entry", roles: ["officer"], form: (_f, t, n) => ({ ...docForm(t, n), code: `QT ${t.code}` }) }],
  },
  "routes/documents.$id.review": {
    read: ["officer", "leader"],
    params: (f, t) => ({ id: String(docOf(f, t).doc) }),
    actions: [{ name: "record a periodic review", roles: ["officer", "leader"], form: () => ({ reviewedOn: "20/11/2026", outcome: "still_valid" }) }],
  },
  "routes/documents.$id.withdraw": {
    read: ["leader"],
    params: (f, t) => ({ id: String(docOf(f, t).doc) }),
    actionsCoveredElsewhere: "withdrawal: tests/integration/documents.test.ts",
  },
  "routes/documents.$id.revisions.new": {
    read: ["officer"],
    params: (f, t) => ({ id: String(docOf(f, t).doc) }),
    actionsCoveredElsewhere: "drafting: tests/integration/documents.test.ts",
  },
  "routes/documents.$id.revisions.$revId._index": {
    read: "any",
    params: (f, t) => ({ id: String(docOf(f, t).doc), revId: String(docOf(f, t).rev) }),
    actionsCoveredElsewhere: "submit/review/return/approve/activate: tests/integration/documents.test.ts and documents-routes.test.ts",
  },
  "routes/documents.$id.revisions.$revId.file": { read: "any", params: (f, t) => ({ id: String(docOf(f, t).doc), revId: String(docOf(f, t).rev) }) },
  "routes/documents.legal._index": { read: "any", list: true },
  "routes/documents.legal.new": {
    read: ["officer"],
    actions: [
      {
        name: "record a legal change",
        roles: ["officer"],
        targetInForm: true,
        form: (_f, t, n) => ({ unitId: String(t.id), textNumber: `${n}/2026/NĐ-CP`, title: "Nghị định thử", effectiveOn: "01/10/2026" }),
      },
    ],
  },
  "routes/documents.legal.$id._index": { read: "any", params: (f, t) => ({ id: String(docOf(f, t).legal) }) },
  "routes/documents.legal.$id.edit": {
    read: ["officer"],
    params: (f, t) => ({ id: String(docOf(f, t).legal) }),
    actions: [
      {
        name: "edit the legal change",
        roles: ["officer"],
        form: (_f, t) => ({ unitId: String(t.id), textNumber: `01/${t.code}`, title: `Văn bản ${t.token} (sửa)`, effectiveOn: "01/09/2026" }),
      },
    ],
  },
  "routes/procedures._index": { read: "any", list: true },
  "routes/procedures.new": {
    read: ["officer"],
    actions: [
      {
        name: "add a procedure",
        roles: ["officer"],
        targetInForm: true,
        form: (_f, t, n) => ({ unitId: String(t.id), code: `TT-${n}`, name: "Thủ tục thử", field: "Hộ tịch", onlineLevel: "none", active: "on" }),
      },
    ],
  },
  "routes/procedures.$id": {
    read: "any",
    params: (f, t) => ({ id: String(docOf(f, t).proc) }),
    actions: [
      {
        name: "edit the procedure",
        roles: ["officer"],
        form: (_f, t) => ({
          unitId: String(t.id),
          code: `TTHC-${t.code}`,
          name: `Thủ tục ${t.token} (sửa)`,
          field: "Hộ tịch",
          onlineLevel: "none",
          active: "on",
        }),
      },
    ],
  },
  "routes/procedures.import": { read: ["officer"], actionsCoveredElsewhere: "catalogue import: tests/integration/documents-procedures.test.ts" },
  "routes/admin.users.import": {
    read: ["admin"],
    actionsCoveredElsewhere: "account import (preview, one-time passwords, scope, first sign-in): tests/integration/people-import.test.ts",
  },
  "routes/documents.import": {
    read: ["officer"],
    actionsCoveredElsewhere: "bulk import (preview and import, roles, another unit, hostile archives): tests/integration/documents-bulk-import.test.ts",
  },
  // The starting system of a unit named in the query (out of scope: 404); accepting creates drafts for that unit.
  "routes/documents.start": {
    read: ["officer"],
    query: (_f, t) => ({ unit: String(t.id) }),
    actions: [
      {
        name: "accept a proposed process for a new procedure",
        roles: ["officer"],
        targetInForm: true,
        form: (f, t, n) => {
          const now = f.now.getTime();
          const proc = f.db
            .insert(procedures)
            .values({ unitId: t.id, code: `KT-${n}`, name: `Thủ tục khởi tạo ${n}`, field: "Hộ tịch", createdAt: now, updatedAt: now })
            .returning()
            .get();
          return {
            unitId: String(t.id),
            "items[0].accept": "on",
            "items[0].procedureIds": String(proc.id),
            "items[0].code": `QT KT${n}`,
            "items[0].title": `Quy trình khởi tạo ${n}`,
          };
        },
      },
    ],
  },
  "routes/reports._index": { read: "any", list: true },
  "routes/reports.new": {
    read: ["officer", "inspector"],
    list: true,
    actions: [
      {
        // A unit report is issued from its draft (decision 0017): the form checks the unit and period and leads to the
        // draft's page; it writes nothing.
        name: "open a unit report's draft",
        roles: ["officer", "inspector"],
        targetInForm: true,
        form: (_f, t) => ({ kind: "unit", unitId: String(t.id), period: "2026-10" }),
        noTrail: true,
      },
    ],
  },
  "routes/reports.$id._index": { read: "any", params: (f, t) => ({ id: String(reportIn(f, t)) }) },
  "routes/reports.$id.pdf": { read: "any", params: (f, t) => ({ id: String(reportIn(f, t)) }) },
  // The issued reports of a unit and the units below it, one ZIP: the unit must be in the reader's scope (else 404).
  "routes/reports.archive": { read: "any", query: (_f, t) => ({ unit: String(t.id), period: "2026" }) },
  // Issue 14: a report a unit sends, as a draft (read by anyone in scope; its PDF rendered, never archived).
  "routes/reports.issue.$kind.$unitId.$period._index": {
    read: "any",
    params: (_f, t) => ({ kind: "unit", unitId: String(t.id), period: "2026-10" }),
    actionsCoveredElsewhere:
      "writing the narrative (the unit's own officer only) and issuing (a leader of the unit itself, with their password): tests/integration/report-issues.test.ts",
  },
  "routes/reports.issue.$kind.$unitId.$period.pdf": { read: "any", params: (_f, t) => ({ kind: "unit", unitId: String(t.id), period: "2026-10" }) },
  "routes/reports.verify._index": {
    read: "public",
    actionsCoveredElsewhere: "public by design: answers only for the hash of a file the caller already holds (tests/integration/reports.test.ts)",
  },
  "routes/reports.verify.$code": { read: "public" },
  // Searched with words that every unit's records hold: tests/integration/list-filters.test.ts.
  "routes/search": { read: "any", list: true },
  "routes/notifications": { read: "any", list: true, actions: [{ name: "mark all read", roles: "any", form: () => ({ intent: "all" }), noTrail: true }] },
  "routes/figures._index": { read: "any", list: true },
  "routes/figures.export": { read: "any", list: true },
  "routes/figures.import": {
    read: ["officer"],
    actions: [
      {
        name: "upload a figures file",
        roles: ["officer"],
        form: (_f, t) => ({ intent: "upload", file: new File([`Mã đơn vị,Tháng,Tiếp nhận\n${t.code},01/2026,1\n`], "so-lieu.csv", { type: "text/csv" }) }),
      },
      {
        name: "import a file of the target unit",
        roles: ["officer"],
        targetInForm: true,
        multipart: true,
        form: (f, t) => ({ intent: "import", fileId: String(figuresFileIn(f, t)) }),
      },
    ],
  },
  "routes/objectives._index": {
    read: "any",
    list: true,
    actions: [{ name: "add an objective for the target unit", roles: ["officer"], targetInForm: true, form: (_f, t) => objectiveForm(t) }],
  },
  "routes/objectives.$id": {
    read: ["officer"],
    params: (f, t) => ({ id: String(objectiveIn(f, t)) }),
    actions: [{ name: "edit the objective", roles: ["officer"], form: (_f, t) => ({ ...objectiveForm(t), title: `Mục tiêu ${t.token} (sửa)` }) }],
  },
  "routes/files.$id": { read: "any", params: (f, t) => ({ id: String(fileIn(f, t)) }) },
  ...REPORTS2_SPECS,
  ...DASHBOARD_SPECS,
  ...PUBLIC_SPECS,
};

export const allowedRel = (rel: Rel) => rel === "own" || rel === "child";
