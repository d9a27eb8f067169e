import { and, desc, eq, lt, or } from "drizzle-orm";
import { conformityAnnouncements, units, users } from "#db/schema";
import type { AnnouncementData, SignatureBlock } from "#templates/types";
import { NotFoundError } from "~/lib/errors";
import type { Ctx } from "../context";
import { announcedProcedures, COMMITTEE_KINDS, lastCatalogueChangeOn } from "../qms-records/announcement.server";
import { reannouncementDue } from "../qms-records/rules";
import { qmsCycleForUnits } from "../qms-records/queries.server";
import { lowerKind, metaFor, type MetaInput } from "./data.server";
import { bareTitle, vnDayText } from "./rules";

/** Who signs: the chair for the committee (TM.), a vice-chair for the chair (KT.), another body's head in their title. */
export function announcementSignature(committee: boolean, signer: { fullName: string; title: string | null } | undefined): SignatureBlock {
  const name = signer?.fullName ?? null;
  if (!committee) return { title: signer ? bareTitle(signer.title) : "Thủ trưởng đơn vị", name };
  if (!signer || /^Chủ tịch/u.test(signer.title ?? "")) return { capacity: "TM. Ủy ban nhân dân", title: "Chủ tịch", name };
  return { capacity: "KT. Chủ tịch", title: bareTitle(signer.title), name };
}

/**
 * The data of an issued announcement's PDF, from its record: the unit, its number and day, the procedures it
 * covers as announced, the records it rests on (last internal audit, management review, confirmation on or before
 * its day), the announcement it replaces, and the leader who issued it.
 */
export function announcementReportData(ctx: Ctx, announcementId: number, m: MetaInput): AnnouncementData {
  const { db } = ctx;
  const a = db.select().from(conformityAnnouncements).where(eq(conformityAnnouncements.id, announcementId)).get();
  if (!a || a.issuedYear === null) throw new NotFoundError("errors.notFound");
  const unit = db.select().from(units).where(eq(units.id, a.unitId)).get()!;
  const committee = COMMITTEE_KINDS.includes(unit.kind);
  const announcer = committee ? `Ủy ban nhân dân ${lowerKind(unit.name)}` : unit.name;
  const signer = a.createdById ? db.select({ fullName: users.fullName, title: users.title }).from(users).where(eq(users.id, a.createdById)).get() : undefined;
  const before = db
    .select({
      id: conformityAnnouncements.id,
      issuedYear: conformityAnnouncements.issuedYear,
      number: conformityAnnouncements.decisionNumber,
      day: conformityAnnouncements.decidedOn,
    })
    .from(conformityAnnouncements)
    .where(
      and(
        eq(conformityAnnouncements.unitId, a.unitId),
        or(lt(conformityAnnouncements.decidedOn, a.decidedOn), and(eq(conformityAnnouncements.decidedOn, a.decidedOn), lt(conformityAnnouncements.id, a.id))),
      ),
    )
    .orderBy(desc(conformityAnnouncements.decidedOn), desc(conformityAnnouncements.id))
    .limit(1)
    .get();
  const cycle = qmsCycleForUnits(ctx, a.decidedOn, [a.unitId])[0];
  const basis: string[] = [];
  const records = [
    cycle?.lastInternalAuditOn ? `đánh giá nội bộ ngày ${vnDayText(cycle.lastInternalAuditOn)}` : null,
    cycle?.lastManagementReviewOn ? `xem xét của lãnh đạo ngày ${vnDayText(cycle.lastManagementReviewOn)}` : null,
    cycle?.lastEffectivenessConfirmationOn
      ? `xác nhận hiệu lực của hệ thống quản lý chất lượng ngày ${vnDayText(cycle.lastEffectivenessConfirmationOn)}`
      : null,
  ].filter((x): x is string => !!x);
  if (records.length) basis.push(`Căn cứ kết quả ${records.join(", ")};`);
  const meta = metaFor(ctx, unit, m, "Công bố", "Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015");
  const procedures = announcedProcedures(db, a) ?? [];
  const scopeChanged = before
    ? reannouncementDue({
        announced: announcedProcedures(db, before),
        current: procedures,
        lastCatalogueChangeOn: lastCatalogueChangeOn(db, a.unitId),
        decidedOn: before.day,
      })
    : false;
  const [seq, symbol] = a.decisionNumber.split("/");
  return {
    kind: "announcement",
    meta: {
      ...meta,
      number: seq ?? a.decisionNumber,
      numberSuffix: symbol ?? (committee ? "TB-UBND" : "TB"),
      issuedOn: a.decidedOn,
      recipients: [
        "Sở Khoa học và Công nghệ;",
        ...(committee ? [`Chủ tịch, các Phó Chủ tịch UBND ${lowerKind(unit.name)};`] : []),
        "Niêm yết tại trụ sở và Trang thông tin điện tử;",
        "Lưu: VT, ISO.",
      ],
      signature: announcementSignature(committee, signer),
    },
    unit: { code: unit.code, name: unit.name },
    announcement: {
      standard: "Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
      announcer,
      replaces: before ? { number: before.number, day: before.day, scopeChanged } : null,
      basis,
      procedures: procedures.map((p) => ({ field: p.field, code: p.code, name: p.name })),
    },
  };
}
