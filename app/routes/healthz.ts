import { appliedMigrations } from "#db/client";
import { getDb } from "~/utils/db.server";

/** Liveness and readiness: the database answers, and how many migrations it has applied. */
export function loader() {
  try {
    const db = getDb();
    db.$client.prepare("SELECT 1").get();
    return Response.json({ ok: true, database: "reachable", migrations: appliedMigrations(db) }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    console.error("[healthz]", e);
    return Response.json({ ok: false, database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
