import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LegalForm } from "~/components/documents/legal-form";
import { getLegalChangeInScopeOrThrow, updateLegalChange } from "~/modules/documents/legal-changes.server";
import { legalChangeDocumentsOf, linkableDocuments } from "~/modules/documents/queries.server";
import { LegalChangeSchema } from "~/modules/documents/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { dayToInput } from "~/lib/zod";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.legal.$id.edit");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  const id = idParam(params.id);
  const legal = getLegalChangeInScopeOrThrow(ctx, id);
  const linked = legalChangeDocumentsOf(ctx.db, id);
  return {
    legal,
    options: { units: [{ id: legal.unitId, name: legal.unitName }], documents: linkableDocuments(ctx.db, [legal.unitId]) },
    defaultValue: {
      unitId: String(legal.unitId),
      textNumber: legal.textNumber,
      title: legal.title,
      effectiveOn: dayToInput(legal.effectiveOn),
      note: legal.note ?? "",
      documentIds: linked.map((d) => String(d.id)),
    },
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), LegalChangeSchema, (value) => {
    updateLegalChange(ctx, id, value);
    return redirectWithFlash(`/documents/legal/${id}`, { key: "common.saved" });
  });
});

export default function EditLegalChange() {
  const { legal, options, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>
        {t("documents.legal.edit")}: {legal.textNumber}
      </h1>
      <LegalForm
        lastResult={useActionData<typeof action>()}
        options={options}
        defaultValue={defaultValue}
        cancelTo={`/documents/legal/${legal.id}`}
        fixedUnit
      />
    </>
  );
}
