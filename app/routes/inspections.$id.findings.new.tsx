import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FindingForm } from "~/components/audits/finding-form";
import { clauseOptions, gradeOptions } from "~/modules/audits/queries.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { InspectionFindingSchema } from "~/modules/findings/schema";
import { getInspectionDetail } from "~/modules/inspections/queries.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.inspections.$id.findings.new");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "inspection.write");
  const id = idParam(params.id);
  const d = getInspectionDetail(ctx, id);
  if (!d.defaultDueOn) throw new Response("inspections.errors.minutesFirst", { status: 412 });
  return {
    id,
    title: d.inspection.decisionNumber,
    unitName: d.unit.name,
    defaultDueOn: d.defaultDueOn,
    grades: gradeOptions(ctx.db),
    clauses: clauseOptions(ctx.db),
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), InspectionFindingSchema, (value) => {
    const f = raiseFinding(ctx, { origin: { kind: "inspection", inspectionId: id }, ...value });
    return redirectWithFlash(`/findings/${f.id}`, { key: "findings.recorded" });
  });
});

export default function NewInspectionFinding() {
  const { id, title, unitName, defaultDueOn, grades, clauses } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/inspections/${id}`}>← {t("inspections.detail", { number: title })}</Link>
      </p>
      <h1>{t("inspections.addFinding")}</h1>
      <p className="muted">{unitName}</p>
      <FindingForm
        schema={InspectionFindingSchema}
        lastResult={useActionData<typeof action>()}
        grades={grades}
        clauses={clauses}
        cancelTo={`/inspections/${id}`}
        withDue
        dueHint={t("inspections.dueHint", { date: formatDate(defaultDueOn) })}
      />
    </>
  );
}
