import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuditStatusBadge } from "~/components/audits/status";
import { FormErrors, TextAreaField } from "~/components/field";
import { saveProgramme } from "~/modules/audits/plan.server";
import { getProgramme } from "~/modules/audits/queries.server";
import { ProgrammeSchema } from "~/modules/audits/schema";
import { can } from "~/modules/permissions";
import { getUnitInScopeOrThrow } from "~/modules/units/scope.server";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { useSchemaForm } from "~/components/use-schema-form";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.audits.programme");

/** The unit and year asked for; without them, the person's own unit and the current year. A malformed one: 404. */
function params(request: Request, ctx: { actor: { kind: string; unitId?: number }; today: string }) {
  const url = new URL(request.url);
  const unitParam = url.searchParams.get("unit");
  const yearParam = url.searchParams.get("year");
  const unitId = unitParam === null || unitParam === "" ? (ctx.actor.unitId ?? 0) : Number(unitParam);
  const year = yearParam === null || yearParam === "" ? Number(ctx.today.slice(0, 4)) : Number(yearParam);
  if (!Number.isSafeInteger(unitId) || unitId <= 0 || !Number.isInteger(year) || year < 2000 || year > 2100)
    throw new Response("errors.notFound", { status: 404 });
  return { unitId, year };
}

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const { unitId, year } = params(request, ctx);
  const unit = getUnitInScopeOrThrow(ctx.db, ctx.scope, unitId);
  const p = getProgramme(ctx, unit.id, year);
  return { unit: { id: unit.id, name: unit.name }, year, programme: p.programme ?? null, audits: p.audits, canPlan: can(ctx.actor, "audits.plan") };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const { unitId, year } = params(request, ctx);
  return submit(await request.formData(), ProgrammeSchema, (value) => {
    saveProgramme(ctx, unitId, year, value.objectives);
    return redirectWithFlash(`/audits/programme?unit=${unitId}&year=${year}`, { key: "audits.programmeSaved" });
  });
});

export default function Programme() {
  const { unit, year, programme, audits, canPlan } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(ProgrammeSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue: { objectives: programme?.objectives ?? "" },
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <h1>
        {t("audits.programme", { year })} – {unit.name}
      </h1>
      {canPlan ? (
        <Form method="post" className="stack card" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <TextAreaField field={fields.objectives} label={t("audits.programmeObjectives")} rows={4} />
          <div className="actions">
            <button type="submit" className="secondary">
              {t("action.save")}
            </button>
            <Link className="button primary" to={`/audits/new?unit=${unit.id}`}>
              {t("audits.new")}
            </Link>
          </div>
        </Form>
      ) : programme?.objectives ? (
        <p className="card prewrap">{programme.objectives}</p>
      ) : null}
      {audits.length === 0 ? (
        <p className="card">{t("audits.programmeEmpty")}</p>
      ) : (
        <ul className="card plain">
          {audits.map((a) => (
            <li key={a.id}>
              <Link to={`/audits/${a.id}`}>{a.title}</Link> · {formatDate(a.startOn)} – {formatDate(a.endOn)} · <AuditStatusBadge status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
