import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuditForm } from "~/components/audits/audit-form";
import { auditFormOptions, lastAuditBefore } from "~/modules/audits/queries.server";
import { planAudit } from "~/modules/audits/plan.server";
import { DEFAULT_CLAUSES } from "~/modules/audits/rules";
import { AuditPlanSchema } from "~/modules/audits/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.audits.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "audits.plan");
  const today = ctx.today;
  const options = auditFormOptions(ctx);
  const unitParam = Number(new URL(request.url).searchParams.get("unit"));
  const unit = options.units.find((u) => u.id === unitParam);
  const last = unit ? lastAuditBefore(ctx.db, unit.id, Number(today.slice(0, 4)) + 1) : undefined;
  return {
    options,
    last,
    defaultValue: { unitId: unit ? String(unit.id) : "", leadAuditorId: String(ctx.actor.id), clauseCodes: DEFAULT_CLAUSES },
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), AuditPlanSchema, (value) => {
    const audit = planAudit(ctx, value);
    return redirectWithFlash(`/audits/${audit.id}`, { key: "audits.planned" });
  });
});

export default function NewAudit() {
  const { options, last, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("audits.new")}</h1>
      {last ? (
        <p className="alert alert-warn">
          {t("audits.lastYear", { title: last.title })} <Link to={`/audits/${last.id}#copy`}>{t("audits.copy")}</Link>
        </p>
      ) : null}
      <AuditForm lastResult={useActionData<typeof action>()} defaultValue={defaultValue} options={options} cancelTo="/audits" />
    </>
  );
}
