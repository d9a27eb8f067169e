import { and, asc, inArray, like, ne, notInArray, or, gte, isNull, lte, sql } from "drizzle-orm";
import { units, type PeriodReportKind } from "#db/schema";
import type { AnnualReportData, AreaSummaryData, AreaSummaryRow, DocMeta, ReportData, ReportNarrative, SignatureBlock, UnitReportData } from "#templates/types";
import { formatDateTime, vnDay } from "~/lib/time";
import type { Ctx } from "../context";
import { asOfDay, type AsOf } from "../history/as-of.server";
import { nameWithValidity } from "../units/rules";
import type { Period } from "./periods";
import { loadSections } from "./sections/index.server";
import { chairOf } from "./signers.server";
import { yearlyFacts } from "./yearly.server";

type UnitRow = typeof units.$inferSelect;

/** "Xã Lai Vung" → "xã Lai Vung" (inside a sentence or under "Ủy ban nhân dân"). */
export function lowerKind(name: string): string {
  // why (?=\s) and not \b: \b is ASCII-only, so it never matches after "Xã" (ã is not a word character to it).
  return name.replace(/^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)(?=\s)/u, (m) => m.toLocaleLowerCase("vi-VN"));
}

const PEOPLES_COMMITTEE_KINDS = new Set(["province", "district", "commune", "ward", "township", "special_zone"]);

/** The issuing body in words: "Ủy ban nhân dân xã Lai Vung" for a people's committee, else the unit's name. */
export function issuingBodyName(unit: Pick<UnitRow, "kind" | "name">): string {
  return PEOPLES_COMMITTEE_KINDS.has(unit.kind) ? `Ủy ban nhân dân ${lowerKind(unit.name)}` : unit.name;
}

export type MetaInput = { verifyCode: string; baseUrl: string; now: Date; trail?: { lastId: number; head: string } };

export function metaFor(ctx: Ctx, unit: UnitRow, input: MetaInput, title: string, subtitle: string): DocMeta {
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
    signature: {
      capacity: committee ? "TM. Ủy ban nhân dân" : undefined,
      title: committee ? "Chủ tịch" : "Thủ trưởng đơn vị",
      name: chairOf(ctx, unit.id)?.name ?? null,
    },
    verification: { code: input.verifyCode, url: `${input.baseUrl.replace(/\/$/, "")}/reports/verify/${input.verifyCode}`, trail: input.trail },
    createdAt: input.now,
    author: unit.name,
  };
}

const AREA_KINDS = ["province", "district"] as const;

/** A unit existed for at least one day of the period. */
const activeDuring = (p: Period) => and(or(isNull(units.validFrom), lte(units.validFrom, p.end)), or(isNull(units.validTo), gte(units.validTo, p.start)));

/** The units below an area that existed during the period (areas themselves excluded), in tree order. */
export function unitsBelow(ctx: Ctx, area: UnitRow, period: Period): UnitRow[] {
  return ctx.db
    .select()
    .from(units)
    .where(and(like(units.path, `${area.path}%`), notInArray(units.kind, [...AREA_KINDS]), activeDuring(period)))
    .orderBy(asc(units.path))
    .all();
}

