import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DocumentForm } from "~/components/documents/document-form";
import { authorizeOnDocument } from "~/modules/documents/access.server";
import { documentFormOptions } from "~/modules/documents/form-options.server";
import { getDocumentDetail } from "~/modules/documents/queries.server";
import { DocumentEditSchema } from "~/modules/documents/schema";
import { updateDocument } from "~/modules/documents/update-document.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.$id.edit");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  authorizeOnDocument(ctx, "documents.draft", id);
  const d = getDocumentDetail(ctx, id);
  const options = documentFormOptions(ctx, [d.doc.unitId]);
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
      ownerIds: d.people.filter((p) => p.role === "owner").map((p) => String(p.id)),
      participantIds: d.people.filter((p) => p.role === "participant").map((p) => String(p.id)),
    },
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), DocumentEditSchema, (value) => {
    updateDocument(ctx, id, value);
    return redirectWithFlash(`/documents/${id}`, { key: "documents.updated" });
  });
});

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
