import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DocumentForm } from "~/components/documents/document-form";
import { createDocument } from "~/modules/documents/create-document.server";
import { documentFormOptions } from "~/modules/documents/form-options.server";
import { documentCreateSchema } from "~/modules/documents/schema";
import { config } from "~/lib/config.server";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  const options = documentFormOptions(ctx);
  const unit = Number(new URL(request.url).searchParams.get("unit"));
  const defaultUnit = options.units.find((u) => u.id === unit)?.id ?? options.units.find((u) => u.id === ctx.actor.unitId)?.id ?? options.units[0]?.id;
  // From an uncovered procedure ("Soạn tài liệu mới"): that procedure comes ticked, if it is one of the unit's.
  const procedure = Number(new URL(request.url).searchParams.get("procedure"));
  const procedureIds = options.procedures.filter((p) => p.id === procedure && p.unitId === defaultUnit).map((p) => String(p.id));
  return { options, defaultUnit, procedureIds };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  const { formData, tooLarge } = await parseMultipart(request);
  return submit(
    formData,
    documentCreateSchema(config().uploadMaxBytes),
    async (value) => {
      const { document } = await createDocument(ctx, value);
      return redirectWithFlash(`/documents/${document.id}`, { key: "documents.created" });
    },
    { tooLarge },
  );
});

export default function NewDocument() {
  const { options, defaultUnit, procedureIds } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("documents.new")}</h1>
      <DocumentForm
        mode="create"
        lastResult={useActionData<typeof action>()}
        options={options}
        defaultValue={{
          unitId: String(defaultUnit ?? ""),
          kind: "process",
          reviewCycleMonths: "12",
          changeSummary: t("documents.changeSummaryDefault"),
          procedureIds,
        }}
        cancelTo="/documents"
      />
    </>
  );
}
