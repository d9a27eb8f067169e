import type { ActionFunctionArgs } from "@remix-run/node";
import { produceDepsFor } from "~/modules/reports/deps.server";
import { drainQueue, requestRecordReport } from "~/modules/reports/generate.server";
import { RecordReportSchema } from "~/modules/reports/schema";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm } from "~/utils/forms.server";
import { ctxFor, requireUser } from "~/utils/session.server";

/**
 * POST only: the "Xuất PDF" button of an audit, a finding's corrective actions or an inspection. Queues the
 * record's PDF (scope and capability checked by the verb: out of scope is 404) and goes to its progress page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), RecordReportSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const ctx = ctxFor(user);
    const row = requestRecordReport(ctx, submission.value);
    void drainQueue(ctx.db, produceDepsFor(request));
    return redirectWithFlash(`/reports/${row.id}`, { key: "reports.requested" });
  });
}
