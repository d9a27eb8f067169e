import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FindingForm } from "~/components/audits/finding-form";
import { SelectField } from "~/components/field";
import { clauseOptions, gradeOptions, plannableUnits } from "~/modules/audits/queries.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { DIRECT_FINDING_SOURCES, DirectFindingSchema } from "~/modules/findings/schema";
import { requireCapability } from "~/modules/permissions";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";
import { dayToInput } from "~/utils/zod";

export const meta: MetaFunction = () => [{ title: "Ghi nhận phát hiện · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "qms.write");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const db = getDb();
  const today = vnDay(new Date());
  return {
    units: plannableUnits(db, user, today),
    grades: gradeOptions(db),
    clauses: clauseOptions(db),
    defaultValue: { unitId: String(user.unitId), foundOn: dayToInput(today) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), DirectFindingSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const { unitId, source, ...rest } = submission.value;
    const f = raiseFinding(ctxFor(user), { origin: { kind: "direct", unitId, source }, ...rest });
    return redirectWithFlash(`/findings/${f.id}`, { key: "findings.recorded" });
  });
}

export default function NewFinding() {
  const { units, grades, clauses, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("findings.new")}</h1>
      <p className="muted">{t("findings.newIntro")}</p>
      <FindingForm
        schema={DirectFindingSchema}
        lastResult={useActionData<typeof action>()}
        defaultValue={defaultValue}
        grades={grades}
        clauses={clauses}
        cancelTo="/findings"
        withFoundOn
        withDue
        extra={(f) => (
          <>
            <SelectField field={f.unitId} label={t("findings.unit")} placeholder="" options={units.map((u) => ({ value: u.id, label: `${"· ".repeat(u.depth)}${u.name}` }))} />
            <SelectField field={f.source} label={t("findings.source")} placeholder="" options={DIRECT_FINDING_SOURCES.map((s) => ({ value: s, label: t(`findings.source.${s}`) }))} />
          </>
        )}
      />
    </>
  );
}
