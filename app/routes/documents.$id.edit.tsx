import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DocumentForm } from "~/components/documents/document-form";
import { authorizeOnDocument } from "~/modules/documents/access.server";
import { documentFormOptions } from "~/modules/documents/form-options.server";
import { getDocumentDetail } from "~/modules/documents/queries.server";
import { DocumentEditSchema } from "~/modules/documents/schema";
import { updateDocument } from "~/modules/documents/update-document.server";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Sửa tài liệu · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const db = getDb();
  try {
    authorizeOnDocument(ctxFor(user), "documents.draft", id);
    const today = vnDay(new Date());
    const d = getDocumentDetail(db, scopeFor(db, user), id, today);
    const options = documentFormOptions(db, scopeFor(db, user), today, [d.doc.unitId]);
    return {
      doc: { id: d.doc.id, code: d.doc.code },
      options: { ...options, units: [{ id: d.doc.unitId, name: d.doc.unitName, depth: 0 }] },
      defaultValue: {
        unitId: String(d.doc.unitId),
        code: d.doc.code,
        title: d.doc.title,
        kind: d.doc.kind,
        owner: d.doc.owner,
        reviewCycleMonths: String(d.doc.reviewCycleMonths),
        clauseCodes: d.clauses.map((c) => c.code),
        procedureIds: d.procedures.map((p) => String(p.id)),
      },
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), DocumentEditSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, () => {
    updateDocument(ctxFor(user), id, submission.value);
    return redirectWithFlash(`/documents/${id}`, { key: "documents.updated" });
  });
}

export default function EditDocument() {
  const { doc, options, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>
        {t("documents.edit")}: {doc.code}
      </h1>
      <DocumentForm mode="edit" lastResult={useActionData<typeof action>()} options={options} defaultValue={defaultValue} cancelTo={`/documents/${doc.id}`} />
    </>
  );
}
