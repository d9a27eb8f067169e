import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LegalForm } from "~/components/documents/legal-form";
import { getLegalChangeInScopeOrThrow, updateLegalChange } from "~/modules/documents/legal-changes.server";
import { legalChangeDocumentsOf, linkableDocuments } from "~/modules/documents/queries.server";
import { LegalChangeSchema } from "~/modules/documents/schema";
import { requireCapability } from "~/modules/permissions";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { dayToInput } from "~/utils/zod";

export const meta: MetaFunction = () => [{ title: "Sửa văn bản · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const db = getDb();
  try {
    requireCapability(user, "documents.draft");
    const legal = getLegalChangeInScopeOrThrow(ctxFor(user), id);
    const linked = legalChangeDocumentsOf(db, id);
    return {
      legal,
      options: { units: [{ id: legal.unitId, name: legal.unitName }], documents: linkableDocuments(db, [legal.unitId]) },
      defaultValue: {
        unitId: String(legal.unitId),
        textNumber: legal.textNumber,
        title: legal.title,
        effectiveOn: dayToInput(legal.effectiveOn),
        note: legal.note ?? "",
        documentIds: linked.map((d) => String(d.id)),
      },
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), LegalChangeSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, () => {
    updateLegalChange(ctxFor(user), id, submission.value);
    return redirectWithFlash(`/documents/legal/${id}`, { key: "common.saved" });
  });
}

export default function EditLegalChange() {
  const { legal, options, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>
        {t("documents.legal.edit")}: {legal.textNumber}
      </h1>
      <LegalForm lastResult={useActionData<typeof action>()} options={options} defaultValue={defaultValue} cancelTo={`/documents/legal/${legal.id}`} fixedUnit />
    </>
  );
}
