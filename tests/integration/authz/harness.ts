import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { DB } from "#db/client";
import { trail, units, users, type Role } from "#db/schema";
import { hashPassword } from "~/modules/auth/password.server";
import { createSession } from "~/modules/auth/sessions.server";
import { recordTrail } from "~/modules/trail/record.server";
import { setDb } from "~/http/db.server";
import { commitSessionToken } from "~/http/session.server";
import { TEST_NOW, testDb } from "../../support/db";

export const RELS = ["own", "child", "sibling", "parent", "other"] as const;
export type Rel = (typeof RELS)[number];
export const ROLES: Role[] = ["admin", "officer", "leader", "inspector"];

/**
 * The matrix's world: province P1 with districts D1 {C11, C12} and D2 {C21}, province P2 {C31}. Every unit has a
 * unique token in its name and in the records made for it, so a list that leaks shows the token.
 * Actors of every role sit at D1 (child C11, sibling D2, parent P1, other P2) and at C11 (sibling C12, parent D1,
 * other C31; no child).
 */
export const TREE = [
  { code: "P1", kind: "province", parent: null },
  { code: "D1", kind: "district", parent: "P1" },
  { code: "C11", kind: "commune", parent: "D1" },
  { code: "C12", kind: "commune", parent: "D1" },
  { code: "D2", kind: "district", parent: "P1" },
  { code: "C21", kind: "commune", parent: "D2" },
  { code: "P2", kind: "province", parent: null },
  { code: "C31", kind: "commune", parent: "P2" },
] as const;
export type UnitCode = (typeof TREE)[number]["code"];

export const RELATIONS: Record<"D1" | "C11", Partial<Record<Rel, UnitCode>>> = {
  D1: { own: "D1", child: "C11", sibling: "D2", parent: "P1", other: "P2" },
  C11: { own: "C11", sibling: "C12", parent: "D1", other: "C31" },
};

export type Unit = { id: number; code: UnitCode; path: string; token: string };
export type Actor = { role: Role; at: "D1" | "C11"; userId: number; username: string; cookie: string };

export type Fixture = {
  db: DB & { file: string };
  dataDir: string;
  unit: Record<UnitCode, Unit>;
  /** One officer per unit (records and account pages need one). */
  officerOf: Record<UnitCode, number>;
  actors: Actor[];
  now: Date;
  trailCount(): number;
  /** Per-test memo for records a spec creates once per unit. */
  memo: Map<string, unknown>;
};

export const tokenOf = (code: string) => `TOKEN${code}X`;

export async function buildFixture(): Promise<Fixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isoxa-authz-"));
  process.env.DATA_DIR = dataDir;
  const db = testDb();
  setDb(db);
  const now = new Date("2026-11-25T03:00:00Z");
  const t = now.getTime();
  const passwordHash = await hashPassword("MatrixPass#1");
  const unit = {} as Record<UnitCode, Unit>;
  const officerOf = {} as Record<UnitCode, number>;
  const actors: Actor[] = [];
  db.transaction((tx) => {
    for (const u of TREE) {
      const parent = u.parent ? unit[u.parent] : undefined;
      const row = tx
        .insert(units)
        .values({
          code: u.code,
          name: `Đơn vị ${tokenOf(u.code)}`,
          kind: u.kind,
          parentId: parent?.id ?? null,
          placeName: u.code,
          path: "/x/",
          depth: parent ? parent.path.split("/").length - 2 : 0,
          createdAt: t,
          updatedAt: t,
        })
        .returning()
        .get();
      const p = `${parent?.path ?? "/"}${row.id}/`;
      tx.update(units).set({ path: p }).where(eqId(row.id)).run();
      unit[u.code] = { id: row.id, code: u.code, path: p, token: tokenOf(u.code) };
      const off = tx
        .insert(users)
        .values({
          username: `officer.${u.code.toLowerCase()}`,
          fullName: `Cán bộ ${tokenOf(u.code)}`,
          unitId: row.id,
          role: "officer",
          passwordHash,
          passwordChangedAt: t,
          createdAt: t,
          updatedAt: t,
        })
        .returning()
        .get();
      officerOf[u.code] = off.id;
      recordTrail(
        tx,
        { actor: { kind: "system", name: "fixture" }, now },
        { entity: "unit", entityId: row.id, action: "create", unitId: row.id, after: { name: `Đơn vị ${tokenOf(u.code)}` } },
      );
    }
  });
  for (const at of ["D1", "C11"] as const) {
    for (const role of ROLES) {
      const username = `${role}.${at.toLowerCase()}.matrix`;
      const row = db
        .insert(users)
        .values({ username, fullName: `${role} ${at}`, unitId: unit[at].id, role, passwordHash, passwordChangedAt: t, createdAt: t, updatedAt: t })
        .returning()
        .get();
      const token = createSession(db, row.id, TEST_NOW, 1);
      actors.push({ role, at, userId: row.id, username, cookie: token });
    }
  }
  // The cookie exactly as the browser would send it back.
  for (const a of actors) a.cookie = (await commitSessionToken(a.cookie)).split(";")[0]!;
  return {
    db,
    dataDir,
    unit,
    officerOf,
    actors,
    now,
    memo: new Map(),
    trailCount: () => db.select({ n: count() }).from(trail).get()!.n,
  };
}

