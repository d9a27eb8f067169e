import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { FieldErrors, FormErrors } from "~/components/field";
import type { FormReply } from "~/components/form-reply";
import { SubmitButton } from "~/components/submit-button";
import { writableUnits } from "~/modules/documents/queries.server";
import { coverageSummary } from "~/modules/procedures/queries.server";
import { acceptStartingSystem } from "~/modules/starter/accept.server";
import { startingProposals } from "~/modules/starter/proposals.server";
import { mergeProposals, type Proposal } from "~/modules/starter/rules";
import { StartSchema } from "~/modules/starter/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.start");

/** The unit's proposals (`?unit=`; default the person's own unit); a unit outside the person's scope is not found. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  const units = writableUnits(ctx);
  const asked = new URL(request.url).searchParams.get("unit");
  const unitId = asked ? Number(asked) : (units.find((u) => u.id === ctx.actor.unitId)?.id ?? units[0]?.id ?? ctx.actor.unitId);
  const start = startingProposals(ctx, Number.isSafeInteger(unitId) ? unitId : 0);
  return { units, ...start, summary: coverageSummary(ctx, start.unit.id) };
});

/** One submit: every accepted proposal becomes a draft with its Word template, in one transaction. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  return submit(await request.formData(), StartSchema, async (value) => {
    const r = await acceptStartingSystem(ctx, value);
    return redirectWithFlash(`/documents?unit=${r.unitId}&status=draft`, { key: "starter.created", params: { created: r.created } });
  });
});

export default function StartSystem() {
  const { units, unit, catalogue, proposals, summary } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/documents">← {t("documents.title")}</Link>
      </p>
      <h1>{t("starter.title")}</h1>
      <p className="muted">{t("starter.lead")}</p>
      {units.length > 1 ? (
        <Form method="get" className="row card filters">
          <div className="field">
            <label htmlFor="start-unit">{t("documents.unit")}</label>
            <select id="start-unit" name="unit" defaultValue={unit.id}>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {"\u00a0".repeat(2 * (u.depth ?? 0)) + u.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t("starter.show")}
          </button>
        </Form>
      ) : null}
      <p className="card coverage" data-testid="start-coverage">
        {unit.name}:{" "}
        {t("starter.coverage", {
          covered: summary.total - summary.uncovered,
          total: summary.total,
          drafting: summary.drafting,
          open: summary.uncovered - summary.drafting,
        })}
      </p>
      {catalogue === 0 ? (
        <p className="alert alert-warn">
          {t("starter.noCatalogue")} <Link to="/procedures/import">{t("starter.importCatalogue")}</Link>
        </p>
      ) : null}
      {proposals.length === 0 ? <p className="card">{t("starter.nothing")}</p> : <Proposals key={unit.id} unitId={unit.id} initial={proposals} />}
    </>
  );
}

/** The proposals, merged in the browser; sent as items[i].… with what each is (a system process or its procedures). */
/** A text field of one proposal (the list grows and shrinks in the browser, so its fields are named by index). */
function ProposalField({
  id,
  name,
  label,
  defaultValue,
  maxLength,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  maxLength: number;
  errors: string[] | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        defaultValue={defaultValue}
        maxLength={maxLength}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-errors` : undefined}
      />
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

function Proposals({ unitId, initial }: { unitId: number; initial: Proposal[] }) {
  const t = useT();
  const reply = useActionData<typeof action>() as FormReply | undefined;
  const [list, setList] = useState(initial);
  const [selected, setSelected] = useState<string[]>([]);
  const [accepted, setAccepted] = useState<Record<string, boolean>>({});
  const isAccepted = (p: Proposal) => accepted[p.key] ?? true;
  const count = useMemo(() => list.filter((p) => accepted[p.key] ?? true).length, [list, accepted]);
  const errorsOf = (name: string) => reply?.error?.[name] ?? undefined;
  const mergeable = list.filter((p) => !p.system && selected.includes(p.key));
  return (
    <Form method="post" className="stack" noValidate aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t("starter.proposals", { count: list.length })}</h2>
      <input type="hidden" name="unitId" value={unitId} />
      <FormErrors id="start-errors" errors={[...(reply?.error?.[""] ?? []), ...(reply?.error?.unitId ?? [])]} />
      <p className="hint" id="merge-hint">
        {t("starter.mergeHint")}
      </p>
      {list.map((p, i) => {
        const base = `items[${i}]`;
        const id = `p-${i}`;
        const codeErrors = errorsOf(`${base}.code`);
        const titleErrors = errorsOf(`${base}.title`);
        const procErrors = errorsOf(`${base}.procedureIds`);
        return (
          <fieldset key={p.key} className="card stack proposal" data-testid={`proposal-${p.key}`}>
            <legend>
              {p.system ? t("starter.kind.system") : t("starter.kind.procedures")}: {p.title}
            </legend>
            {p.system ? <input type="hidden" name={`${base}.system`} value={p.system} /> : null}
            {p.procedures.map((x) => (
              <input key={x.id} type="hidden" name={`${base}.procedureIds`} value={x.id} />
            ))}
            <div className="row">
              <label className="checkbox">
                <input
                  type="checkbox"
                  name={`${base}.accept`}
                  checked={isAccepted(p)}
                  onChange={(e) => setAccepted((a) => ({ ...a, [p.key]: e.target.checked }))}
                />{" "}
                {t("starter.accept")}
              </label>
              {p.system ? null : (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    aria-describedby="merge-hint"
                    checked={selected.includes(p.key)}
                    onChange={(e) => setSelected((s) => (e.target.checked ? [...s, p.key] : s.filter((k) => k !== p.key)))}
                  />{" "}
                  {t("starter.select")}
                </label>
              )}
            </div>
            <ProposalField id={`${id}-code`} name={`${base}.code`} label={t("starter.code")} defaultValue={p.code} maxLength={40} errors={codeErrors} />
            <ProposalField
              id={`${id}-title`}
              name={`${base}.title`}
              label={t("starter.titleField")}
              defaultValue={p.title}
              maxLength={300}
              errors={titleErrors}
            />
            <p className="muted">
              {t(`documents.kind.${p.kind}`)} · {t("starter.clauses", { list: p.clauseCodes.join(", ") })}
            </p>
            {p.procedures.length ? (
              <details open={p.procedures.length <= 5}>
                <summary>{t("starter.procedures", { count: p.procedures.length })}</summary>
                <ul>
                  {p.procedures.map((x) => (
                    <li key={x.id}>
                      <span className="code">{x.code}</span> {x.name}
                      {x.processingTime ? <span className="muted"> · {t("starter.time", { time: x.processingTime })}</span> : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            <FieldErrors id={`${id}-procedures-errors`} errors={procErrors} />
          </fieldset>
        );
      })}
      <div className="actions card">
        <button
          type="button"
          className="secondary"
          disabled={mergeable.length < 2}
          aria-describedby="merge-hint"
          onClick={() => {
            setList((l) => mergeProposals(l, selected));
            setSelected([]);
          }}
        >
          {t("starter.merge")}
        </button>
        <SubmitButton className="primary">{t("starter.submit", { count })}</SubmitButton>
      </div>
    </Form>
  );
}
