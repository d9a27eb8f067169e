import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuditForm } from "~/components/audits/audit-form";
import { auditFormOptions, lastAuditBefore } from "~/modules/audits/queries.server";
import { planAudit } from "~/modules/audits/plan.server";
import { DEFAULT_CLAUSES } from "~/modules/audits/rules";
import { AuditPlanSchema } from "~/modules/audits/schema";
import { requireCapability } from "~/modules/permissions";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Lập kế hoạch đánh giá · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "audits.plan");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const db = getDb();
  const today = vnDay(new Date());
  const options = auditFormOptions(db, user, today);
  const unitParam = Number(new URL(request.url).searchParams.get("unit"));
  const unit = options.units.find((u) => u.id === unitParam);
  const last = unit ? lastAuditBefore(db, unit.id, Number(today.slice(0, 4)) + 1) : undefined;
  return {
    options,
    last,
    defaultValue: { unitId: unit ? String(unit.id) : "", leadAuditorId: String(user.id), clauseCodes: DEFAULT_CLAUSES },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), AuditPlanSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const audit = planAudit(ctxFor(user), submission.value);
    return redirectWithFlash(`/audits/${audit.id}`, { key: "audits.planned" });
  });
}

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
