import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { FieldErrors, FormErrors, TextAreaField, TextField } from "~/components/field";
import { recordManagementReview } from "~/modules/qms-records/record.server";
import { ManagementReviewSchema } from "~/modules/qms-records/schema";
import { getUnitInScopeOrThrow } from "~/modules/units/scope.server";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";

export const meta: MetaFunction = () => [{ title: "Xem xét của lãnh đạo · ISO Xã" }];

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
    ManagementReviewSchema,
    async (value) => {
      const file = formData.get("file");
      const upload =
        file && typeof file === "object" && (file as File).size > 0
          ? { file: file as File, uploadsDir: config().uploadsDir, maxBytes: config().uploadMaxBytes }
          : undefined;
      await recordManagementReview(ctx, unitId, value, upload);
      return redirectWithFlash(`/qms/${unitId}`, { key: "qms.saved" });
    },
    { tooLarge },
  );
});

export default function NewReview() {
  const { unit } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof ManagementReviewSchema> & { file?: unknown }>({
    lastResult: useActionData<typeof action>(),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ManagementReviewSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <>
      <p>
        <Link to={`/qms/${unit.id}`}>← {t("qms.unitTitle", { unit: unit.name })}</Link>
      </p>
      <h1>{t("qms.newReview")}</h1>
      <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="row">
          <TextField field={fields.heldOn} label={t("qms.heldOn")} hint="dd/mm/yyyy" />
          <TextField field={fields.chairedBy} label={t("qms.chairedBy")} />
        </div>
        <TextAreaField field={fields.participants} label={t("qms.participants")} rows={2} />
        <TextAreaField field={fields.inputs} label={t("qms.inputs")} rows={5} />
        <TextAreaField field={fields.decisions} label={t("qms.decisions")} rows={5} />
        <div className="field">
          <label htmlFor="review-file">{t("qms.file")}</label>
          <input id="review-file" type="file" name="file" accept=".pdf,.docx,image/*" />
          <FieldErrors id="review-file-err" errors={fields.file?.errors} />
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
