import { randomInt } from "node:crypto";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { users, type Role } from "#db/schema";
import { ROLES } from "#db/schema/enums";
import { ConflictError, InvalidInputError } from "~/lib/errors";
import { hashPassword } from "../auth/password.server";
import type { Ctx } from "../context";
import { writeOnce } from "../form-once.server";
import { readKeyedRows } from "../imports/keyed-rows.server";
import { fold, TableReadError } from "../imports/tabular.server";
import { requireCapability } from "../permissions";
import { recordTrail, redact } from "../trail/record.server";
import { getUnitInScopeOrThrow } from "../units/scope.server";
import { UserSchema, type UserInput } from "./schema";

/*
 * A unit's accounts from a spreadsheet: step 1 previews every row (the account it makes, or what is wrong); step 2
 * creates the valid ones in one transaction, each with a one-time password returned once (for a printed list, never
 * stored in clear) and the duty to choose a new password at first sign-in.
 */

export const PEOPLE_IMPORT_MAX_ROWS = 200;

type Column = "fullName" | "title" | "role" | "email" | "username";
const HEADERS: Record<Column, string[]> = {
  fullName: ["ho ten", "ho va ten", "ten", "ten can bo", "name", "full name"],
  title: ["chuc vu", "chuc danh", "title", "job title", "position"],
  role: ["vai tro", "quyen", "role"],
  email: ["email", "e mail", "thu dien tu", "dia chi email"],
  username: ["ten dang nhap", "tai khoan", "username", "login"],
};

/** "Quản trị", "Cán bộ", "Thư ký ISO", "Lãnh đạo", "Chủ tịch", "Kiểm tra", "officer"… → the role. */
export function parseRole(v: string): Role | undefined {
  const f = fold(v);
  if ((ROLES as readonly string[]).includes(f)) return f as Role;
  if (/^(quan tri|administrator)/.test(f)) return "admin";
  if (/^(lanh dao|chu tich|pho chu tich|leader)/.test(f)) return "leader";
  if (/^(kiem tra|thanh tra|inspector)/.test(f)) return "inspector";
  if (/^(can bo|thu ky|cong chuc|quality officer)/.test(f)) return "officer";
  return undefined;
}

/** "Bùi Thị Mỹ Linh" → "linh.btm": the given name, then the initials of the rest. */
export function usernameFor(fullName: string): string {
  const words = fold(fullName).split(" ").filter(Boolean);
  const given = words.pop() ?? "user";
  return `${given}${words.length ? "." + words.map((w) => w[0]).join("") : ""}`.slice(0, 36);
}

/** 12 letters and digits a person can read aloud and type (no 0/o, 1/l/i), in three groups. */
export function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join("")).join("-");
}

export type PeopleRow = { line: number; values: Record<Column, string>; account?: UserInput; errors: Record<string, string[]> };

