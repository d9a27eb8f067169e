import { count, eq } from "drizzle-orm";
import { hashPassword } from "~/modules/auth/password.server";
import { seedAudits } from "./seed-audits";
import { recordTrail } from "~/modules/trail/record.server";
import { rootDepth } from "~/modules/units/rules";
import { seedDemoCertificates } from "~/modules/certificates/seed.server";
import { unitKeysDir } from "~/modules/certificates/sign.server";
import { prepareTrail } from "~/modules/trail/keying.server";
import type { DB } from "./client";
import { seedActions } from "./seed-actions";
import { seedDocuments } from "./seed-documents";
import { unitLineage, units, users, type Role, type UnitKind } from "./schema";
import { seedFigures } from "./seed-figures";
import { now as clockNow } from "~/lib/clock.server";

/** The demo password of every demo account (README lists them). */
export const DEMO_PASSWORD = "IsoXa@2026";

type SeedUnit = { code: string; name: string; kind: UnitKind; parent?: string; place: string; validFrom?: string; validTo?: string; from?: string[] };

const DISTRICT_END = "2025-06-30";
const MERGER_START = "2025-07-01";

const OLD_COMMUNES: [code: string, name: string][] = [
  ["TD", "Tân Dương"],
  ["HT", "Hòa Thành"],
  ["LH", "Long Hậu"],
  ["TP", "Tân Phước"],
  ["HL", "Hòa Long"],
  ["THO", "Tân Hòa"],
  ["LT", "Long Thắng"],
  ["VT", "Vĩnh Thới"],
  ["TTH", "Tân Thành"],
  ["DH", "Định Hòa"],
  ["PH", "Phong Hòa"],
];

/**
 * Demo data: Đồng Tháp province, old Lai Vung district (1 township + 11 communes, until 30/06/2025) and the four
 * communes formed on 01/07/2025. The lineage follows the merger in outline only (the communes taken from
 * neighbouring districts are left out): check it against the Standing Committee's resolution before real use.
 * A second province (Vĩnh Long) exists so that another province's data can be shown to stay out of reach.
 */
export const DEMO_UNITS: SeedUnit[] = [
  // The national level above every province (decision 0018): its inspectors read every province.
  { code: "BKHCN", name: "Bộ Khoa học và Công nghệ", kind: "ministry", place: "Hà Nội" },
  { code: "DT", name: "Tỉnh Đồng Tháp", kind: "province", parent: "BKHCN", place: "Đồng Tháp" },
  { code: "DT-LV", name: "Huyện Lai Vung", kind: "district", parent: "DT", place: "Lai Vung", validTo: DISTRICT_END },
  { code: "DT-LV-TTLV", name: "Thị trấn Lai Vung", kind: "township", parent: "DT-LV", place: "Lai Vung", validTo: DISTRICT_END },
  ...OLD_COMMUNES.map(([c, n]): SeedUnit => ({ code: `DT-LV-${c}`, name: `Xã ${n}`, kind: "commune", parent: "DT-LV", place: n, validTo: DISTRICT_END })),
  {
    code: "DT-LAIVUNG",
    name: "Xã Lai Vung",
    kind: "commune",
    parent: "DT",
    place: "Lai Vung",
    validFrom: MERGER_START,
    from: ["DT-LV-TTLV", "DT-LV-TTH", "DT-LV-LT"],
  },
  {
    code: "DT-HOALONG",
    name: "Xã Hòa Long",
    kind: "commune",
    parent: "DT",
    place: "Hòa Long",
    validFrom: MERGER_START,
    from: ["DT-LV-HL", "DT-LV-LH", "DT-LV-VT"],
  },
  {
    code: "DT-PHONGHOA",
    name: "Xã Phong Hòa",
    kind: "commune",
    parent: "DT",
    place: "Phong Hòa",
    validFrom: MERGER_START,
    from: ["DT-LV-PH", "DT-LV-DH", "DT-LV-TP"],
  },
  {
    code: "DT-TANDUONG",
    name: "Xã Tân Dương",
    kind: "commune",
    parent: "DT",
    place: "Tân Dương",
    validFrom: MERGER_START,
    from: ["DT-LV-TD", "DT-LV-HT", "DT-LV-THO"],
  },
  { code: "VL", name: "Tỉnh Vĩnh Long", kind: "province", parent: "BKHCN", place: "Vĩnh Long" },
  { code: "VL-LONGHO", name: "Xã Long Hồ", kind: "commune", parent: "VL", place: "Long Hồ", validFrom: MERGER_START },
];

export type SeedUser = { username: string; fullName: string; title: string; unit: string; role: Role };

