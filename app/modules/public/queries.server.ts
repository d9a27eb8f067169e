import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import {
  conformityAnnouncements,
  documentRevisions,
  documents,
  files,
  procedures,
  qualityObjectives,
  reports,
  serviceFigures,
  unitLineage,
  units,
  type ObjectiveMeasure,
} from "#db/schema";
import { NotFoundError } from "~/lib/errors";
import { addMonthsToDay } from "~/lib/time";
import type { Ctx } from "../context";
import { monthsBetween } from "../dashboard/charts";
import { attainment, rates, sumFigures, type Figures } from "../figures/rules";
import { announcedProcedures, coveredProcedures, lastCatalogueChangeOn } from "../qms-records/announcement.server";
import { reannouncementDue } from "../qms-records/rules";

/*
 * What anyone may read about a unit without signing in: what QĐ 19 asks a unit to publish (its announcement of
 * conformity and its scope) and what the unit chose to publish (files of documents it marked public), with the
 * register data of its quality system in force. Every query here names the columns it reads, filters by the one
 * unit, and reads only what is in force: no person (account, name, signer), no finding, no draft, no note, no
 * uploaded file unless the unit marked it public. tests/integration/public-pages.test.ts seeds private tokens in
 * all of those and checks that none comes out.
 */

/** A unit code as it may appear in a public address (anything else is "not found", never a query). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export type PublicDoc = { id: number; code: string; title: string; effectiveFrom: string | null; file: string | null };

export type PublicUnitPage = {
  unit: {
    code: string;
    name: string;
    kind: string;
    placeName: string;
    validFrom: string | null;
    validTo: string | null;
    parent: { code: string; name: string } | null;
  };
  lineage: { formedFrom: { code: string; name: string; validTo: string | null }[]; succeededBy: { code: string; name: string; validFrom: string | null }[] };
  announcement: {
    kind: "announcement" | "re_announcement";
    number: string;
    decidedOn: string;
    postedOn: string | null;
    scope: string;
    /** Drawn up and issued in the app (its PDF is archived and verifiable); false for one recorded from paper. */
    issued: boolean;
    procedures: { code: string; name: string; field: string }[] | null;
    /** The archived PDF (issued announcements): where to download it and how to verify it. */
    pdf: { path: string; verifyCode: string; verifyPath: string; sha256: string; pages: number | null; size: number } | null;
    /** The PDF is being produced. */
    pdfPending: boolean;
  } | null;
  /** Earlier announcements, newest first. */
  earlier: { kind: "announcement" | "re_announcement"; number: string; decidedOn: string }[];
  reannouncementDue: boolean;
  policy: PublicDoc | null;
  objectives: { year: number; rows: { title: string; measure: ObjectiveMeasure; target: number; value: number | null; met: boolean | null }[] };
  processes: PublicDoc[];
  /** Other documents in force whose file the unit published (manual, objectives, forms…). */
  otherDocuments: (PublicDoc & { kind: string })[];
  procedures: { catalogue: number; covered: { code: string; name: string; field: string }[] };
  figures: {
    from: string;
    to: string;
    months: { month: string; received: number; onTimeRate: number | null; onlineRate: number | null; postRate: number | null; figures: Figures }[];
    total: { received: number; onTimeRate: number | null; onlineRate: number | null; postRate: number | null };
  };
  asOf: string;
};

function unitByCode(ctx: Ctx, code: string) {
  if (!CODE.test(code)) throw new NotFoundError("errors.notFound");
  const u = ctx.db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      kind: units.kind,
      placeName: units.placeName,
      parentId: units.parentId,
      validFrom: units.validFrom,
      validTo: units.validTo,
      path: units.path,
    })
    .from(units)
    .where(eq(units.code, code))
    .get();
  if (!u) throw new NotFoundError("errors.notFound");
  return u;
}

const docPath = (unitCode: string, id: number) => `/cong-khai/${encodeURIComponent(unitCode)}/tai-lieu/${id}`;
export const announcementPdfPath = (unitCode: string, reportId: number) => `/cong-khai/${encodeURIComponent(unitCode)}/cong-bo/${reportId}`;