/** Step 1: read the sheet and say, row by row, which account would be made or what is wrong. Records nothing. */
export async function previewPeopleImport(ctx: Ctx, input: { unitId: number; sheet: File }) {
  requireCapability(ctx.actor, "users.manage");
  const unit = unitOf(ctx, input.unitId);
  let raw;
  try {
    raw = await readKeyedRows(Buffer.from(await input.sheet.arrayBuffer()), HEADERS, ["fullName", "role"], {
      maxBytes: 2 * 1024 * 1024,
      maxRows: PEOPLE_IMPORT_MAX_ROWS,
    });
  } catch (e) {
    if (!(e instanceof TableReadError)) throw e;
    const key =
      e.message === "imports.errors.header"
        ? "peopleImport.errors.header"
        : e.message === "imports.errors.tooManyRows"
          ? "peopleImport.errors.tooMany"
          : e.message;
    throw new InvalidInputError("errors.invalid", {}, { sheet: [key] });
  }
  const wanted = raw.map((r) => (r.values.username || usernameFor(r.values.fullName)).toLowerCase());
  const taken = new Set(
    ctx.db
      .select({ u: users.username })
      .from(users)
      .where(inArray(users.username, [...new Set(wanted.flatMap((w) => [w, ...Array.from({ length: 9 }, (_, i) => `${w}${i + 2}`)]))]))
      .all()
      .map((r) => r.u),
  );
  const rows: PeopleRow[] = raw.map((r, i) => {
    const errors: Record<string, string[]> = {};
    const role = parseRole(r.values.role);
    if (!role) errors.role = [r.values.role ? "peopleImport.errors.role" : "errors.required"];
    // A username the sheet gives must be free; one made from the name gets a number when taken.
    let username = wanted[i]!;
    if (r.values.username) {
      if (taken.has(username)) errors.username = ["people.errors.usernameTaken"];
    } else {
      for (let n = 2; taken.has(username) && n < 11; n++) username = `${wanted[i]}${n}`;
    }
    if (!errors.username) taken.add(username);
    const parsed = UserSchema.safeParse({
      username,
      fullName: r.values.fullName,
      title: r.values.title || undefined,
      email: r.values.email || undefined,
      unitId: unit.id,
      role: role ?? "officer",
    });
    if (!parsed.success) for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "row")] ??= []).push(issue.message);
    return { line: r.line, values: { ...r.values, username }, errors, account: Object.keys(errors).length === 0 && parsed.success ? parsed.data : undefined };
  });
  return { unit: { id: unit.id, name: unit.name }, rows, valid: rows.filter((r) => r.account).length };
}

function unitOf(ctx: Ctx, unitId: number) {
  try {
    return getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  } catch {
    throw new InvalidInputError("errors.invalid", {}, { unitId: ["errors.choose"] });
  }
}

/**
 * Step 2: create the previewed accounts (validated again) in one transaction, each with a one-time password that must
 * be changed at first sign-in. Returns the passwords once, for the printed list; only their scrypt hashes are kept.
 */
export async function applyPeopleImport(ctx: Ctx, input: { unitId: number; rows: string }) {
  requireCapability(ctx.actor, "users.manage");
  const unit = unitOf(ctx, input.unitId);
  let accounts: UserInput[];
  try {
    accounts = z.array(UserSchema).min(1).max(PEOPLE_IMPORT_MAX_ROWS).parse(JSON.parse(input.rows));
  } catch {
    throw new InvalidInputError("peopleImport.errors.stale");
  }
  if (accounts.some((a) => a.unitId !== unit.id) || new Set(accounts.map((a) => a.username)).size !== accounts.length) {
    throw new InvalidInputError("peopleImport.errors.stale");
  }
  const passwords = accounts.map(() => oneTimePassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p))); // slow and async: outside the transaction
  return writeOnce(ctx, (tx) => {
    const clash = tx
      .select({ u: users.username })
      .from(users)
      .where(
        inArray(
          users.username,
          accounts.map((a) => a.username),
        ),
      )
      .all();
    if (clash.length) throw new ConflictError("peopleImport.errors.changed", { usernames: clash.map((c) => c.u).join(", ") });
    const t = ctx.now.getTime();
    const created = accounts.map((a, i) => {
      const row = tx
        .insert(users)
        .values({
          ...a,
          title: a.title ?? null,
          email: a.email ?? null,
          passwordHash: hashes[i]!,
          mustChangePassword: true,
          passwordChangedAt: t,
          createdAt: t,
          updatedAt: t,
        })
        .returning()
        .get();
      recordTrail(tx, ctx, { entity: "user", entityId: row.id, action: "import.create", unitId: unit.id, after: redact(row) });
      return { fullName: row.fullName, username: row.username, title: row.title, role: row.role, password: passwords[i]! };
    });
    recordTrail(tx, ctx, { entity: "user_import", entityId: unit.id, action: "import", unitId: unit.id, after: { created: created.length } });
    return { unit: { id: unit.id, name: unit.name }, created };
  });
}
