import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ANNOUNCEMENT_KINDS } from "#db/schema/enums";
import { SelectField, TextAreaField, TextField } from "~/components/field";
import { RecordWithFileForm } from "~/components/record-with-file";
import { recordAnnouncement } from "~/modules/qms-records/record.server";
import { AnnouncementSchema } from "~/modules/qms-records/schema";
import { getUnitInScopeOrThrow } from "~/modules/units/scope.server";
import { handle, idParam, requireCtx } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { submitWithFile } from "~/http/record-with-file.server";
import { titled } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.qms.$unitId.announce");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  const unitId = idParam(params.unitId);
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  return { unit: { id: unit.id, name: unit.name } };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const unitId = idParam(params.unitId);
  return submitWithFile(request, AnnouncementSchema, async (value, file) => {
    await recordAnnouncement(ctx, unitId, value, file);
    return redirectWithFlash(`/qms/${unitId}`, { key: "qms.saved" });
  });
});

export default function Announce() {
  const { unit } = useLoaderData<typeof loader>();
  const t = useT();
  const lastResult = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/qms/${unit.id}`}>← {t("qms.unitTitle", { unit: unit.name })}</Link>
      </p>
      <h1>{t("qms.newAnnouncement")}</h1>
      <RecordWithFileForm schema={AnnouncementSchema} lastResult={lastResult} file={{ id: "ann-file", label: t("qms.file") }} cancelTo={`/qms/${unit.id}`}>
        {(fields) => (
          <>
            <SelectField
              field={fields.kind}
              label={t("qms.kind")}
              placeholder=""
              options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: t(`qms.kind.${k}`) }))}
            />
            <div className="row">
              <TextField field={fields.decisionNumber} label={t("qms.decisionNumber")} hint="125/QĐ-UBND" />
              <DateField field={fields.decidedOn} label={t("qms.decidedOn")} />
            </div>
            <TextAreaField field={fields.scope} label={t("qms.scope")} rows={4} />
            <div className="row">
              <DateField field={fields.notifiedOn} label={t("qms.notifiedOn")} />
              <DateField field={fields.postedOn} label={t("qms.postedOn")} />
            </div>
          </>
        )}
      </RecordWithFileForm>
    </>
  );
}
