import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuditForm } from "~/components/audits/audit-form";
import { updateAudit } from "~/modules/audits/plan.server";
import { auditFormOptions, getAuditDetail } from "~/modules/audits/queries.server";
import { AuditPlanSchema } from "~/modules/audits/schema";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";
import { dayToInput } from "~/utils/zod";

export const meta: MetaFunction = () => [{ title: "Sửa kế hoạch đánh giá · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  try {
    const d = getAuditDetail(ctxFor(user), id);
    if (!d.can.edit) throw new Response("audits.errors.onlyPlanned", { status: 403 });
    return {
      id,
      unitName: d.unit.name,
      options: auditFormOptions(getDb(), user, vnDay(new Date())),
      defaultValue: {
        unitId: String(d.audit.unitId),
        title: d.audit.title,
        objectives: d.audit.objectives ?? "",
        startOn: dayToInput(d.audit.startOn),
        endOn: dayToInput(d.audit.endOn),
        leadAuditorId: String(d.audit.leadAuditorId),
        teamIds: d.team.map((m) => String(m.id)),
        clauseCodes: d.clauses.map((c) => c.code),
        processes: d.processText,
      },
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), AuditPlanSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    updateAudit(ctxFor(user), id, submission.value);
    return redirectWithFlash(`/audits/${id}`, { key: "common.saved" });
  });
}

export default function EditAudit() {
  const { id, unitName, options, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("audits.edit")}</h1>
      <AuditForm lastResult={useActionData<typeof action>()} defaultValue={defaultValue} options={options} fixedUnitName={unitName} cancelTo={`/audits/${id}`} />
    </>
  );
}
