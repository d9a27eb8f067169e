import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { FieldErrors, FormErrors, TextAreaField, TextField } from "~/components/field";
import { getInspectionDetail } from "~/modules/inspections/queries.server";
import { recordMinutes } from "~/modules/inspections/save.server";
import { MinutesSchema } from "~/modules/inspections/schema";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";
import { dayToInput } from "~/lib/zod";

export const meta: MetaFunction = () => [{ title: "Biên bản kiểm tra · ISO Xã" }];

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "inspection.write");
  const id = idParam(params.id);
  const d = getInspectionDetail(ctx.db, ctx.actor, id);
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
  const { formData, tooLarge } = await parseMultipart(request);
  if (tooLarge) return redirectWithFlash(`/inspections/${id}/minutes`, { key: "files.errors.tooLarge", kind: "error" });
  const file = formData.get("file");
  const upload =
    file && typeof file === "object" && (file as File).size > 0
      ? { file: file as File, uploadsDir: config().uploadsDir, maxBytes: config().uploadMaxBytes }
      : undefined;
  return submit(formData, MinutesSchema, async (value) => {
    await recordMinutes(ctx, id, value, upload);
    return redirectWithFlash(`/inspections/${id}`, { key: "inspections.minutesSaved" });
  });
});

export default function Minutes() {
  const { id, title, unitName, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof MinutesSchema> & { file?: unknown }>({
    lastResult: useActionData<typeof action>(),
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MinutesSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to={`/inspections/${id}`}>← {t("inspections.detail", { number: title })}</Link>
      </p>
      <h1>{t("inspections.minutes")}</h1>
      <p className="muted">{unitName}</p>
      <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField field={fields.signedOn} label={t("inspections.signedOn")} hint="dd/mm/yyyy" />
        <TextAreaField field={fields.summary} label={t("inspections.summary")} rows={6} />
        <div className="field">
          <label htmlFor="minutes-file">{t("inspections.minutesFile")}</label>
          <input id="minutes-file" type="file" name="file" accept=".pdf,.docx,image/*" />
          <FieldErrors id="minutes-file-err" errors={fields.file?.errors} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t("action.save")}
          </button>
          <Link to={`/inspections/${id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
