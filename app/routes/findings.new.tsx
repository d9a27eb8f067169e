import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FindingForm } from "~/components/audits/finding-form";
import { SelectField } from "~/components/field";
import { clauseOptions, gradeOptions, plannableUnits } from "~/modules/audits/queries.server";
import { raiseFinding } from "~/modules/findings/raise.server";
import { DIRECT_FINDING_SOURCES, DirectFindingSchema } from "~/modules/findings/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { dayToInput } from "~/lib/zod";
import { titled } from "~/i18n/meta";
import { withIndent } from "~/components/unit-depth";

export const meta: MetaFunction = titled("title.findings.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  return {
    units: plannableUnits(ctx),
    grades: gradeOptions(ctx.db),
    clauses: clauseOptions(ctx.db),
    defaultValue: { unitId: String(ctx.actor.unitId), foundOn: dayToInput(ctx.today) },
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(await request.formData(), DirectFindingSchema, ({ unitId, source, ...rest }) => {
    const f = raiseFinding(ctx, { origin: { kind: "direct", unitId, source }, ...rest });
    return redirectWithFlash(`/findings/${f.id}`, { key: "findings.recorded" });
  });
});

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
        dueHint={t("findings.dueHintPolicy")}
        extra={(f) => (
          <>
            <SelectField
              field={f.unitId}
              label={t("findings.unit")}
              placeholder=""
              options={withIndent(units).map((u) => ({ value: u.id, label: `${"· ".repeat(u.indent)}${u.name}` }))}
            />
            <SelectField
              field={f.source}
              label={t("findings.source")}
              placeholder=""
              options={DIRECT_FINDING_SOURCES.map((s) => ({ value: s, label: t(`findings.source.${s}`) }))}
            />
          </>
        )}
      />
    </>
  );
}
