import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LegalForm } from "~/components/documents/legal-form";
import { createLegalChange } from "~/modules/documents/legal-changes.server";
import { linkableDocuments, writableUnits } from "~/modules/documents/queries.server";
import { LegalChangeSchema } from "~/modules/documents/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.legal.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  const units = writableUnits(ctx);
  const defaultUnit = units.find((u) => u.id === ctx.actor.unitId)?.id ?? units[0]?.id;
  return {
    options: {
      units,
      documents: linkableDocuments(
        ctx.db,
        units.map((u) => u.id),
      ),
    },
    defaultUnit,
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), LegalChangeSchema, (value) => {
    const row = createLegalChange(ctx, value);
    return redirectWithFlash(`/documents/legal/${row.id}`, { key: "documents.legal.saved" });
  });
});

export default function NewLegalChange() {
  const { options, defaultUnit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("documents.legal.new")}</h1>
      <p className="muted">{t("documents.legalLead")}</p>
      <LegalForm
        lastResult={useActionData<typeof action>()}
        options={options}
        defaultValue={{ unitId: String(defaultUnit ?? "") }}
        cancelTo="/documents/legal"
      />
    </>
  );
}
