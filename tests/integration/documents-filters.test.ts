import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "#db/schema";
import { clauseOptions, listDocuments, parseDocumentFilter } from "~/modules/documents/queries.server";
import { LIST_STATUSES, OVERDUE_FILTERS } from "~/modules/documents/schema";
import { closeTestDb, ctxOf, testDb } from "../support/db";

/**
 * Every value each filter of the document list offers answers with a list, never an SQL error: the "awaiting
 * approval" status and every clause were a 500 (`EXISTS SELECT …` without parentheses).
 */
describe("document list filters", () => {
  let db: ReturnType<typeof testDb>;
  beforeAll(() => (db = testDb({ seeded: true })));
  afterAll(() => closeTestDb(db));

  const list = (username: string, query: Record<string, string>) => {
    const ctx = ctxOf(db, username);
    return listDocuments(ctx, parseDocumentFilter(new URLSearchParams(query)));
  };

  it("answers every status, kind, overdue and clause value for an officer and an inspector", () => {
    const values: Record<string, string[]> = {
      status: [...LIST_STATUSES],
      kind: [...DOCUMENT_KINDS],
      overdue: [...OVERDUE_FILTERS],
      clause: clauseOptions(db).map((c) => c.code),
    };
    let tried = 0;
    for (const username of ["thuky.laivung", "kiemtra.tinh"]) {
      for (const [name, vs] of Object.entries(values)) {
        for (const v of vs) {
          expect(() => list(username, { [name]: v }), `${username} ${name}=${v}`).not.toThrow();
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
  });

  it("a clause filter finds the documents filed under it and its sub-clauses", () => {
    const all = list("kiemtra.tinh", {});
    expect(all.total).toBeGreaterThan(0);
    const under7 = list("kiemtra.tinh", { clause: "7" });
    const under75 = list("kiemtra.tinh", { clause: "7.5" });
    expect(under7.total).toBeGreaterThanOrEqual(under75.total);
    expect(list("kiemtra.tinh", { status: "pending" }).rows.every((r) => r.status !== "obsolete")).toBe(true);
  });
});
