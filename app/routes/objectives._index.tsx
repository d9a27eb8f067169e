import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ObjectiveForm } from "~/components/objective-form";
import { yearParam } from "~/modules/figures/period";
import { objectivesWithAttainment, parseObjectiveFilter } from "~/modules/objectives/queries.server";
import { listUnitsInScope } from "~/modules/units/queries.server";
import { createObjective } from "~/modules/objectives/save-objective.server";
import { formatResult, formatTarget, OBJECTIVE_STATES, ObjectiveSchema } from "~/modules/objectives/schema";
import { can } from "~/modules/permissions";
import { userUnitOptions } from "~/modules/people/form-options.server";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { inVn } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { UnitFilter } from "~/components/unit-filter";
import { FilterSelect } from "~/components/filter-select";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.objectives._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const params = new URL(request.url).searchParams;
  const year = yearParam(params.get("year"), inVn(ctx.now).getFullYear());
  const filter = parseObjectiveFilter(params);
  const canWrite = can(ctx.actor, "qms.write");
  return {
    year,
    filter,
    unitOptions: listUnitsInScope(ctx).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
    objectives: objectivesWithAttainment(ctx, year, filter.unitId, filter.state),
    canWrite,
    units: canWrite ? userUnitOptions(ctx) : [],
    defaultUnitId: ctx.actor.unitId,
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  return submit(await request.formData(), ObjectiveSchema, (value) => {
    const o = createObjective(ctx, value);
    return redirectWithFlash(`/objectives?year=${o.year}`, { key: "common.saved" });
  });
});

export default function Objectives() {
  const { year, filter, unitOptions, objectives, canWrite, units, defaultUnitId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const show = (o: (typeof objectives)[number]) => (o.value === null ? t("objectives.noData") : formatResult(o, o.value));
  return (
    <>
      <h1>{t("objectives.title")}</h1>
      <Form method="get" className="row card" role="search">
        <div className="field">
          <label htmlFor="year">{t("objectives.year")}</label>
          <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} />
        </div>
        <UnitFilter units={unitOptions} name="unit" id="f-unit" label={t("objectives.unit")} value={filter.unitId} />
        <FilterSelect
          name="state"
          id="f-state"
          label={t("common.status")}
          value={filter.state}
          options={OBJECTIVE_STATES.map((s) => ({ value: s, label: t(`objectives.${s}`) }))}
        />
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      {objectives.length === 0 ? (
        <p className="card">{t("objectives.none")}</p>
      ) : (
        <TableWrap label={t("objectives.title")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("objectives.unit")}</th>
                <th scope="col">{t("objectives.titleField")}</th>
                <th scope="col">{t("objectives.measure")}</th>
                <th scope="col" className="num">
                  {t("objectives.target")}
                </th>
                <th scope="col" className="num">
                  {t("objectives.value")}
                </th>
                <th scope="col">{t("common.status")}</th>
              </tr>
            </thead>
            <tbody>
              {objectives.map((o) => (
                <tr key={o.id}>
                  <td data-label={t("objectives.unit")}>{o.unitName}</td>
                  <td data-label={t("objectives.titleField")}>{canWrite ? <Link to={`/objectives/${o.id}`}>{o.title}</Link> : o.title}</td>
                  <td data-label={t("objectives.measure")}>{t(`objectives.measure.${o.measure}`)}</td>
                  <td className="num" data-label={t("objectives.target")}>
                    {formatTarget(o)}
                  </td>
                  <td className="num" data-label={t("objectives.value")}>
                    {show(o)}
                  </td>
                  <td data-label={t("common.status")}>
                    {o.met === null ? (
                      <span className="badge">{t("objectives.noData")}</span>
                    ) : o.met ? (
                      <span className="badge badge-ok">{t("objectives.met")}</span>
                    ) : (
                      <span className="badge badge-bad">{t("objectives.notMet")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {canWrite ? (
        <section aria-labelledby="new-objective">
          <h2 id="new-objective">{t("objectives.new")}</h2>
          <ObjectiveForm
            lastResult={lastResult}
            units={units}
            defaultValue={{ unitId: String(defaultUnitId), year: String(year) }}
            submitLabel={t("action.save")}
          />
        </section>
      ) : null}
    </>
  );
}
