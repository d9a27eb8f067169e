// npm run bench:generate -- --scale <quick|province|national> [--seed 42] [--out bench/.data/<scale>]
//
// Fills a fresh database (through the real migrations) with deterministic synthetic data for the load benchmarks.
// Same seed and scale → same rows. Bulk inserts with prepared statements in large transactions,
// foreign keys ON and checked on every insert (parents first; a
// document's current revision is set once its revisions exist: no deferred violation, which would make SQLite
// search the child tables on every later parent insert).
// The demo accounts (password IsoXa@2026) exist for signing in: quantri (admin), kiemtra.bo (inspector of the ministry:
// every province), kiemtra.tinh (inspector of the first province), thuky.laivung / chutich.laivung (officer / leader
// of the first commune).
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { openDatabase } from "#db/client";
import { DEMO_PASSWORD } from "#db/seed";
import { hashPassword } from "~/modules/auth/password.server";
import { GENESIS_HASH, trailHash } from "~/modules/trail/record.server";
import { appendCheckpoint, createTrailKey } from "~/lib/trail-key.server";
import { blobPath } from "~/modules/files/store.server";

export type Scale = "quick" | "province" | "national";

export const SCALES: Record<Scale, { provinces: number; communes: number; years: number }> = {
  quick: { provinces: 2, communes: 40, years: 2 },
  province: { provinces: 1, communes: 100, years: 2 },
  national: { provinces: 34, communes: 3321, years: 10 },
};

/** The data ends here (fixed, so that a seed always gives the same database). */
export const BENCH_NOW = Date.UTC(2026, 10, 1, 2, 0, 0); // 01/11/2026 09:00 Asia/Ho_Chi_Minh

/** Per commune and year. */
const FINDINGS_PER_YEAR = 20;
const DOCUMENTS_PER_COMMUNE = 30;
const CHECKLIST_ITEMS = 12;

export function benchDataDir(scale: Scale) {
  return path.resolve("bench/.data", scale);
}

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

const PROVINCE_NAMES = [
  "Đồng Tháp",
  "Vĩnh Long",
  "An Giang",
  "Cần Thơ",
  "Cà Mau",
  "Tây Ninh",
  "Đồng Nai",
  "Lâm Đồng",
  "Khánh Hòa",
  "Đắk Lắk",
  "Gia Lai",
  "Quảng Ngãi",
  "Đà Nẵng",
  "Huế",
  "Quảng Trị",
  "Hà Tĩnh",
  "Nghệ An",
  "Thanh Hóa",
  "Ninh Bình",
  "Hưng Yên",
  "Hải Phòng",
  "Quảng Ninh",
  "Bắc Ninh",
  "Phú Thọ",
  "Thái Nguyên",
  "Tuyên Quang",
  "Lào Cai",
  "Lai Châu",
  "Điện Biên",
  "Sơn La",
  "Lạng Sơn",
  "Cao Bằng",
  "Hà Nội",
  "TP. Hồ Chí Minh",
];
const PLACE_WORDS = ["Tân", "Hòa", "Long", "Phú", "Mỹ", "An", "Bình", "Thạnh", "Phước", "Vĩnh", "Định", "Hưng", "Thuận", "Lộc", "Khánh", "Xuân"];
const FINDING_TEXTS = [
  "Hồ sơ thủ tục hành chính trả kết quả trễ hạn nhưng chưa có văn bản xin lỗi người dân",
  "Danh mục tài liệu bên ngoài chưa cập nhật văn bản quy phạm pháp luật mới",
  "Mục tiêu chất lượng năm chưa được phổ biến đến các bộ phận",
  "Biểu mẫu đang sử dụng không đúng phiên bản hiện hành",
  "Chưa lưu hồ sơ xem xét của lãnh đạo theo quy định",
  "Sổ theo dõi hồ sơ tại bộ phận một cửa ghi chép chưa đầy đủ",
  "Chưa khảo sát mức độ hài lòng của người dân theo kế hoạch",
  "Quy trình nội bộ chưa phản ánh thay đổi về thời hạn giải quyết",
];
const ACTION_TEXTS = [
  "Rà soát và cập nhật quy trình, phổ biến cho cán bộ, công chức",
  "Bổ sung văn bản xin lỗi và theo dõi thời hạn giải quyết hằng tuần",
  "Cập nhật danh mục tài liệu, thu hồi bản lỗi thời",
  "Tổ chức tập huấn lại cho bộ phận tiếp nhận và trả kết quả",
];
const DOC_TITLES = [
  "Sổ tay chất lượng",
  "Chính sách chất lượng",
  "Mục tiêu chất lượng",
  "Quy trình kiểm soát tài liệu",
  "Quy trình đánh giá nội bộ",
  "Quy trình hành động khắc phục",
  "Quy trình giải quyết TTHC",
  "Biểu mẫu theo dõi",
  "Hướng dẫn tiếp nhận hồ sơ",
];
const DOC_KINDS = ["manual", "policy", "objectives", "process", "process", "process", "process", "form", "guideline"] as const;
const SOURCES = ["internal_audit", "inspection", "complaint", "management_review", "par_index"] as const;
/** Grades with their weights: major, minor require an action; observation, ofi do not. */
const GRADES = ["major", "minor", "minor", "minor", "minor", "observation", "observation", "ofi"] as const;