/** Which (kind, unit) a scheduled run produces for a period: every reporting unit, every area, yearly the annual. */
export function scheduledTargets(ctx: Ctx, period: Period): { kind: PeriodReportKind; unit: UnitRow }[] {
  // The ministry above the provinces (decision 0018) reads; it sends no QĐ 19 report of its own.
  const all = ctx.db
    .select()
    .from(units)
    .where(and(activeDuring(period), ne(units.kind, "ministry")))
    .orderBy(asc(units.path))
    .all();
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

/**
 * The moment a period report's figures are taken at: the end of the period's last day once it is over; for a
 * period still running, the day of generation (the same day /compliance and the dashboard show), said on the
 * report's first page. Nothing after it counts, so nothing is overdue that is not overdue yet.
 */
export function reportAsOf(period: Period, now: Date): AsOf & { running: boolean } {
  const end = asOfDay(period.end);
  if (now.getTime() >= end.at) return { ...end, running: false };
  return { ...asOfDay(vnDay(now)), running: true };
}

const info = (p: Period, asOf: AsOf & { running: boolean }, now: Date) => ({
  key: p.key,
  label: p.label,
  start: p.start,
  end: p.end,
  ...(asOf.running ? { asOfNote: `Số liệu tính đến ${asOfTime(now)} (kỳ báo cáo chưa kết thúc).` } : {}),
});

/** "09:00 ngày 01/12/2026". */
function asOfTime(now: Date): string {
  const [day, time] = formatDateTime(now).split(" ");
  return `${time} ngày ${day}`;
}

/**
 * Names as a report prints them: with their validity where another unit has the same name (an old commune and
 * the new one named after it), so a reader can tell "Xã Tân Dương (đến 30/06/2025)" from the one formed after.
 */
function namer(ctx: Ctx, list: UnitRow[]): (u: UnitRow) => string {
  const names = [...new Set(list.map((u) => u.name))];
  const shared = new Set(
    names.length
      ? ctx.db
          .select({ name: units.name })
          .from(units)
          .where(inArray(units.name, names))
          .groupBy(units.name)
          .having(sql`count(*) > 1`)
          .all()
          .map((r) => r.name)
      : [],
  );
  return (u) => (shared.has(u.name) ? nameWithValidity(u) : u.name);
}

export function unitReportData(ctx: Ctx, unit: UnitRow, period: Period, m: MetaInput): UnitReportData {
  const asOf = reportAsOf(period, m.now);
  const sections = loadSections(ctx, [{ key: unit.id, unitIds: [unit.id] }], period, asOf).get(unit.id)!;
  const meta = metaFor(ctx, unit, m, "Báo cáo", `Tình hình duy trì, áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 ${period.label}`);
  return { kind: "unit", meta, unit: { code: unit.code, name: namer(ctx, [unit])(unit) }, period: info(period, asOf, m.now), sections };
}

function areaRows(ctx: Ctx, below: UnitRow[], period: Period, asOf: AsOf): AreaSummaryRow[] {
  const sections = loadSections(
    ctx,
    below.map((u) => ({ key: u.id, unitIds: [u.id] })),
    period,
    asOf,
  );
  const name = namer(ctx, below);
  return below.map((u) => {
    const s = sections.get(u.id)!;
    return {
      unit: { code: u.code, name: name(u) },
      sections: { findings: s.findings, documents: s.documents, correctiveActions: s.correctiveActions, cycle: s.cycle },
    };
  });
}

export function areaSummaryData(ctx: Ctx, area: UnitRow, period: Period, m: MetaInput): AreaSummaryData {
  const asOf = reportAsOf(period, m.now);
  const below = unitsBelow(ctx, area, period);
  const meta = metaFor(
    ctx,
    area,
    m,
    "Báo cáo tổng hợp",
    `Tình hình áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 của các đơn vị trên địa bàn ${lowerKind(area.name)} ${period.label}`,
  );
  return {
    kind: "area",
    meta,
    area: { code: area.code, name: namer(ctx, [area])(area) },
    period: info(period, asOf, m.now),
    rows: areaRows(ctx, below, period, asOf),
  };
}

export function annualReportData(ctx: Ctx, unit: UnitRow, period: Period, m: MetaInput): AnnualReportData {
  const asOf = reportAsOf(period, m.now);
  const below = isAreaUnit(unit) ? unitsBelow(ctx, unit, period) : [];
  const sections = loadSections(ctx, [{ key: unit.id, unitIds: [unit.id, ...below.map((u) => u.id)] }], period, asOf).get(unit.id)!;
  const meta = metaFor(
    ctx,
    unit,
    m,
    "Báo cáo",
    `Tình hình xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 ${period.label}`,
  );
  // Who must apply: the unit itself and every unit below it that existed in the year (as the obligations table counts).
  const reporting = [unit.id, ...below.map((u) => u.id)];
  return {
    kind: "annual",
    meta,
    unit: { code: unit.code, name: namer(ctx, [unit])(unit) },
    period: info(period, asOf, m.now),
    sections,
    rows: areaRows(ctx, below, period, asOf),
    yearly: yearlyFacts(ctx, reporting, reporting, period, asOf),
  };
}

/** How a report a unit sends is issued (issue 14): a draft preview, or the head's number, date and signature. */
export type IssueOverlay = {
  narrative: ReportNarrative;
  draft: boolean;
  number?: string;
  issuedOn?: string;
  signature?: SignatureBlock;
};

/** The period report's data with the unit's narrative, and its number, date and signer once issued (or "DỰ THẢO"). */
export function withIssue(data: ReportData, issue: IssueOverlay | undefined): ReportData {
  if (!issue || (data.kind !== "unit" && data.kind !== "area" && data.kind !== "annual")) return data;
  const meta = { ...data.meta, draft: issue.draft || undefined };
  if (issue.number) {
    const [seq, symbol] = issue.number.split("/");
    meta.number = seq ?? issue.number;
    if (symbol) meta.numberSuffix = symbol;
  }
  if (issue.issuedOn) meta.issuedOn = issue.issuedOn;
  if (issue.signature) meta.signature = issue.signature;
  return { ...data, meta, narrative: issue.narrative };
}

/**
 * The data of a period report, as of the period's end, or of the moment of generation while it runs (reportAsOf). The ctx reads everywhere (a job or
 * the report queue): the sections narrow it to the report's units themselves.
 */
export function periodReportData(ctx: Ctx, kind: PeriodReportKind, unit: UnitRow, period: Period, m: MetaInput): ReportData {
  if (kind === "area") return areaSummaryData(ctx, unit, period, m);
  if (kind === "annual") return annualReportData(ctx, unit, period, m);
  return unitReportData(ctx, unit, period, m);
}
