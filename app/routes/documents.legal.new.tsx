import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LegalForm } from "~/components/documents/legal-form";
import { createLegalChange } from "~/modules/documents/legal-changes.server";
import { linkableDocuments, writableUnits } from "~/modules/documents/queries.server";
import { LegalChangeSchema } from "~/modules/documents/schema";
import { requireCapability } from "~/modules/permissions";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Ghi nhận văn bản mới · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "documents.draft");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const db = getDb();
  const units = writableUnits(db, scopeFor(db, user), vnDay(new Date()));
  const defaultUnit = units.find((u) => u.id === user.unitId)?.id ?? units[0]?.id;
  return { options: { units, documents: linkableDocuments(db, units.map((u) => u.id)) }, defaultUnit };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), LegalChangeSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, () => {
    const row = createLegalChange(ctxFor(user), submission.value);
    return redirectWithFlash(`/documents/legal/${row.id}`, { key: "documents.legal.saved" });
  });
}

export default function NewLegalChange() {
  const { options, defaultUnit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("documents.legal.new")}</h1>
      <p className="muted">{t("documents.legalLead")}</p>
      <LegalForm lastResult={useActionData<typeof action>()} options={options} defaultValue={{ unitId: String(defaultUnit ?? "") }} cancelTo="/documents/legal" />
    </>
  );
}
