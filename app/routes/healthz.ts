import cluster from "node:cluster";
import { appliedMigrations } from "#db/client";
import { getDb } from "~/http/db.server";
import { handle } from "~/http/edge.server";

/**
 * Liveness and readiness: the database answers, and how many migrations it has applied; `worker` is the web
 * worker that answered (1…WEB_CONCURRENCY; 0 when the server runs in one process).
 */
// why getDb and not a ctx: a probe signs in as nobody; the catch is for an unreachable database, not a domain error.
export const loader = handle(async () => {
  try {
    const db = getDb();
    db.$client.prepare("SELECT 1").get();
    return Response.json(
      { ok: true, database: "reachable", migrations: appliedMigrations(db), worker: cluster.worker?.id ?? 0 },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    console.error("[healthz]", e);
    return Response.json({ ok: false, database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
});
