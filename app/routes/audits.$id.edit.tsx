import { processLines } from "~/modules/audits/rules";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuditForm } from "~/components/audits/audit-form";
import { updateAudit } from "~/modules/audits/plan.server";
import { auditFormOptions, getAuditDetail } from "~/modules/audits/queries.server";
import { AuditPlanSchema } from "~/modules/audits/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { dayToInput } from "~/lib/zod";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.audits.$id.edit");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const d = getAuditDetail(ctx, id);
  if (!d.can.edit) throw new Response("audits.errors.onlyPlanned", { status: 403 });
  return {
    id,
    unitName: d.unit.name,
    options: auditFormOptions(ctx),
    defaultValue: {
      unitId: String(d.audit.unitId),
      title: d.audit.title,
      objectives: d.audit.objectives ?? "",
      startOn: dayToInput(d.audit.startOn),
      endOn: dayToInput(d.audit.endOn),
      leadAuditorId: String(d.audit.leadAuditorId),
      teamIds: d.team.map((m) => String(m.id)),
      clauseCodes: d.clauses.map((c) => c.code),
      processDocIds: d.processes.filter((p) => p.documentId).map((p) => String(p.documentId)),
      processes: processLines(d.processes.filter((p) => !p.documentId)),
    },
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), AuditPlanSchema, (value) => {
    updateAudit(ctx, id, value);
    return redirectWithFlash(`/audits/${id}`, { key: "common.saved" });
  });
});

export default function EditAudit() {
  const { id, unitName, options, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("audits.edit")}</h1>
      <AuditForm
        lastResult={useActionData<typeof action>()}
        defaultValue={defaultValue}
        options={options}
        fixedUnitName={unitName}
        cancelTo={`/audits/${id}`}
      />
    </>
  );
}