/** The page of one unit (by its code), as of `ctx.today`. */
export function publicUnitPage(ctx: Ctx, code: string): PublicUnitPage {
  const { db } = ctx;
  const u = unitByCode(ctx, code);
  const parent = u.parentId ? (db.select({ code: units.code, name: units.name }).from(units).where(eq(units.id, u.parentId)).get() ?? null) : null;
  const formedFrom = db
    .select({ code: units.code, name: units.name, validTo: units.validTo })
    .from(unitLineage)
    .innerJoin(units, eq(units.id, unitLineage.predecessorId))
    .where(eq(unitLineage.unitId, u.id))
    .orderBy(asc(units.name))
    .all();
  const succeededBy = db
    .select({ code: units.code, name: units.name, validFrom: units.validFrom })
    .from(unitLineage)
    .innerJoin(units, eq(units.id, unitLineage.unitId))
    .where(eq(unitLineage.predecessorId, u.id))
    .orderBy(asc(units.name))
    .all();

  // Announcements (decided on or before today), newest first; the first is the one in force.
  const anns = db
    .select({
      id: conformityAnnouncements.id,
      kind: conformityAnnouncements.kind,
      number: conformityAnnouncements.decisionNumber,
      decidedOn: conformityAnnouncements.decidedOn,
      postedOn: conformityAnnouncements.postedOn,
      scope: conformityAnnouncements.scope,
      issuedYear: conformityAnnouncements.issuedYear,
    })
    .from(conformityAnnouncements)
    .where(and(eq(conformityAnnouncements.unitId, u.id), sql`${conformityAnnouncements.decidedOn} <= ${ctx.today}`))
    .orderBy(desc(conformityAnnouncements.decidedOn), desc(conformityAnnouncements.id))
    .limit(11)
    .all();
  const current = anns[0];
  let announcement: PublicUnitPage["announcement"] = null;
  let due = false;
  const covered = coveredProcedures(db, u.id);
  if (current) {
    const announced = announcedProcedures(db, current);
    const pdfRow = current.issuedYear
      ? db
          .select({ id: reports.id, status: reports.status, verifyCode: reports.verifyCode, sha256: reports.sha256, pages: reports.pages, size: reports.size })
          .from(reports)
          .where(and(eq(reports.kind, "announcement"), eq(reports.subjectId, current.id), eq(reports.unitId, u.id)))
          .orderBy(desc(reports.id))
          .limit(1)
          .get()
      : undefined;
    const done = pdfRow?.status === "done" && pdfRow.sha256 && pdfRow.size !== null;
    announcement = {
      kind: current.kind,
      number: current.number,
      decidedOn: current.decidedOn,
      postedOn: current.postedOn,
      scope: current.scope,
      issued: current.issuedYear !== null,
      procedures: announced ? announced.map(({ code, name, field }) => ({ code, name, field })) : null,
      pdf:
        done && pdfRow
          ? {
              path: announcementPdfPath(u.code, pdfRow.id),
              verifyCode: pdfRow.verifyCode,
              verifyPath: `/reports/verify/${pdfRow.verifyCode}`,
              sha256: pdfRow.sha256!,
              pages: pdfRow.pages,
              size: pdfRow.size!,
            }
          : null,
      pdfPending: !!pdfRow && (pdfRow.status === "queued" || pdfRow.status === "running"),
    };
    due = reannouncementDue({ announced, current: covered, lastCatalogueChangeOn: lastCatalogueChangeOn(db, u.id), decidedOn: current.decidedOn });
  }

  // Documents in force: register data always; the file only where the unit marked it public.
  const docs = db
    .select({
      id: documents.id,
      code: documents.code,
      title: documents.title,
      kind: documents.kind,
      effectiveFrom: documents.effectiveFrom,
      publicFile: documents.publicFile,
    })
    .from(documents)
    .where(and(eq(documents.unitId, u.id), eq(documents.status, "effective"), isNotNull(documents.currentRevisionId)))
    .orderBy(asc(documents.code))
    .all();
  const pub = (d: (typeof docs)[number]): PublicDoc => ({
    id: d.id,
    code: d.code,
    title: d.title,
    effectiveFrom: d.effectiveFrom,
    file: d.publicFile ? docPath(u.code, d.id) : null,
  });
  const policyDoc = docs.filter((d) => d.kind === "policy").sort((a, b) => (b.effectiveFrom ?? "").localeCompare(a.effectiveFrom ?? ""))[0];

  // This year's objectives and how far they are met, from this year's figures.
  const year = Number(ctx.today.slice(0, 4));
  const objectives = db
    .select({
      title: qualityObjectives.title,
      measure: qualityObjectives.measure,
      target: qualityObjectives.target,
      manualValue: qualityObjectives.manualValue,
      targetUnit: qualityObjectives.targetUnit,
    })
    .from(qualityObjectives)
    .where(and(eq(qualityObjectives.unitId, u.id), eq(qualityObjectives.year, year)))
    .orderBy(asc(qualityObjectives.id))
    .all();

  // One-stop figures of the last 12 months (this month included).
  const to = ctx.today.slice(0, 7);
  const from = addMonthsToDay(`${to}-01`, -11).slice(0, 7);
  const figureRows = db
    .select({
      month: serviceFigures.month,
      received: serviceFigures.received,
      resolvedEarly: serviceFigures.resolvedEarly,
      resolvedOnTime: serviceFigures.resolvedOnTime,
      resolvedOverdue: serviceFigures.resolvedOverdue,
      receivedOnline: serviceFigures.receivedOnline,
      returnedByPost: serviceFigures.returnedByPost,
      feedbackReceived: serviceFigures.feedbackReceived,
      feedbackOnTime: serviceFigures.feedbackOnTime,
      surveyed: serviceFigures.surveyed,
      satisfied: serviceFigures.satisfied,
    })
    .from(serviceFigures)
    .where(
      and(eq(serviceFigures.unitId, u.id), sql`${serviceFigures.month} >= ${`${year}-01` < from ? `${year}-01` : from}`, sql`${serviceFigures.month} <= ${to}`),
    )
    .orderBy(asc(serviceFigures.month))
    .all();
  const yearFigures = figureRows.filter((r) => r.month.startsWith(`${year}-`));
  const yearSum = yearFigures.length ? sumFigures(yearFigures) : undefined;
  const window = figureRows.filter((r) => r.month >= from);
  const byMonth = new Map(window.map((r) => [r.month, r]));
  const months = monthsBetween(from, to)
    .filter((m) => byMonth.has(m))
    .map((m) => {
      const { month: _month, ...f } = byMonth.get(m)!;
      const r = rates(f);
      return { month: m, received: f.received, onTimeRate: r.onTimeRate, onlineRate: r.onlineRate, postRate: r.postRate, figures: f };
    });
  const totalRates = rates(sumFigures(window));

  const catalogue =
    db
      .select({ n: sql<number>`count(*)` })
      .from(procedures)
      .where(and(eq(procedures.unitId, u.id), eq(procedures.active, true)))
      .get()?.n ?? 0;

  return {
    unit: { code: u.code, name: u.name, kind: u.kind, placeName: u.placeName, validFrom: u.validFrom, validTo: u.validTo, parent },
    lineage: { formedFrom, succeededBy },
    announcement,
    earlier: anns.slice(1).map((a) => ({ kind: a.kind, number: a.number, decidedOn: a.decidedOn })),
    reannouncementDue: due,
    policy: policyDoc ? pub(policyDoc) : null,
    objectives: {
      year,
      rows: objectives.map((o) => ({
        title: o.title,
        measure: o.measure,
        target: o.target,
        targetUnit: o.targetUnit,
        ...attainment(o.measure, o.target, yearSum, o.manualValue),
      })),
    },
    processes: docs.filter((d) => d.kind === "process").map(pub),
    otherDocuments: docs.filter((d) => d.kind !== "process" && d.kind !== "policy" && d.publicFile).map((d) => ({ ...pub(d), kind: d.kind })),
    procedures: { catalogue, covered: covered.map(({ code, name, field }) => ({ code, name, field })) },
    figures: {
      from,
      to,
      months,
      total: {
        received: window.reduce((n, r) => n + r.received, 0),
        onTimeRate: totalRates.onTimeRate,
        onlineRate: totalRates.onlineRate,
        postRate: totalRates.postRate,
      },
    },
    asOf: ctx.today,
  };
}

