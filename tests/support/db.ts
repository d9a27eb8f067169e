import { makeCtx } from "~/modules/context.server";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase, type DB } from "#db/client";
import { units, users } from "#db/schema";
import type { Ctx, UserActor } from "~/modules/context";
import { BASE_DB, SEEDED_DB, TMP } from "./global-setup";

/** A fresh copy of the migrated base database (empty), or of the demo-seeded one, in its own file. */
export function testDb(opts: { seeded?: boolean } = {}): DB & { file: string } {
  const file = path.join(TMP, `t-${randomUUID()}.db`);
  fs.copyFileSync(opts.seeded ? SEEDED_DB : BASE_DB, file);
  const db = openDatabase(file, { migrationsDir: path.resolve("db/migrations") });
  return Object.assign(db, { file });
}

export function closeTestDb(db: DB & { file: string }) {
  db.$client.close();
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(db.file + s, { force: true });
}

/** The actor for a demo (or factory) account, as a route would build it from the session. */
export function actorOf(db: DB, username: string): UserActor {
  const row = db
    .select({ id: users.id, name: users.fullName, username: users.username, role: users.role, unitId: users.unitId, unitPath: units.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username))
    .get();
  if (!row) throw new Error(`no user ${username}`);
  return { kind: "user", ...row };
}

/**
 * The fixed clock of the vitest run: the app under test reads it too (vitest.config.ts sets ISOXA_NOW to it), so a
 * route's loader, a session and a domain call agree on "today" on every day of the year.
 */
export const TEST_NOW = new Date("2026-11-25T03:00:00Z");

export function ctxOf(db: DB, username: string, now = TEST_NOW): Ctx {
  return makeCtx(db, actorOf(db, username), now);
}

export function unitIdByCode(db: DB, code: string): number {
  const row = db.select({ id: units.id }).from(units).where(eq(units.code, code)).get();
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}
