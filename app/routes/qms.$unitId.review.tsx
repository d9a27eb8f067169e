import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField, TextField } from "~/components/field";
import { RecordWithFileForm } from "~/components/record-with-file";
import { recordManagementReview } from "~/modules/qms-records/record.server";
import { ManagementReviewSchema } from "~/modules/qms-records/schema";
import { getUnitInScopeOrThrow } from "~/modules/units/scope.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { submitWithFile } from "~/http/record-with-file.server";
import { titled } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.qms.$unitId.review");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  const unitId = idParam(params.unitId);
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  return { unit: { id: unit.id, name: unit.name } };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const unitId = idParam(params.unitId);
  return submitWithFile(request, ManagementReviewSchema, async (value, file) => {
    await recordManagementReview(ctx, unitId, value, file);
    return redirectWithFlash(`/qms/${unitId}`, { key: "qms.saved" });
  });
});

export default function NewReview() {
  const { unit } = useLoaderData<typeof loader>();
  const t = useT();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/qms/${unit.id}`}>← {t("qms.unitTitle", { unit: unit.name })}</Link>
      </p>
      <h1>{t("qms.newReview")}</h1>
      <RecordWithFileForm
        schema={ManagementReviewSchema}
        lastResult={lastResult}
        file={{ id: "review-file", label: t("qms.file") }}
        cancelTo={`/qms/${unit.id}`}
      >
        {(fields) => (
          <>
            <div className="row">
              <DateField field={fields.heldOn} label={t("qms.heldOn")} />
              <TextField field={fields.chairedBy} label={t("qms.chairedBy")} />
            </div>
            <TextAreaField field={fields.participants} label={t("qms.participants")} rows={2} />
            <TextAreaField field={fields.inputs} label={t("qms.inputs")} rows={5} />
            <TextAreaField field={fields.decisions} label={t("qms.decisions")} rows={5} />
          </>
        )}
      </RecordWithFileForm>
    </>
  );
}
