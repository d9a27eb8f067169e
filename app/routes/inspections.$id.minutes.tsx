import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/field";
import { RecordWithFileForm } from "~/components/record-with-file";
import { getInspectionDetail } from "~/modules/inspections/queries.server";
import { recordMinutes } from "~/modules/inspections/save.server";
import { MinutesSchema } from "~/modules/inspections/schema";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { submitWithFile } from "~/http/record-with-file.server";
import { dayToInput } from "~/lib/zod";
import { titled } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.inspections.$id.minutes");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "inspection.write");
  const id = idParam(params.id);
  const d = getInspectionDetail(ctx, id);
  return {
    id,
    title: d.inspection.decisionNumber,
    unitName: d.unit.name,
    defaultValue: { signedOn: dayToInput(d.inspection.minutesSignedOn), summary: d.inspection.minutesSummary ?? "" },
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submitWithFile(
    request,
    MinutesSchema,
    async (value, file) => {
      await recordMinutes(ctx, id, value, file);
      return redirectWithFlash(`/inspections/${id}`, { key: "inspections.minutesSaved" });
    },
    // A file over the limit: back to the page with a message (the minutes' own answer, kept).
    { onTooLarge: () => redirectWithFlash(`/inspections/${id}/minutes`, { key: "files.errors.tooLarge", kind: "error" }) },
  );
});

export default function Minutes() {
  const { id, title, unitName, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/inspections/${id}`}>← {t("inspections.detail", { number: title })}</Link>
      </p>
      <h1>{t("inspections.minutes")}</h1>
      <p className="muted">{unitName}</p>
      <RecordWithFileForm
        schema={MinutesSchema}
        lastResult={lastResult}
        defaultValue={defaultValue}
        file={{ id: "minutes-file", label: t("inspections.minutesFile") }}
        cancelTo={`/inspections/${id}`}
      >
        {(fields) => (
          <>
            <DateField field={fields.signedOn} label={t("inspections.signedOn")} />
            <TextAreaField field={fields.summary} label={t("inspections.summary")} rows={6} />
          </>
        )}
      </RecordWithFileForm>
    </>
  );
}
