import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FindingForm } from "~/components/audits/finding-form";
import { clauseOptions, gradeOptions } from "~/modules/audits/queries.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { InspectionFindingSchema } from "~/modules/findings/schema";
import { getInspectionDetail } from "~/modules/inspections/queries.server";
import { requireCapability } from "~/modules/permissions";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Ghi phát hiện kiểm tra · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const db = getDb();
  try {
    requireCapability(user, "inspection.write");
    const d = getInspectionDetail(db, user, id);
    if (!d.defaultDueOn) throw new Response("inspections.errors.minutesFirst", { status: 412 });
    return { id, title: d.inspection.decisionNumber, unitName: d.unit.name, defaultDueOn: d.defaultDueOn, grades: gradeOptions(db), clauses: clauseOptions(db) };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), InspectionFindingSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const f = raiseFinding(ctxFor(user), { origin: { kind: "inspection", inspectionId: id }, ...submission.value });
    return redirectWithFlash(`/findings/${f.id}`, { key: "findings.recorded" });
  });
}

export default function NewInspectionFinding() {
  const { id, title, unitName, defaultDueOn, grades, clauses } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/inspections/${id}`}>← {t("inspections.detail", { number: title })}</Link>
      </p>
      <h1>{t("inspections.addFinding")}</h1>
      <p className="muted">{unitName}</p>
      <FindingForm
        schema={InspectionFindingSchema}
        lastResult={useActionData<typeof action>()}
        grades={grades}
        clauses={clauses}
        cancelTo={`/inspections/${id}`}
        withDue
        dueHint={t("inspections.dueHint", { date: formatDate(defaultDueOn) })}
      />
    </>
  );
}