function eqId(id: number) {
  return eq(units.id, id);
}

/** Every route module of the app, from Remix's own flat-routes convention (a new file cannot be forgotten). */
export function routeManifest() {
  const manifest = flatRoutes(path.resolve("app"));
  return Object.values(manifest).map((r) => ({ id: r.id, file: r.file, path: r.path ?? "" }));
}

export type Outcome = { status: number; body: string; location?: string };

/** Call a route's loader or action the way Remix would, and reduce whatever it returns or throws to status + body. */
export async function call(
  fn: ((args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown) | undefined,
  opts: { method: "GET" | "POST"; url: string; params: Record<string, string>; cookie?: string; form?: FormValues; multipart?: boolean },
): Promise<Outcome> {
  if (!fn) return { status: 405, body: "" };
  const headers = new Headers();
  if (opts.cookie) headers.set("Cookie", opts.cookie);
  let body: BodyInit | undefined;
  if (opts.method === "POST") {
    const entries = Object.entries(opts.form ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x] as const));
    if (opts.multipart || entries.some(([, x]) => x instanceof File)) {
      const fd = new FormData();
      for (const [k, x] of entries) fd.append(k, x);
      body = fd; // fetch sets the multipart boundary itself
    } else {
      const fd = new URLSearchParams();
      for (const [k, x] of entries) fd.append(k, x as string);
      body = fd;
      headers.set("Content-Type", "application/x-www-form-urlencoded");
    }
  }
  const request = new Request(`http://matrix.test${opts.url}`, { method: opts.method, headers, body });
  try {
    return await reduce(await fn({ request, params: opts.params, context: {} }));
  } catch (e) {
    if (e instanceof Response) return reduce(e);
    throw e;
  }
}

export type FormValues = Record<string, string | File | (string | File)[]>;

async function reduce(v: unknown): Promise<Outcome> {
  if (v instanceof Response) {
    const type = v.headers.get("Content-Type") ?? "";
    // Exports are checked for leaks by their cell text, not their zipped bytes.
    const text = type.includes("spreadsheetml") ? await xlsxText(await v.arrayBuffer()) : v.body ? await v.text().catch(() => "") : "";
    return { status: v.status, body: text, location: v.headers.get("Location") ?? undefined };
  }
  if (v && typeof v === "object" && (v as { type?: string }).type === "DataWithResponseInit") {
    const d = v as unknown as { data: unknown; init?: ResponseInit };
    return { status: d.init?.status ?? 200, body: JSON.stringify(d.data) };
  }
  return { status: 200, body: JSON.stringify(v ?? null) };
}

async function xlsxText(buf: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void out.push(String(c.value ?? "")))));
  return out.join("\t");
}
