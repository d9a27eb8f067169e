import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FindingForm } from "~/components/audits/finding-form";
import { clauseOptions, getAuditDetail, gradeOptions } from "~/modules/audits/queries.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { AuditFindingSchema } from "~/modules/findings/schema";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Ghi nhận phát hiện · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const auditId = idParam(params.id);
  const itemId = idParam(params.itemId);
  try {
    const d = getAuditDetail(ctxFor(user), auditId);
    const item = d.items.find((i) => i.id === itemId);
    if (!item) throw new Response("errors.notFound", { status: 404 });
    if (!d.can.fill) throw new Response("audits.onlyTeamFills", { status: 403 });
    const db = getDb();
    return {
      audit: { id: d.audit.id, title: d.audit.title, unitName: d.unit.name },
      item: { id: item.id, question: item.question, result: item.result, notes: item.notes },
      grades: gradeOptions(db).filter((g) => item.raisable.includes(g.code)),
      clauses: clauseOptions(db),
      defaultValue: { clauseCode: item.clauseCode ?? "", evidence: item.notes ?? "", gradeCode: item.raisable.length === 1 ? item.raisable[0] : "" },
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const auditId = idParam(params.id);
  const itemId = idParam(params.itemId);
  const submission = parseForm(await request.formData(), AuditFindingSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    raiseFinding(ctxFor(user), { origin: { kind: "audit", auditId, checklistItemId: itemId }, ...submission.value });
    return redirectWithFlash(`/audits/${auditId}/checklist#item-${itemId}`, { key: "audits.raised" });
  });
}

export default function RaiseFromItem() {
  const { audit, item, grades, clauses, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to={`/audits/${audit.id}/checklist#item-${item.id}`}>← {audit.title}</Link>
      </p>
      <h1>{t("audits.raiseTitle")}</h1>
      <div className="card">
        <p>
          <strong>{t("audits.question")}:</strong> {item.question}
        </p>
        <p>
          <strong>{t("audits.result")}:</strong> {t(`audits.result.${item.result ?? "none"}`)}
        </p>
        <p className="muted">{t("audits.raiseHint")}</p>
      </div>
      <FindingForm
        schema={AuditFindingSchema}
        lastResult={useActionData<typeof action>()}
        defaultValue={defaultValue}
        grades={grades}
        clauses={clauses}
        cancelTo={`/audits/${audit.id}/checklist#item-${item.id}`}
        submitLabel={t("audits.raise")}
      />
    </>
  );
}
