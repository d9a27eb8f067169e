import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ANNOUNCEMENT_KINDS } from "./enums";
import { files } from "./files";
import { users } from "./people";
import { procedures } from "./procedures";
import { units } from "./units";

/** A management review (xem xét của lãnh đạo): at least yearly (QĐ 19/2014). */
export const managementReviews = sqliteTable(
  "management_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    heldOn: text("held_on").notNull(),
    chairedBy: text("chaired_by").notNull(),
    participants: text("participants"),
    /** Inputs reviewed (ISO 9001 9.3.2) and decisions taken (9.3.3). */
    inputs: text("inputs").notNull(),
    decisions: text("decisions").notNull(),
    fileId: integer("file_id").references(() => files.id),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("management_reviews_unit_idx").on(t.unitId, t.heldOn)],
);

/** The head's confirmation of the QMS's effectiveness (xác nhận hiệu lực), a signed, dated record by the leader. */
export const effectivenessConfirmations = sqliteTable(
  "effectiveness_confirmations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    confirmedOn: text("confirmed_on").notNull(),
    confirmedById: integer("confirmed_by_id")
      .notNull()
      .references(() => users.id),
    /** Name and title as signed, kept even if the account changes later. */
    signedName: text("signed_name").notNull(),
    signedTitle: text("signed_title"),
    statement: text("statement").notNull(),
    documentNumber: text("document_number"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("effectiveness_confirmations_unit_idx").on(t.unitId, t.confirmedOn)],
);

/** Announcement (công bố) or re-announcement (công bố lại) of a QMS conforming to TCVN ISO 9001:2015. */
export const conformityAnnouncements = sqliteTable(
  "conformity_announcements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    kind: text("kind", { enum: ANNOUNCEMENT_KINDS }).notNull(),
    decisionNumber: text("decision_number").notNull(),
    decidedOn: text("decided_on").notNull(),
    scope: text("scope").notNull(),
    /** Day the decision was notified to the Department of Science and Technology, and posted at the office/website. */
    notifiedOn: text("notified_on"),
    postedOn: text("posted_on"),
    fileId: integer("file_id").references(() => files.id),
    /**
     * Issued in the app (Phụ lục I drawn from the unit's data, signed by its leader): the year and the sequence of
     * its number "Số: NN/TB-UBND", per unit and year. Null for an announcement recorded from a paper decision.
     */
    issuedYear: integer("issued_year"),
    issuedSeq: integer("issued_seq"),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("conformity_announcements_unit_idx").on(t.unitId, t.decidedOn),
    uniqueIndex("conformity_announcements_number_uq").on(t.unitId, t.issuedYear, t.issuedSeq),
  ],
);

/**
 * The administrative procedures an issued announcement covers, as announced (code, name and field copied: the
 * catalogue may change later, the announcement does not). Comparing them with the procedures covered today tells
 * when the scope changed and a re-announcement is due.
 */
export const announcementProcedures = sqliteTable(
  "announcement_procedures",
  {
    announcementId: integer("announcement_id")
      .notNull()
      .references(() => conformityAnnouncements.id),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => procedures.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    field: text("field").notNull(),
  },
  (t) => [primaryKey({ name: "announcement_procedures_pk", columns: [t.announcementId, t.procedureId] })],
);
