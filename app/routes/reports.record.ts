import type { ActionFunctionArgs } from "@remix-run/node";
import { produceDepsFor } from "~/modules/reports/deps.server";
import { drainQueue } from "~/modules/reports/produce.server";
import { requestRecordReport } from "~/modules/reports/request.server";
import { RecordReportSchema } from "~/modules/reports/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";

/**
 * POST only: the "Xuất PDF" button of an audit, a finding's corrective actions or an inspection. Queues the
 * record's PDF (scope and capability checked by the verb: out of scope is 404) and goes to its progress page.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), RecordReportSchema, (value) => {
    const row = requestRecordReport(ctx, value);
    void drainQueue(ctx.db, produceDepsFor(request));
    return redirectWithFlash(`/reports/${row.id}`, { key: "reports.requested" });
  });
});
