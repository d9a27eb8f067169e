import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DocumentForm } from "~/components/documents/document-form";
import { createDocument } from "~/modules/documents/create-document.server";
import { documentFormOptions } from "~/modules/documents/form-options.server";
import { documentCreateSchema } from "~/modules/documents/schema";
import { requireCapability } from "~/modules/permissions";
import { scopeFor } from "~/modules/units/scope.server";
import { config } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";
import { parseMultipart } from "~/utils/uploads.server";

export const meta: MetaFunction = () => [{ title: "Soạn tài liệu mới · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "documents.draft");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const db = getDb();
  const options = documentFormOptions(db, scopeFor(db, user), vnDay(new Date()));
  const unit = Number(new URL(request.url).searchParams.get("unit"));
  const defaultUnit = options.units.find((u) => u.id === unit)?.id ?? options.units.find((u) => u.id === user.unitId)?.id ?? options.units[0]?.id;
  return { options, defaultUnit };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "documents.draft");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const { formData, tooLarge } = await parseMultipart(request);
  const schema = documentCreateSchema(config().uploadMaxBytes);
  const submission = parseForm(formData, schema);
  if (tooLarge) return data(submission.reply({ fieldErrors: { [tooLarge]: ["files.errors.tooLarge"] } }), { status: 400 });
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const { document } = await createDocument(ctxFor(user), submission.value);
    return redirectWithFlash(`/documents/${document.id}`, { key: "documents.created" });
  });
}

export default function NewDocument() {
  const { options, defaultUnit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("documents.new")}</h1>
      <DocumentForm
        mode="create"
        lastResult={useActionData<typeof action>()}
        options={options}
        defaultValue={{ unitId: String(defaultUnit ?? ""), kind: "process", reviewCycleMonths: "12", changeSummary: t("documents.changeSummaryDefault") }}
        cancelTo="/documents"
      />
    </>
  );
}