export const DEMO_USERS: SeedUser[] = [
  { username: "quantri", fullName: "Nguyễn Văn Quân", title: "Quản trị hệ thống, Sở KH&CN", unit: "DT", role: "admin" },
  { username: "kiemtra.bo", fullName: "Đặng Văn Bình", title: "Chuyên viên Tổng cục TCĐLCL, Bộ KH&CN", unit: "BKHCN", role: "inspector" },
  { username: "kiemtra.tinh", fullName: "Lê Thị Minh Thư", title: "Chuyên viên Chi cục TCĐLCL", unit: "DT", role: "inspector" },
  { username: "canbo.tinh", fullName: "Phạm Quốc Huy", title: "Chuyên viên Sở KH&CN", unit: "DT", role: "officer" },
  { username: "canbo.huyen", fullName: "Võ Thị Hạnh", title: "Thư ký ISO UBND huyện", unit: "DT-LV", role: "officer" },
  // After 1 July 2025 the district level is gone and inspections are the province's (Sở KH&CN / Chi cục TCĐLCL):
  // the district's inspector joined the province's inspection team and inspects the communes formed from Lai Vung.
  // The district's officer stays in the old district: their work follows its lineage to the four new communes
  // (scope.server.ts), and the administrator sees them among the accounts to move.
  { username: "kiemtra.huyen", fullName: "Đặng Văn Lợi", title: "Đoàn kiểm tra tỉnh (nguyên Tổ CCHC huyện Lai Vung)", unit: "DT", role: "inspector" },
  { username: "thuky.laivung", fullName: "Trần Thị Ngọc Ánh", title: "Thư ký ISO UBND xã", unit: "DT-LAIVUNG", role: "officer" },
  { username: "chutich.laivung", fullName: "Nguyễn Hữu Phước", title: "Chủ tịch UBND xã", unit: "DT-LAIVUNG", role: "leader" },
  { username: "phochutich.laivung", fullName: "Huỳnh Thanh Tâm", title: "Phó Chủ tịch UBND xã", unit: "DT-LAIVUNG", role: "leader" },
  { username: "thuky.hoalong", fullName: "Lý Thị Kim Ngân", title: "Thư ký ISO UBND xã", unit: "DT-HOALONG", role: "officer" },
  { username: "chutich.hoalong", fullName: "Phan Văn Đức", title: "Chủ tịch UBND xã", unit: "DT-HOALONG", role: "leader" },
  { username: "thuky.phonghoa", fullName: "Đỗ Thị Thu Hà", title: "Thư ký ISO UBND xã", unit: "DT-PHONGHOA", role: "officer" },
  { username: "chutich.phonghoa", fullName: "Trương Minh Khoa", title: "Chủ tịch UBND xã", unit: "DT-PHONGHOA", role: "leader" },
  { username: "thuky.tanduong", fullName: "Bùi Thị Mỹ Linh", title: "Thư ký ISO UBND xã", unit: "DT-TANDUONG", role: "officer" },
  { username: "chutich.tanduong", fullName: "Lâm Văn Hậu", title: "Chủ tịch UBND xã", unit: "DT-TANDUONG", role: "leader" },
  { username: "thuky.longho", fullName: "Châu Thị Diễm", title: "Thư ký ISO UBND xã", unit: "VL-LONGHO", role: "officer" },
];

/** Insert the demo units and accounts into an empty database. Returns false when the database already has units. */
export async function seedDemo(db: DB, now = clockNow(), opts: { keysDir?: string } = {}): Promise<boolean> {
  if ((db.select({ n: count() }).from(units).get()?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash (own random salt) shared by the demo accounts
  const t = now.getTime();
  const ctx = { actor: { kind: "system" as const, name: "seed" }, now };
  db.transaction(
    (tx) => {
      const byCode = new Map<string, { id: number; path: string; depth: number }>();
      for (const u of DEMO_UNITS) {
        const parent = u.parent ? byCode.get(u.parent)! : undefined;
        const row = tx
          .insert(units)
          .values({
            code: u.code,
            name: u.name,
            kind: u.kind,
            parentId: parent?.id ?? null,
            placeName: u.place,
            validFrom: u.validFrom ?? null,
            validTo: u.validTo ?? null,
            path: "/pending/",
            depth: parent ? parent.depth + 1 : rootDepth(u.kind),
            createdAt: t,
            updatedAt: t,
          })
          .returning({ id: units.id })
          .get();
        const path = `${parent?.path ?? "/"}${row.id}/`;
        tx.update(units).set({ path }).where(eq(units.id, row.id)).run();
        byCode.set(u.code, { id: row.id, path, depth: parent ? parent.depth + 1 : rootDepth(u.kind) });
        for (const p of u.from ?? [])
          tx.insert(unitLineage)
            .values({ unitId: row.id, predecessorId: byCode.get(p)!.id })
            .run();
      }
      for (const u of DEMO_USERS) {
        tx.insert(users)
          .values({
            username: u.username,
            fullName: u.fullName,
            title: u.title,
            unitId: byCode.get(u.unit)!.id,
            role: u.role,
            passwordHash,
            passwordChangedAt: t,
            createdAt: t,
            updatedAt: t,
          })
          .run();
      }
      const unitIdOf = (code: string) => byCode.get(code)!.id;
      // Each area adds its demo data here, through its own seed function.
      seedFigures(tx, unitIdOf, t);
      recordTrail(tx, ctx, { entity: "database", entityId: "demo", action: "seed", after: { units: DEMO_UNITS.length, users: DEMO_USERS.length } });
    },
    { behavior: "immediate" },
  );
  await seedActions(db, now, DEMO_PASSWORD);
  await seedDocuments(db, now);
  await seedAudits(db);
  // Signing keys live in the data folder (DATA_DIR/keys/units): without one (a bare database) no demo certificate.
  if (opts.keysDir) {
    const inForce = db
      .select({ id: units.id, name: units.name, code: units.code })
      .from(units)
      .all()
      .filter((u) => DEMO_UNITS.find((d) => d.code === u.code && !d.validTo));
    seedDemoCertificates(db, now, opts.keysDir, inForce);
  }
  return true;
}

/**
 * `npm run db:seed` on a data folder: the trail key first, as every writing process loads it (openDataFolder), so the
 * seed's trail rows are keyed like the server's, never plain rows appended to a keyed chain; then the demo data, with
 * the demo units' signing keys under DATA_DIR/keys/units.
 */
export async function seedDataFolder(db: DB, dataDir: string, now: Date): Promise<boolean> {
  prepareTrail(db, dataDir, now);
  return seedDemo(db, now, { keysDir: unitKeysDir(dataDir) });
}