/**
 * The file a unit published: the revision in force of one of its documents in force that it marked public. Anything
 * else (a draft, a superseded revision, a document not marked public, another unit's) is "not found".
 */
export function publicDocumentFile(ctx: Ctx, code: string, documentId: number) {
  const u = unitByCode(ctx, code);
  const d = ctx.db
    .select({ code: documents.code, number: documentRevisions.number, sha256: files.sha256, mime: files.mime, ext: files.ext, size: files.size })
    .from(documents)
    .innerJoin(documentRevisions, and(eq(documentRevisions.id, documents.currentRevisionId), eq(documentRevisions.status, "effective")))
    .innerJoin(files, eq(files.id, documentRevisions.fileId))
    .where(and(eq(documents.id, documentId), eq(documents.unitId, u.id), eq(documents.status, "effective"), eq(documents.publicFile, true)))
    .get();
  if (!d) throw new NotFoundError("errors.notFound");
  return { unitCode: u.code, docCode: d.code, revision: d.number, sha256: d.sha256, mime: d.mime, ext: d.ext, size: d.size };
}

/** An issued announcement's archived PDF, by its report id, only under its own unit's address. */
export function publicAnnouncementPdf(ctx: Ctx, code: string, reportId: number) {
  const u = unitByCode(ctx, code);
  const r = ctx.db
    .select({
      id: reports.id,
      file: reports.file,
      sha256: reports.sha256,
      number: conformityAnnouncements.decisionNumber,
      decidedOn: conformityAnnouncements.decidedOn,
    })
    .from(reports)
    .innerJoin(conformityAnnouncements, eq(conformityAnnouncements.id, reports.subjectId))
    .where(
      and(
        eq(reports.id, reportId),
        eq(reports.kind, "announcement"),
        eq(reports.status, "done"),
        eq(reports.unitId, u.id),
        eq(conformityAnnouncements.unitId, u.id),
      ),
    )
    .get();
  if (!r || !r.file) throw new NotFoundError("errors.notFound");
  return { ...r, file: r.file, unitCode: u.code, unitName: u.name };
}

