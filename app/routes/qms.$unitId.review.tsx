import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { FieldErrors, FormErrors, TextAreaField, TextField } from "~/components/field";
import { requireCapability } from "~/modules/permissions";
import { recordManagementReview } from "~/modules/qms-records/record.server";
import { ManagementReviewSchema } from "~/modules/qms-records/schema";
import { getUnitInScopeOrThrow, scopeFor } from "~/modules/units/scope.server";
import { config } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { parseMultipart } from "~/utils/uploads.server";

export const meta: MetaFunction = () => [{ title: "Xem xét của lãnh đạo · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const unitId = idParam(params.unitId);
  const db = getDb();
  try {
    requireCapability(user, "qms.write");
    const unit = getUnitInScopeOrThrow(db, scopeFor(db, user), unitId);
    return { unit: { id: unit.id, name: unit.name } };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const unitId = idParam(params.unitId);
  const { formData, tooLarge } = await parseMultipart(request);
  if (tooLarge) return redirectWithFlash(`/qms/${unitId}/review`, { key: "files.errors.tooLarge", kind: "error" });
  const submission = parseForm(formData, ManagementReviewSchema);
  if (submission.status !== "success") return invalid(submission);
  const file = formData.get("file");
  const upload = file && typeof file === "object" && (file as File).size > 0 ? { file: file as File, uploadsDir: config().uploadsDir, maxBytes: config().uploadMaxBytes } : undefined;
  return attempt(submission, async () => {
    await recordManagementReview(ctxFor(user), unitId, submission.value, upload);
    return redirectWithFlash(`/qms/${unitId}`, { key: "qms.saved" });
  });
}

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
