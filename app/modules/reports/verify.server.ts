import { createHash } from "node:crypto";
import type { DB } from "#db/client";
import { findIssuedByCode, findIssuedByHash } from "./queries.server";
import { isSha256, normaliseVerifyCode, type Verification } from "./rules";

// The type lives in rules.ts so the browser-side component can name it without touching this server module.
export type { Verification };

/** Anyone holding a file, its SHA-256 or the code from its footer can ask whether the system issued it. */
export function verifyText(db: DB, q: string): Verification {
  const s = q.trim().toLowerCase();
  if (isSha256(s)) return { by: "hash", sha256: s, report: findIssuedByHash(db, s) ?? null };
  const code = normaliseVerifyCode(q);
  if (code) return { by: "code", code, report: findIssuedByCode(db, code) ?? null };
  return { by: "invalid" };
}

export function verifyBytes(db: DB, bytes: Uint8Array): Verification {
  return verifyHash(db, sha256Of(bytes));
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A file's hash, computed when it was uploaded (the verification page redirects to itself with it). */
export function verifyHash(db: DB, sha256: string): Verification {
  return { by: "file", sha256, report: findIssuedByHash(db, sha256) ?? null };
}