// ----- the inspector's index -----

const AREA_KINDS = ["province", "district"];

/** Whether the latest announcement `la` of unit `u` is due again (the rule of qms-records/rules.ts, in SQL for a whole list). */
const dueSql = sql`CASE
  WHEN la.id IS NULL THEN 0
  WHEN la.issued_year IS NOT NULL THEN (
    EXISTS (SELECT 1 FROM procedures p WHERE p.unit_id = u.id AND p.active = 1
            AND EXISTS (SELECT 1 FROM document_procedures dp JOIN documents d ON d.id = dp.document_id
                        WHERE dp.procedure_id = p.id AND d.status = 'effective' AND d.kind = 'process')
            AND NOT EXISTS (SELECT 1 FROM announcement_procedures ap WHERE ap.announcement_id = la.id AND ap.procedure_id = p.id))
    OR EXISTS (SELECT 1 FROM announcement_procedures ap WHERE ap.announcement_id = la.id
               AND NOT EXISTS (SELECT 1 FROM procedures p WHERE p.id = ap.procedure_id AND p.active = 1
                               AND EXISTS (SELECT 1 FROM document_procedures dp JOIN documents d ON d.id = dp.document_id
                                           WHERE dp.procedure_id = p.id AND d.status = 'effective' AND d.kind = 'process'))))
  ELSE EXISTS (SELECT 1 FROM procedures p WHERE p.unit_id = u.id AND date(p.created_at / 1000 + 25200, 'unixepoch') > la.decided_on)
END`;

export type PublicIndexRow = {
  code: string;
  name: string;
  kind: string;
  announced: boolean;
  lastKind: "announcement" | "re_announcement" | null;
  lastNumber: string | null;
  lastDecidedOn: string | null;
  issued: boolean;
  reannouncementDue: boolean;
};

/**
 * The province index: every province in existence today with how many of its units have announced; for one
 * province (by code), each of its units in existence today (areas left out) with its announcement state.
 */
export function publicIndex(ctx: Ctx, provinceCode?: string) {
  const { db, today } = ctx;
  const valid = sql`(u.valid_from IS NULL OR u.valid_from <= ${today}) AND (u.valid_to IS NULL OR u.valid_to >= ${today})`;
  const provinces = db.all<{ code: string; name: string; units: number; announced: number }>(sql`
    SELECT pr.code AS code, pr.name AS name,
      (SELECT count(*) FROM units u WHERE u.path GLOB pr.path || '*' AND u.kind NOT IN ('province', 'district') AND ${valid}) AS units,
      (SELECT count(*) FROM units u WHERE u.path GLOB pr.path || '*' AND u.kind NOT IN ('province', 'district') AND ${valid}
         AND EXISTS (SELECT 1 FROM conformity_announcements c WHERE c.unit_id = u.id AND c.decided_on <= ${today})) AS announced
    FROM units pr
    WHERE pr.kind = 'province' AND (pr.valid_from IS NULL OR pr.valid_from <= ${today}) AND (pr.valid_to IS NULL OR pr.valid_to >= ${today})
    ORDER BY pr.name`);
  if (!provinceCode) return { provinces, province: null, rows: [] as PublicIndexRow[] };
  if (!CODE.test(provinceCode)) throw new NotFoundError("errors.notFound");
  const province = db
    .select({ code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.code, provinceCode), eq(units.kind, "province")))
    .get();
  if (!province) throw new NotFoundError("errors.notFound");
  const rows = db.all<Omit<PublicIndexRow, "announced" | "issued" | "reannouncementDue"> & { issuedYear: number | null; due: number }>(sql`
    SELECT u.code AS code, u.name AS name, u.kind AS kind,
      la.kind AS lastKind, la.decision_number AS lastNumber, la.decided_on AS lastDecidedOn, la.issued_year AS issuedYear,
      ${dueSql} AS due
    FROM units u
    LEFT JOIN conformity_announcements la ON la.id = (SELECT c.id FROM conformity_announcements c WHERE c.unit_id = u.id AND c.decided_on <= ${today}
         ORDER BY c.decided_on DESC, c.id DESC LIMIT 1)
    WHERE u.path GLOB ${province.path + "*"} AND u.kind NOT IN ${AREA_KINDS} AND ${valid}
    ORDER BY u.name`);
  return {
    provinces,
    province: { code: province.code, name: province.name },
    rows: rows.map(({ issuedYear, due, ...r }) => ({ ...r, announced: r.lastNumber !== null, issued: issuedYear !== null, reannouncementDue: !!due })),
  };
}
