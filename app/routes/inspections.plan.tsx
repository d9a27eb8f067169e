import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { INSPECTION_METHODS } from "#db/schema/enums";
import { FormErrors, TextAreaField, TextField } from "~/components/field";
import { planForm } from "~/modules/inspections/queries.server";
import { saveInspectionPlan } from "~/modules/inspections/save.server";
import { InspectionPlanSchema, planEntriesFromForm } from "~/modules/inspections/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { dayToInput } from "~/lib/zod";
import { TableWrap } from "~/components/table-wrap";
import { useSchemaForm } from "~/components/use-schema-form";
import { titled } from "~/i18n/meta";
import { DateField } from "~/components/date-field";

export const meta: MetaFunction = titled("title.inspections.plan");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "inspection.write");
  const y = Number(new URL(request.url).searchParams.get("year"));
  const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(ctx.today.slice(0, 4));
  const f = planForm(ctx, year);
  return {
    year,
    candidates: f.candidates,
    share: f.share,
    defaultValue: { year: String(year), documentNumber: f.plan?.documentNumber ?? "", issuedOn: dayToInput(f.plan?.issuedOn), notes: f.plan?.notes ?? "" },
  };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const formData = await request.formData();
  return submit(formData, InspectionPlanSchema, (value) => {
    saveInspectionPlan(ctx, { ...value, entries: planEntriesFromForm(formData) });
    return redirectWithFlash(`/inspections/plan?year=${value.year}`, { key: "inspections.planSaved" });
  });
});

export default function InspectionPlan() {
  const { year, candidates, share, defaultValue } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(InspectionPlanSchema, {
    lastResult: useActionData<typeof action>(),
    defaultValue,
  });
  return (
    <>
      <p>
        <Link to="/inspections">← {t("inspections.title")}</Link>
      </p>
      <h1>{t("inspections.plan", { year })}</h1>
      {share.total > 0 ? (
        <p className={share.enough ? "muted" : "alert alert-warn"}>
          {t("inspections.share", { onSite: share.onSite, total: share.total })}
          {share.enough ? "" : ` — ${t("inspections.shareLow", { needed: share.needed })}`}
        </p>
      ) : null}
      <Form method="post" className="stack card wide" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name={fields.year.name} value={year} />
        <div className="row">
          <TextField field={fields.documentNumber} label={t("inspections.documentNumber")} />
          <DateField field={fields.issuedOn} label={t("inspections.issuedOn")} />
        </div>
        <TextAreaField field={fields.notes} label={t("inspections.notes")} rows={2} />
        <TableWrap label={t("inspections.plan")}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("inspections.unit")}</th>
                <th scope="col">{t("inspections.method")}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((u) => (
                <tr key={u.id}>
                  <td data-label={t("inspections.unit")} id={`unit-${u.id}`}>
                    {u.name}
                  </td>
                  <td data-label={t("inspections.method")}>
                    <div className="radio-row" role="radiogroup" aria-labelledby={`unit-${u.id}`}>
                      {(["", ...INSPECTION_METHODS] as const).map((m) => (
                        <label key={m || "none"} className="checkbox">
                          <input type="radio" name={`m-${u.id}`} value={m} defaultChecked={u.method === m} /> {t(`inspections.method.${m || "none"}`)}
                        </label>
                      ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <div className="actions">
          <button type="submit" className="primary">
            {t("action.save")}
          </button>
          <Link to="/inspections">{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
