// npm run report -- --unit <code> --kind <unit|area|annual> --period <YYYY-MM|YYYY-Qn|YYYY> --out <file.pdf>
// Writes one report against the configured database. It is archived like any other (DATA_DIR/reports, with its
// hash, so its QR code verifies) and copied to --out.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { bootstrapDatabase } from "#db/bootstrap";
import { PERIOD_REPORT_KINDS, REPORT_KINDS, units } from "#db/schema";
import { produceQueued, reportsBaseUrl, requestReport } from "~/modules/reports/generate.server";
import { parsePeriod } from "~/modules/reports/periods";
import { stopRenderWorker } from "~/modules/reports/render.server";
import { readConfig } from "~/utils/config.server";
import { DomainError } from "~/utils/errors";
import { translate } from "~/i18n";

const USAGE = `usage: npm run report -- --unit <unit code> --kind <unit|area|annual> --period <YYYY-MM|YYYY-Qn|YYYY> --out <file.pdf>
       npm run report -- --kind <audit|action|minutes> --id <record id> --out <file.pdf>`;

function fail(message: string): never {
  console.error(`error: ${message}\n${USAGE}`);
  process.exit(2);
}

const { values } = parseArgs({ options: { unit: { type: "string" }, kind: { type: "string" }, period: { type: "string" }, out: { type: "string" }, id: { type: "string" } }, allowPositionals: false });
const kind = values.kind ?? fail("--kind is required");
if (!(REPORT_KINDS as readonly string[]).includes(kind)) fail(`unknown kind "${kind}" (one of: ${REPORT_KINDS.join(", ")})`);
if (!(PERIOD_REPORT_KINDS as readonly string[]).includes(kind)) {
  // Audit reports, action forms and minutes are drawn from their own records (templates/audit-report.ts …),
  // whose tables come with the audits and corrective-actions modules.
  fail(`kind "${kind}" needs --id of its record, and its module's tables are not in this build yet`);
}
const out = values.out ?? fail("--out is required");
const period = parsePeriod(values.period ?? "") ?? fail(`unknown period "${values.period ?? ""}" (YYYY-MM, YYYY-Qn or YYYY)`);
const code = values.unit ?? fail("--unit is required");

process.env.REPORTS_WORKER ??= "off"; // one report: no need for a worker thread
const config = readConfig();
const db = await bootstrapDatabase(config);
const unit = db.select().from(units).where(eq(units.code, code)).get() ?? fail(`unknown unit code "${code}"`);
const now = new Date();
try {
  const row = requestReport({ db, actor: { kind: "system", name: "cli" }, now }, { kind: kind as (typeof PERIOD_REPORT_KINDS)[number], unitId: unit.id, period: period.key });
  const done = await produceQueued(db, row.id, { reportsDir: config.reportsDir, baseUrl: reportsBaseUrl() }, now);
  if (!done || done.status !== "done") fail(`generation failed: ${done?.error ?? "not produced"}`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.copyFileSync(path.join(config.reportsDir, done.file!), out);
  console.log(JSON.stringify({ id: done.id, kind, unit: code, period: period.key, out, sha256: done.sha256, size: done.size, pages: done.pages, verifyCode: done.verifyCode }, null, 2));
} catch (e) {
  if (e instanceof DomainError) fail(Object.values(e.fieldErrors).flat().map((k) => translate("en", k)).join("; ") || translate("en", e.messageKey));
  throw e;
} finally {
  await stopRenderWorker();
  db.$client.close();
}
