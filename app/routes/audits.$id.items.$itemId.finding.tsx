import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FindingForm } from "~/components/audits/finding-form";
import { clauseOptions, getAuditDetail, gradeOptions } from "~/modules/audits/queries.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { AuditFindingSchema } from "~/modules/findings/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.audits.$id.items.$itemId.finding");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const auditId = idParam(params.id);
  const itemId = idParam(params.itemId);
  const d = getAuditDetail(ctx, auditId);
  const item = d.items.find((i) => i.id === itemId);
  if (!item) throw new Response("errors.notFound", { status: 404 });
  if (!d.can.fill) throw new Response("audits.onlyTeamFills", { status: 403 });
  return {
    audit: { id: d.audit.id, title: d.audit.title, unitName: d.unit.name },
    item: { id: item.id, question: item.question, result: item.result, notes: item.notes, clauseCode: item.clauseCode },
    grades: gradeOptions(ctx.db).filter((g) => item.raisable.includes(g.code)),
    clauses: clauseOptions(ctx.db),
    // The draft: the item's clause, the auditor's note as evidence, a minor nonconformity unless they say more.
    grade: item.raisable.includes("minor") ? "minor" : item.raisable.length === 1 ? item.raisable[0] : "",
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const auditId = idParam(params.id);
  const itemId = idParam(params.itemId);
  return submit(await request.formData(), AuditFindingSchema, (value) => {
    raiseFinding(ctx, { origin: { kind: "audit", auditId, checklistItemId: itemId }, ...value });
    // The next nonconformity answer still without a finding opens its draft; the audit page lists the findings.
    const next = getAuditDetail(ctx, auditId).pendingNc[0];
    if (next) return redirectWithFlash(`/audits/${auditId}/items/${next.id}/finding`, { key: "audits.raised" });
    return redirectWithFlash(`/audits/${auditId}#findings`, { key: "audits.raised" });
  });
});

export default function RaiseFromItem() {
  const { audit, item, grades, clauses, grade } = useLoaderData<typeof loader>();
  const t = useT();
  const defaultValue = {
    clauseCode: item.clauseCode ?? "",
    gradeCode: grade ?? "",
    description: t("audits.draftDescription", { question: item.question }),
    evidence: item.notes ?? "",
  };
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
        <p className="muted">{t("audits.draftHint")}</p>
        <p className="muted">{t("audits.raiseHint")}</p>
      </div>
      <FindingForm
        schema={AuditFindingSchema}
        lastResult={useActionData<typeof action>()}
        defaultValue={defaultValue}
        grades={grades}
        clauses={clauses}
        cancelTo={`/audits/${audit.id}/checklist#item-${item.id}`}
        submitLabel={t("audits.confirmFinding")}
        withDue
        dueHint={t("findings.dueHintPolicy")}
      />
    </>
  );
}
