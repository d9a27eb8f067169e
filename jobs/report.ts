// npm run report -- --unit <code> --kind <unit|area|annual> --period <YYYY-MM|YYYY-Qn|YYYY> --out <file.pdf>
// npm run report -- --kind <audit|action|minutes> --subject <id> --out <file.pdf>   (--id is accepted too)
// A record document (audit, action, minutes) is archived like any other (DATA_DIR/reports, with its hash, so its
// QR code verifies) and copied to --out. A period report (unit, area, annual) is a report the unit sends: the
// command writes its draft ("DỰ THẢO" on every page) to --out and archives nothing; it is issued in the app by the
// unit's head (decision 0016).
import { makeCtx } from "~/modules/context.server";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { openDataFolder } from "~/modules/data-folder.server";
import { PERIOD_REPORT_KINDS, REPORT_KINDS, units, type PeriodReportKind, type RecordReportKind } from "#db/schema";
import { reportsBaseUrl } from "~/modules/reports/deps.server";
import { produceQueued } from "~/modules/reports/produce.server";
import { requestRecordReport, type ReportRow } from "~/modules/reports/request.server";
import { draftPath, renderDraft } from "~/modules/reports/issue.server";
import { parsePeriod } from "~/modules/reports/periods";
import { stopRenderWorker } from "~/modules/reports/render.server";
import { readConfig } from "~/lib/config.server";
import { now as clockNow } from "~/lib/clock.server";
import { DomainError } from "~/lib/errors";
import { translate } from "~/i18n";

const USAGE = `usage: npm run report -- --unit <unit code> --kind <unit|area|annual> --period <YYYY-MM|YYYY-Qn|YYYY> --out <file.pdf>
       npm run report -- --kind <audit|action|minutes> --subject <id> --out <file.pdf>
         (audit: the audit's id; action: the finding's id; minutes: the inspection's id)`;

function fail(message: string): never {
  console.error(`error: ${message}\n${USAGE}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    unit: { type: "string" },
    kind: { type: "string" },
    period: { type: "string" },
    out: { type: "string" },
    id: { type: "string" },
    subject: { type: "string" },
  },
  allowPositionals: false,
});
const kind = values.kind ?? fail("--kind is required");
if (!(REPORT_KINDS as readonly string[]).includes(kind)) fail(`unknown kind "${kind}" (one of: ${REPORT_KINDS.join(", ")})`);
const byRecord = !(PERIOD_REPORT_KINDS as readonly string[]).includes(kind);
const out = values.out ?? fail("--out is required");
let subjectId = 0;
let period: NonNullable<ReturnType<typeof parsePeriod>> | undefined;
let code = "";
if (byRecord) {
  // Audit reports, action forms and minutes are drawn from one record, named by its id.
  const raw =
    values.subject ??
    values.id ??
    fail(`kind "${kind}" needs --subject <id> (${kind === "action" ? "the finding's id" : kind === "audit" ? "the audit's id" : "the inspection's id"})`);
  if (!/^\d{1,15}$/.test(raw) || Number(raw) <= 0) fail(`--subject must be a positive record id, not "${raw}"`);
  subjectId = Number(raw);
} else {
  period = parsePeriod(values.period ?? "") ?? fail(`unknown period "${values.period ?? ""}" (YYYY-MM, YYYY-Qn or YYYY)`);
  code = values.unit ?? fail("--unit is required");
}

process.env.REPORTS_WORKER ??= "off"; // one report: no need for a worker thread
const config = readConfig();
const db = await openDataFolder(config, clockNow, "report");
const unit = byRecord ? undefined : (db.select().from(units).where(eq(units.code, code)).get() ?? fail(`unknown unit code "${code}"`));
const now = clockNow();
try {
  const ctx = makeCtx(db, { kind: "system" as const, name: "cli" }, now);
  if (!byRecord) {
    const { bytes } = await renderDraft(ctx, kind, unit!.id, period!.key, { baseUrl: reportsBaseUrl() });
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, bytes);
    console.error(`draft only (not archived, no number): the unit's head issues it at ${draftPath(kind as PeriodReportKind, unit!.id, period!)}`);
    console.log(JSON.stringify({ kind, unit: code, period: period!.key, out, draft: true, size: bytes.length }, null, 2));
  } else {
    let row: ReportRow;
    try {
      row = requestRecordReport(ctx, { kind: kind as RecordReportKind, subjectId });
    } catch (e) {
      if (e instanceof DomainError && e.messageKey === "errors.notFound")
        fail(`no ${kind === "action" ? "finding" : kind === "audit" ? "audit" : "inspection"} with id ${subjectId}`);
      throw e;
    }
    const done = await produceQueued(db, row.id, { reportsDir: config.reportsDir, baseUrl: reportsBaseUrl() }, now);
    if (!done || done.status !== "done") fail(`generation failed: ${done?.error ?? "not produced"}`);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.copyFileSync(path.join(config.reportsDir, done.file!), out);
    console.log(
      JSON.stringify(
        {
          id: done.id,
          kind,
          unit: code || undefined,
          period: period?.key,
          subject: byRecord ? subjectId : undefined,
          out,
          sha256: done.sha256,
          size: done.size,
          pages: done.pages,
          verifyCode: done.verifyCode,
        },
        null,
        2,
      ),
    );
  }
} catch (e) {
  if (e instanceof DomainError)
    fail(
      Object.values(e.fieldErrors)
        .flat()
        .map((k) => translate("en", k))
        .join("; ") || translate("en", e.messageKey),
    );
  throw e;
} finally {
  await stopRenderWorker();
  db.$client.close();
}
