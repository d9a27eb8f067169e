import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./people";
import { units } from "./units";

/**
 * A unit's signing certificate (decision 0012): what the issued reports of the unit are signed with. The row keeps
 * only public facts (subject, issuer, serial, validity, the chain as PEM); the private key is a file under
 * DATA_DIR/keys/units (`key_file`, never in the database or its backups). One current certificate per unit; an
 * upload replaces the previous one (`replaced_at`), which stays for the reports it signed.
 */
export const unitCertificates = sqliteTable(
  "unit_certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** The subject's common name (CN), printed in the visible signature block. */
    subject: text("subject").notNull(),
    subjectDn: text("subject_dn").notNull(),
    issuerDn: text("issuer_dn").notNull(),
    /** Serial number, hexadecimal. */
    serial: text("serial").notNull(),
    validFrom: integer("valid_from").notNull(),
    validTo: integer("valid_to").notNull(),
    /** Self-issued at seed for the demo units: no legal value, said so on every page and PDF that shows it. */
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    /** SHA-256 of the signing certificate (DER), hexadecimal. */
    fingerprint: text("fingerprint").notNull(),
    /** The signing certificate first, then its issuers, PEM. */
    chainPem: text("chain_pem").notNull(),
    /** File name of the private key under DATA_DIR/keys/units. */
    keyFile: text("key_file").notNull(),
    uploadedById: integer("uploaded_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    replacedAt: integer("replaced_at"),
  },
  (t) => [
    uniqueIndex("unit_certificates_current_uq")
      .on(t.unitId)
      .where(sql`replaced_at IS NULL`),
    index("unit_certificates_unit_idx").on(t.unitId, t.createdAt),
  ],
);