export type GenerateResult = { file: string; seconds: number; counts: Record<string, number> };

export async function generate(scale: Scale, opts: { seed?: number; outDir?: string; log?: (s: string) => void } = {}): Promise<GenerateResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const started = performance.now();
  const cfg = SCALES[scale];
  const outDir = path.resolve(opts.outDir ?? benchDataDir(scale));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "iso-xa.db");
  // A complete data folder, as the app would have written it: the trail keyed from its first row (the key in
  // keys/trail.key, a checkpoint at the end) and every file row's bytes under files/, so that `trail:verify` on the
  // generated data checks what it checks in production (issue 15).
  const trailKey = createTrailKey(outDir);
  const uploadsDir = path.join(outDir, "files");
  const db = openDatabase(file, { migrationsDir: path.resolve("db/migrations") });
  const sql = db.$client;
  // Generation only: no fsync (a crash just means generating again). The journal stays WAL as the app opens it.
  sql.pragma("synchronous = OFF");
  sql.pragma("cache_size = -262144");
  sql.pragma("temp_store = MEMORY");

  const r = prng(opts.seed ?? 42);
  const passwordHash = await hashPassword(DEMO_PASSWORD); // hashed once, shared by every generated account
  const clauses = (sql.prepare("SELECT code FROM iso_clauses WHERE parent_code IS NOT NULL ORDER BY sort_order").all() as { code: string }[]).map(
    (c) => c.code,
  );
  const t0 = BENCH_NOW;
  const firstYear = new Date(t0).getUTCFullYear() - cfg.years + 1;
  const counts: Record<string, number> = {};
  const bump = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);

  const ins = (table: string, cols: string[]) => {
    const st = sql.prepare(`INSERT INTO ${table} (${cols.join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
    return (...vals: unknown[]) => {
      st.run(...vals);
      bump(table);
    };
  };
  const unitIns = ins("units", ["id", "code", "name", "kind", "parent_id", "path", "depth", "place_name", "created_at", "updated_at"]);
  const userIns = ins("users", ["id", "username", "full_name", "title", "unit_id", "role", "password_hash", "password_changed_at", "created_at", "updated_at"]);
  const findingIns = ins("findings", [
    "id",
    "unit_id",
    "source",
    "grade_code",
    "clause_code",
    "description",
    "evidence",
    "found_on",
    "action_due_on",
    "status",
    "raised_by_id",
    "closed_at",
    "closed_by_id",
    "close_note",
    "created_at",
    "updated_at",
  ]);
  const requestIns = ins("ca_requests", [
    "id",
    "finding_id",
    "unit_id",
    "correction",
    "root_cause_method",
    "root_cause",
    "created_by_id",
    "created_at",
    "updated_at",
  ]);
  const actionIns = ins("corrective_actions", [
    "id",
    "request_id",
    "finding_id",
    "unit_id",
    "description",
    "owner_id",
    "due_on",
    "status",
    "overdue_since",
    "started_at",
    "implemented_at",
    "implemented_on",
    "implemented_by_id",
    "verified_at",
    "verified_by_id",
    "closed_at",
    "created_by_id",
    "created_at",
    "updated_at",
  ]);
  const fileIns = ins("files", ["id", "sha256", "size", "mime", "ext", "original_name", "unit_id", "uploaded_by_id", "created_at"]);
  const docIns = ins("documents", [
    "id",
    "unit_id",
    "code",
    "title",
    "kind",
    "owner",
    "review_cycle_months",
    "status",
    "current_revision_id",
    "effective_from",
    "last_reviewed_on",
    "next_review_on",
    "created_by_id",
    "created_at",
    "updated_at",
  ]);
  const revIns = ins("document_revisions", [
    "id",
    "document_id",
    "number",
    "change_summary",
    "file_id",
    "status",
    "drafted_by_id",
    "drafted_at",
    "approved_by_id",
    "approved_at",
    "effective_from",
    "effective_at",
    "superseded_at",
    "superseded_by_id",
    "updated_at",
  ]);
  const setCurrent = sql.prepare("UPDATE documents SET current_revision_id = ? WHERE id = ?");
  const programmeIns = ins("audit_programmes", ["id", "unit_id", "year", "objectives", "created_by_id", "created_at", "updated_at"]);
  const auditIns = ins("audits", [
    "id",
    "programme_id",
    "unit_id",
    "title",
    "start_on",
    "end_on",
    "status",
    "lead_auditor_id",
    "conclusion",
    "reported_on",
    "closed_at",
    "planned_by_id",
    "created_at",
    "updated_at",
  ]);
  const itemIns = ins("audit_checklist_items", ["id", "audit_id", "kind", "clause_code", "question", "sort_order", "result", "answered_by_id", "answered_at"]);
  const auditFindingIns = ins("audit_findings", ["finding_id", "audit_id", "checklist_item_id"]);
  const figureIns = ins("service_figures", [
    "unit_id",
    "month",
    "received",
    "resolved_early",
    "resolved_on_time",
    "resolved_overdue",
    "received_online",
    "returned_by_post",
    "feedback_received",
    "feedback_on_time",
    "surveyed",
    "satisfied",
    "created_at",
    "updated_at",
  ]);
  const objectiveIns = ins("quality_objectives", ["unit_id", "year", "title", "measure", "target", "created_at", "updated_at"]);
  const reviewIns = ins("management_reviews", ["unit_id", "held_on", "chaired_by", "inputs", "decisions", "created_by_id", "created_at"]);
  const trailSt = sql.prepare(
    "INSERT INTO trail (at, actor_kind, actor_user_id, actor_name, unit_id, entity, entity_id, action, before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
  );
  let prevHash = GENESIS_HASH;
  const trail = (at: number, user: { id: number; name: string }, unitId: number, entity: string, entityId: number, action: string, after: unknown) => {
    const row = {
      at,
      actorKind: "user" as const,
      actorUserId: user.id,
      actorName: user.name,
      unitId,
      entity,
      entityId: String(entityId),
      action,
      before: null,
      after: JSON.stringify(after),
    };
    const hash = trailHash(prevHash, row, trailKey);
    trailSt.run(row.at, row.actorKind, row.actorUserId, row.actorName, row.unitId, row.entity, row.entityId, row.action, row.before, row.after, prevHash, hash);
    prevHash = hash;
    bump("trail");
  };

  const ids = { unit: 0, user: 0, finding: 0, request: 0, action: 0, file: 0, doc: 0, rev: 0, programme: 0, audit: 0, item: 0 };
  const tx = (fn: () => void) => {
    sql.exec("BEGIN");
    try {
      fn();
      sql.exec("COMMIT");
    } catch (e) {
      sql.exec("ROLLBACK");
      throw e;
    }
  };

  // Units and accounts. Communes are spread evenly over the provinces (3,321 / 34 ≈ 98 each).
  type Commune = { id: number; provinceId: number; officer: { id: number; name: string }; leader: { id: number; name: string } };
  const communes: Commune[] = [];
  tx(() => {
    const admin = ++ids.user; // the admin needs a unit: inserted after the first province
    // The ministry above every province (decision 0018), read by its inspector kiemtra.bo (the national view).
    const nation = ++ids.unit;
    unitIns(nation, "BKHCN", "Bộ Khoa học và Công nghệ", "ministry", null, `/${nation}/`, -1, "Hà Nội", t0, t0);
    for (let p = 0; p < cfg.provinces; p++) {
      const pid = ++ids.unit;
      const pname = PROVINCE_NAMES[p % PROVINCE_NAMES.length]!;
      const pcode = `P${pad(p + 1)}`;
      unitIns(pid, pcode, `Tỉnh ${pname}`, "province", nation, `/${nation}/${pid}/`, 0, pname, t0, t0);
      if (p === 0) userIns(admin, "quantri", "Nguyễn Văn Quân", "Quản trị hệ thống", pid, "admin", passwordHash, t0, t0, t0);
      userIns(
        ++ids.user,
        p === 0 ? "kiemtra.tinh" : `kiemtra.${pcode.toLowerCase()}`,
        "Lê Thị Minh Thư",
        "Chuyên viên Chi cục TCĐLCL",
        pid,
        "inspector",
        passwordHash,
        t0,
        t0,
        t0,
      );
      userIns(
        ++ids.user,
        p === 0 ? "canbo.tinh" : `canbo.${pcode.toLowerCase()}`,
        "Phạm Quốc Huy",
        "Chuyên viên Sở KH&CN",
        pid,
        "officer",
        passwordHash,
        t0,
        t0,
        t0,
      );
      const n = Math.floor(cfg.communes / cfg.provinces) + (p < cfg.communes % cfg.provinces ? 1 : 0);
      for (let c = 0; c < n; c++) {
        const cid = ++ids.unit;
        const place = `${r.pick(PLACE_WORDS)} ${r.pick(PLACE_WORDS)}`;
        const first = p === 0 && c === 0;
        const ccode = first ? "DT-LAIVUNG" : `${pcode}-C${pad(c + 1, 3)}`;
        unitIns(
          cid,
          ccode,
          first ? "Xã Lai Vung" : `${r.chance(0.2) ? "Phường" : "Xã"} ${place}`,
          r.chance(0.2) ? "ward" : "commune",
          pid,
          `/${nation}/${pid}/${cid}/`,
          1,
          place,
          t0,
          t0,
        );
        const officer = { id: ++ids.user, name: "Trần Thị Ngọc Ánh" };
        userIns(
          officer.id,
          first ? "thuky.laivung" : `thuky.${ccode.toLowerCase()}`,
          officer.name,
          "Thư ký ISO UBND xã",
          cid,
          "officer",
          passwordHash,
          t0,
          t0,
          t0,
        );
        const leader = { id: ++ids.user, name: "Nguyễn Hữu Phước" };
        userIns(
          leader.id,
          first ? "chutich.laivung" : `chutich.${ccode.toLowerCase()}`,
          leader.name,
          "Chủ tịch UBND xã",
          cid,
          "leader",
          passwordHash,
          t0,
          t0,
          t0,
        );
        communes.push({ id: cid, provinceId: pid, officer, leader });
      }
    }
    userIns(++ids.user, "kiemtra.bo", "Đặng Văn Bình", "Chuyên viên Tổng cục TCĐLCL, Bộ KH&CN", nation, "inspector", passwordHash, t0, t0, t0);
  });

  const seedCommune = (c: Commune) => {
    // Service figures: one row per month.
    for (let y = firstYear; y < firstYear + cfg.years; y++) {
      for (let m = 1; m <= 12; m++) {
        const at = Date.UTC(y, m - 1, 5);
        if (at > t0) break;
        const received = r.int(60, 400);
        const overdue = r.int(0, Math.round(received * 0.04));
        const early = Math.round((received - overdue) * (0.3 + r.next() * 0.3));
        const surveyed = r.int(10, 60);
        const feedback = r.int(0, 3);
        figureIns(
          c.id,
          `${y}-${pad(m)}`,
          received,
          early,
          received - overdue - early,
          overdue,
          Math.round(received * (0.3 + r.next() * 0.5)),
          Math.round(received * r.next() * 0.2),
          feedback,
          Math.min(feedback, r.int(0, 3)),
          surveyed,
          surveyed - r.int(0, 4),
          at,
          at,
        );
      }
      const yStart = Date.UTC(y, 0, 10);
      objectiveIns(c.id, y, "Tỷ lệ hồ sơ giải quyết đúng hạn", "on_time_rate", 98, yStart, yStart);
      objectiveIns(c.id, y, "Tỷ lệ hồ sơ trực tuyến", "online_rate", 60, yStart, yStart);
      objectiveIns(c.id, y, "Mức độ hài lòng của người dân", "satisfaction_rate", 95, yStart, yStart);
      const reviewAt = Date.UTC(y, 11, 15);
      if (reviewAt <= t0)
        reviewIns(
          c.id,
          iso(reviewAt),
          c.leader.name,
          "Kết quả đánh giá nội bộ, phản hồi của người dân, mục tiêu chất lượng",
          "Duy trì hệ thống; cập nhật quy trình",
          c.officer.id,
          reviewAt,
        );
    }

    // Documents: a revision about every two and a half years, the last one effective.
    for (let d = 0; d < DOCUMENTS_PER_COMMUNE; d++) {
      const docId = ++ids.doc;
      const k = d % DOC_TITLES.length;
      const nRev = 1 + Math.round(cfg.years * 0.4 * (0.6 + r.next() * 0.8));
      const firstAt = Date.UTC(firstYear, 0, 15) + r.int(0, 120) * DAY;
      const span = t0 - firstAt - 30 * DAY;
      const revIds = Array.from({ length: nRev }, () => ++ids.rev);
      const at = revIds.map((_, i) => firstAt + Math.floor((span * i) / nRev));
      const lastAt = at[nRev - 1]!;
      docIns(
        docId,
        c.id,
        `QT-${pad(d + 1)}`,
        `${DOC_TITLES[k]} ${d + 1}`,
        DOC_KINDS[k]!,
        "Văn phòng HĐND và UBND",
        12,
        "effective",
        null,
        iso(lastAt),
        iso(lastAt + 200 * DAY),
        iso(lastAt + 365 * DAY),
        c.officer.id,
        firstAt,
        lastAt,
      );
      const fileId = ++ids.file;
      // Small but real bytes (the folder stays ~100 MB nationally); verify hashes every one. The draw that used to
      // give a fake size is kept so that the rest of the data stays the same for a given seed.
      r.int(0, 200_000);
      const bytes = Buffer.from(`%PDF-1.4\n% ISO Xa bench document ${docId}\n%%EOF\n`);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const blob = blobPath(uploadsDir, sha256);
      fs.mkdirSync(path.dirname(blob), { recursive: true });
      fs.writeFileSync(blob, bytes);
      fileIns(fileId, sha256, bytes.length, "application/pdf", "pdf", `QT-${pad(d + 1)}.pdf`, c.id, c.officer.id, firstAt);
      // Newest first: each older revision points at the one that superseded it, already inserted.
      for (let i = nRev - 1; i >= 0; i--) {
        const last = i === nRev - 1;
        const a = at[i]!;
        revIns(
          revIds[i],
          docId,
          i + 1,
          i === 0 ? "Ban hành lần đầu" : "Cập nhật theo quy định mới",
          fileId,
          last ? "effective" : "superseded",
          c.officer.id,
          a - 10 * DAY,
          c.leader.id,
          a - DAY,
          iso(a),
          a,
          last ? null : at[i + 1],
          last ? null : revIds[i + 1],
          last ? a : at[i + 1],
        );
      }
      setCurrent.run(revIds[nRev - 1], docId);
      trail(lastAt, c.officer, c.id, "document", docId, "revision.take-effect", { revision: nRev });
    }

    // Each year: an internal audit with its checklist, then the year's findings and their corrective actions.
    for (let y = firstYear; y < firstYear + cfg.years; y++) {
      const auditStart = Date.UTC(y, 4, 10) + r.int(0, 60) * DAY;
      const pgm = ++ids.programme;
      programmeIns(pgm, c.id, y, "Đánh giá toàn bộ hệ thống", c.officer.id, Date.UTC(y, 0, 20), Date.UTC(y, 0, 20));
      let auditId = 0;
      let itemIds: number[] = [];
      if (auditStart < t0) {
        auditId = ++ids.audit;
        const done = auditStart + 40 * DAY < t0;
        auditIns(
          auditId,
          pgm,
          c.id,
          `Đánh giá nội bộ năm ${y}`,
          iso(auditStart),
          iso(auditStart + 2 * DAY),
          done ? "closed" : "in_progress",
          c.officer.id,
          done ? "Hệ thống được duy trì, có điểm cần khắc phục" : null,
          done ? iso(auditStart + 7 * DAY) : null,
          done ? auditStart + 30 * DAY : null,
          c.officer.id,
          auditStart - 30 * DAY,
          auditStart,
        );
        itemIds = [];
        for (let i = 0; i < CHECKLIST_ITEMS; i++) {
          const itemId = ++ids.item;
          itemIds.push(itemId);
          itemIns(
            itemId,
            auditId,
            "clause",
            clauses[(i * 3) % clauses.length],
            `Đơn vị có đáp ứng yêu cầu điều khoản ${clauses[(i * 3) % clauses.length]}?`,
            i + 1,
            done ? r.pick(["conforms", "conforms", "conforms", "nonconformity", "observation"]) : null,
            done ? c.officer.id : null,
            done ? auditStart + DAY : null,
          );
        }
      }
      for (let f = 0; f < FINDINGS_PER_YEAR; f++) {
        const foundAt = Date.UTC(y, 0, 1) + r.int(0, 364) * DAY;
        if (foundAt > t0) continue;
        const id = ++ids.finding;
        const grade = r.pick(GRADES);
        const needsAction = grade === "major" || grade === "minor";
        const age = t0 - foundAt;
        const closed = age > 240 * DAY ? r.chance(0.97) : age > 60 * DAY ? r.chance(0.5) : false;
        const source = auditId && f < 4 ? "internal_audit" : r.pick(SOURCES);
        const dueAt = foundAt + 60 * DAY;
        const closedAt = closed ? foundAt + r.int(20, 200) * DAY : null;
        findingIns(
          id,
          c.id,
          source,
          grade,
          r.pick(clauses),
          r.pick(FINDING_TEXTS),
          "Kiểm tra hồ sơ lưu tại bộ phận một cửa",
          iso(foundAt),
          needsAction ? iso(dueAt) : null,
          closed ? "closed" : "open",
          c.officer.id,
          closedAt,
          closed ? c.officer.id : null,
          closed ? "Đã khắc phục, xác nhận hiệu lực" : null,
          foundAt,
          closedAt ?? foundAt,
        );
        if (source === "internal_audit" && auditId) auditFindingIns(id, auditId, itemIds[f % itemIds.length] ?? null);
        trail(foundAt, c.officer, c.id, "finding", id, "create", { grade, source });
        if (!needsAction) continue;
        const reqId = ++ids.request;
        requestIns(reqId, id, c.id, "Khắc phục ngay hồ sơ liên quan", "free_text", "Cán bộ chưa nắm quy định mới", c.officer.id, foundAt + DAY, foundAt + DAY);
        const nActions = r.chance(0.3) ? 2 : 1;
        for (let a = 0; a < nActions; a++) {
          const aid = ++ids.action;
          const due = foundAt + r.int(20, 90) * DAY;
          let status: string;
          if (closed) status = "closed";
          else status = r.pick(["proposed", "acknowledged", "in_progress", "in_progress", "implemented", "verified"]);
          const implemented = ["implemented", "verified", "closed"].includes(status);
          const implAt = implemented ? Math.min(due - r.int(-10, 10) * DAY, closedAt ?? t0) : null;
          const overdue = !implemented && due < t0 ? iso(due + DAY) : null;
          actionIns(
            aid,
            reqId,
            id,
            c.id,
            r.pick(ACTION_TEXTS),
            c.officer.id,
            iso(due),
            status,
            overdue,
            status === "proposed" ? null : foundAt + 3 * DAY,
            implAt,
            implAt ? iso(implAt) : null,
            implAt ? c.officer.id : null,
            ["verified", "closed"].includes(status) ? (closedAt ?? implAt) : null,
            ["verified", "closed"].includes(status) ? c.leader.id : null,
            closedAt,
            c.officer.id,
            foundAt + 2 * DAY,
            closedAt ?? implAt ?? foundAt + 2 * DAY,
          );
          trail(foundAt + 2 * DAY, c.officer, c.id, "corrective_action", aid, "create", { status });
        }
      }
    }
  };

  // One transaction per ~100 communes (a province at national scale).
  const perTx = 100;
  for (let i = 0; i < communes.length; i += perTx) {
    tx(() => communes.slice(i, i + perTx).forEach(seedCommune));
    if ((i / perTx) % 5 === 4)
      log(`  ${Math.min(i + perTx, communes.length)}/${communes.length} communes, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const head = sql.prepare("SELECT id, hash FROM trail ORDER BY id DESC LIMIT 1").get() as { id: number; hash: string } | undefined;
  if (head) appendCheckpoint({ key: trailKey, dataDir: outDir }, "checkpoint", head.id, head.hash, new Date(t0));
  sql.pragma("synchronous = NORMAL");
  sql.pragma("wal_checkpoint(TRUNCATE)");
  sql.close();
  const seconds = (performance.now() - started) / 1000;
  return { file, seconds, counts };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "quick" }, seed: { type: "string", default: "42" }, out: { type: "string" } } });
  const scale = values.scale as Scale;
  if (!(scale in SCALES)) {
    console.error(`unknown scale "${values.scale}" (quick, province, national)`);
    process.exit(2);
  }
  const res = await generate(scale, { seed: Number(values.seed), outDir: values.out });
  const total = Object.values(res.counts).reduce((a, b) => a + b, 0);
  console.log(`[bench] ${scale}: ${res.file}`);
  for (const [k, v] of Object.entries(res.counts).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${v.toLocaleString("en")}`);
  console.log(`[bench] ${total.toLocaleString("en")} rows in ${res.seconds.toFixed(1)} s`);
}
