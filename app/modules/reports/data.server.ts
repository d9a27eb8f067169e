import { and, asc, eq, like, notInArray, or, gte, isNull, lte } from "drizzle-orm";
import type { DB } from "#db/client";
import { units, users, type PeriodReportKind } from "#db/schema";
import type { AnnualReportData, AreaSummaryData, AreaSummaryRow, DocMeta, ReportData, UnitReportData } from "#templates/types";
import { vnDay } from "~/lib/time";
import type { Period } from "./periods";
import { loadSections } from "./sections/index.server";

type UnitRow = typeof units.$inferSelect;

/** "Xã Lai Vung" → "xã Lai Vung" (inside a sentence or under "Ủy ban nhân dân"). */
export function lowerKind(name: string): string {
  // why (?=\s) and not \b: \b is ASCII-only, so it never matches after "Xã" (ã is not a word character to it).
  return name.replace(/^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)(?=\s)/u, (m) => m.toLocaleLowerCase("vi-VN"));
}

const PEOPLES_COMMITTEE_KINDS = new Set(["province", "district", "commune", "ward", "township", "special_zone"]);

/** Who signs: the unit's chair if the unit has one on record (title starting "Chủ tịch"), else the line is left blank. */
function chairOf(db: DB, unitId: number): string | null {
  const row = db
    .select({ name: users.fullName })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, "leader"), eq(users.active, true), like(users.title, "Chủ tịch%")))
    .get();
  return row?.name ?? null;
}

export type MetaInput = { verifyCode: string; baseUrl: string; now: Date };

export function metaFor(db: DB, unit: UnitRow, input: MetaInput, title: string, subtitle: string): DocMeta {
  const committee = PEOPLES_COMMITTEE_KINDS.has(unit.kind);
  const superior = unit.kind === "department" ? "Ủy ban nhân dân tỉnh" : undefined;
  return {
    issuingBody: committee ? ["Ủy ban nhân dân", lowerKind(unit.name)] : [...(superior ? [superior] : []), unit.name],
    number: null,
    numberSuffix: committee ? "BC-UBND" : "BC",
    place: unit.placeName,
    issuedOn: vnDay(input.now),
    title,
    subtitle,
    recipients:
      unit.kind === "province"
        ? ["Bộ Khoa học và Công nghệ;", "Sở Khoa học và Công nghệ;", "Lưu: VT."]
        : ["Sở Khoa học và Công nghệ;", `Chủ tịch, các Phó Chủ tịch UBND ${lowerKind(unit.name)};`, "Lưu: VT, ISO."],
    signature: { capacity: committee ? "TM. Ủy ban nhân dân" : undefined, title: committee ? "Chủ tịch" : "Thủ trưởng đơn vị", name: chairOf(db, unit.id) },
    verification: { code: input.verifyCode, url: `${input.baseUrl.replace(/\/$/, "")}/reports/verify/${input.verifyCode}` },
    createdAt: input.now,
    author: unit.name,
  };
}

const AREA_KINDS = ["province", "district"] as const;

/** A unit existed for at least one day of the period. */
const activeDuring = (p: Period) => and(or(isNull(units.validFrom), lte(units.validFrom, p.end)), or(isNull(units.validTo), gte(units.validTo, p.start)));

/** The units below an area that existed during the period (areas themselves excluded), in tree order. */
export function unitsBelow(db: DB, area: UnitRow, period: Period): UnitRow[] {
  return db
    .select()
    .from(units)
    .where(and(like(units.path, `${area.path}%`), notInArray(units.kind, [...AREA_KINDS]), activeDuring(period)))
    .orderBy(asc(units.path))
    .all();
}

/** Which (kind, unit) a scheduled run produces for a period: every reporting unit, every area, yearly the annual. */
export function scheduledTargets(db: DB, period: Period): { kind: PeriodReportKind; unit: UnitRow }[] {
  const all = db.select().from(units).where(activeDuring(period)).orderBy(asc(units.path)).all();
  const isArea = (u: UnitRow) => (AREA_KINDS as readonly string[]).includes(u.kind);
  return [
    ...all.filter((u) => !isArea(u)).map((unit) => ({ kind: "unit" as const, unit })),
    ...all.filter(isArea).map((unit) => ({ kind: "area" as const, unit })),
    ...(period.cadence === "year" ? all.filter((u) => u.kind === "province").map((unit) => ({ kind: "annual" as const, unit })) : []),
  ];
}

export function isAreaUnit(unit: { kind: string }): boolean {
  return (AREA_KINDS as readonly string[]).includes(unit.kind);
}

const info = (p: Period) => ({ key: p.key, label: p.label, start: p.start, end: p.end });
const ref = (u: UnitRow) => ({ code: u.code, name: u.name });

export function unitReportData(db: DB, unit: UnitRow, period: Period, m: MetaInput): UnitReportData {
  const sections = loadSections(db, [{ key: unit.id, unitIds: [unit.id] }], period).get(unit.id)!;
  const meta = metaFor(db, unit, m, "Báo cáo", `Tình hình duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 ${period.label}`);
  return { kind: "unit", meta, unit: ref(unit), period: info(period), sections };
}

function areaRows(db: DB, below: UnitRow[], period: Period): AreaSummaryRow[] {
  const sections = loadSections(
    db,
    below.map((u) => ({ key: u.id, unitIds: [u.id] })),
    period,
  );
  return below.map((u) => {
    const s = sections.get(u.id)!;
    return { unit: ref(u), sections: { findings: s.findings, documents: s.documents, correctiveActions: s.correctiveActions, cycle: s.cycle } };
  });
}

export function areaSummaryData(db: DB, area: UnitRow, period: Period, m: MetaInput): AreaSummaryData {
  const below = unitsBelow(db, area, period);
  const meta = metaFor(
    db,
    area,
    m,
    "Báo cáo tổng hợp",
    `Tình hình áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 của các đơn vị trên địa bàn ${lowerKind(area.name)} ${period.label}`,
  );
  return { kind: "area", meta, area: ref(area), period: info(period), rows: areaRows(db, below, period) };
}

export function annualReportData(db: DB, unit: UnitRow, period: Period, m: MetaInput): AnnualReportData {
  const below = isAreaUnit(unit) ? unitsBelow(db, unit, period) : [];
  const sections = loadSections(db, [{ key: unit.id, unitIds: [unit.id, ...below.map((u) => u.id)] }], period).get(unit.id)!;
  const meta = metaFor(
    db,
    unit,
    m,
    "Báo cáo",
    `Tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 ${period.label}`,
  );
  return { kind: "annual", meta, unit: ref(unit), period: info(period), sections, rows: areaRows(db, below, period) };
}

export function periodReportData(db: DB, kind: PeriodReportKind, unit: UnitRow, period: Period, m: MetaInput): ReportData {
  if (kind === "area") return areaSummaryData(db, unit, period, m);
  if (kind === "annual") return annualReportData(db, unit, period, m);
  return unitReportData(db, unit, period, m);
}
