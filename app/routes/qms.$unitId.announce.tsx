import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { ANNOUNCEMENT_KINDS } from "#db/schema/enums";
import { FieldErrors, FormErrors, SelectField, TextAreaField, TextField } from "~/components/field";
import { recordAnnouncement } from "~/modules/qms-records/record.server";
import { AnnouncementSchema } from "~/modules/qms-records/schema";
import { getUnitInScopeOrThrow } from "~/modules/units/scope.server";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";

export const meta: MetaFunction = () => [{ title: "Công bố HTQLCL · ISO Xã" }];

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  const unitId = idParam(params.unitId);
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  return { unit: { id: unit.id, name: unit.name } };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const unitId = idParam(params.unitId);
  const { formData, tooLarge } = await parseMultipart(request);
  return submit(
    formData,
    AnnouncementSchema,
    async (value) => {
      const file = formData.get("file");
      const upload =
        file && typeof file === "object" && (file as File).size > 0
          ? { file: file as File, uploadsDir: config().uploadsDir, maxBytes: config().uploadMaxBytes }
          : undefined;
      await recordAnnouncement(ctx, unitId, value, upload);
      return redirectWithFlash(`/qms/${unitId}`, { key: "qms.saved" });
    },
    { tooLarge },
  );
});

export default function Announce() {
  const { unit } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof AnnouncementSchema> & { file?: unknown }>({
    lastResult: useActionData<typeof action>(),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AnnouncementSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to={`/qms/${unit.id}`}>← {t("qms.unitTitle", { unit: unit.name })}</Link>
      </p>
      <h1>{t("qms.newAnnouncement")}</h1>
      <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <SelectField
          field={fields.kind}
          label={t("qms.kind")}
          placeholder=""
          options={ANNOUNCEMENT_KINDS.map((k) => ({ value: k, label: t(`qms.kind.${k}`) }))}
        />
        <div className="row">
          <TextField field={fields.decisionNumber} label={t("qms.decisionNumber")} hint="125/QĐ-UBND" />
          <TextField field={fields.decidedOn} label={t("qms.decidedOn")} hint="dd/mm/yyyy" />
        </div>
        <TextAreaField field={fields.scope} label={t("qms.scope")} rows={4} />
        <div className="row">
          <TextField field={fields.notifiedOn} label={t("qms.notifiedOn")} hint="dd/mm/yyyy" />
          <TextField field={fields.postedOn} label={t("qms.postedOn")} hint="dd/mm/yyyy" />
        </div>
        <div className="field">
          <label htmlFor="ann-file">{t("qms.file")}</label>
          <input id="ann-file" type="file" name="file" accept=".pdf,.docx,image/*" />
          <FieldErrors id="ann-file-err" errors={fields.file?.errors} />
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t("action.save")}
          </button>
          <Link to={`/qms/${unit.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
