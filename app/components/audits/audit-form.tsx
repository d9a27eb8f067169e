import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { AuditPlanSchema } from "~/modules/audits/schema";
import { useLang, useT } from "~/i18n/react";
import { FormErrors, SelectField, TextAreaField, TextField } from "../field";
import { CheckGroup } from "./check-group";
import { useSchemaForm } from "../use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { MultiPick } from "~/components/multi-pick";
import { DateField } from "~/components/date-field";
import { withIndent } from "~/components/unit-depth";

export type AuditFormOptions = {
  units: { id: number; name: string; depth: number }[];
  clauses: { code: string; titleVi: string; titleEn: string; parentCode: string | null }[];
  processDocs: { id: number; unitId: number; code: string; title: string }[];
  auditors: { id: number; label: string; processes: { documentId: number; code: string; role: "owner" | "participant" }[] }[];
};

export function clauseLabel(c: { code: string; titleVi: string; titleEn: string }, lang: string) {
  return `${c.code} ${lang === "en" ? c.titleEn : c.titleVi}`;
}

/** The audit plan form (new and edit): unit, dates, lead auditor and team, scope (clauses and processes). */
export function AuditForm({
  lastResult,
  defaultValue,
  options,
  fixedUnitName,
  cancelTo,
}: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue?: Record<string, unknown>;
  options: AuditFormOptions;
  /** When editing, the unit is fixed and shown instead of chosen. */
  fixedUnitName?: string;
  cancelTo: string;
}) {
  const t = useT();
  const lang = useLang();
  const [form, fields] = useSchemaForm(AuditPlanSchema, {
    lastResult,
    defaultValue,
  });
  // The scope decides who may audit: people who own or take part in a chosen process are offered greyed, with why.
  const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : []);
  const [unitId, setUnitId] = useState(String(fields.unitId.initialValue ?? defaultValue?.unitId ?? ""));
  const [docIds, setDocIds] = useState<string[]>(asList(fields.processDocIds.initialValue));
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const data = new FormData(e.currentTarget);
    setUnitId(String(data.get(fields.unitId.name) ?? ""));
    setDocIds(data.getAll(fields.processDocIds.name).map(String));
  };
  const docs = options.processDocs.filter((d) => String(d.unitId) === unitId);
  const chosen = new Set(docIds.filter((id) => docs.some((d) => String(d.id) === id)).map(Number));
  const auditorOptions = options.auditors.map((a) => {
    const conflict = a.processes.find((p) => chosen.has(p.documentId));
    return conflict
      ? { value: a.id, label: `${a.label} · ${t(`audits.ineligible.${conflict.role}`, { code: conflict.code })}`, disabled: true }
      : { value: a.id, label: a.label };
  });
  const ineligible = auditorOptions.filter((o) => o.disabled).length;
  return (
    <Form method="post" className="stack card wide" {...getFormProps(form)} onChange={onChange}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {fixedUnitName ? (
        <>
          <p>
            <strong>{t("audits.unit")}:</strong> {fixedUnitName}
          </p>
          <input type="hidden" name={fields.unitId.name} value={String(defaultValue?.unitId ?? "")} />
        </>
      ) : (
        <SelectField
          field={fields.unitId}
          label={t("audits.unit")}
          placeholder=""
          options={withIndent(options.units).map((u) => ({ value: u.id, label: `${"· ".repeat(u.indent)}${u.name}` }))}
        />
      )}
      <TextField field={fields.title} label={t("audits.titleField")} hint={t("audits.titleHint")} />
      <div className="row">
        <DateField field={fields.startOn} label={t("audits.startOn")} />
        <DateField field={fields.endOn} label={t("audits.endOn")} />
      </div>
      <TextAreaField field={fields.objectives} label={t("audits.objectives")} rows={3} />
      <CheckGroup
        field={fields.clauseCodes}
        legend={t("audits.clauses")}
        hint={t("audits.clausesHint")}
        options={options.clauses.map((c) => ({ value: c.code, label: clauseLabel(c, lang), indent: c.code.split(".").length - 1 }))}
      />
      {docs.length ? (
        <CheckGroup
          field={fields.processDocIds}
          legend={t("audits.processDocs")}
          hint={t("audits.processDocsHint")}
          columns={false}
          options={docs.map((d) => ({ value: d.id, label: `${d.code} – ${d.title}` }))}
        />
      ) : null}
      <SelectField
        field={fields.leadAuditorId}
        label={t("audits.lead")}
        hint={ineligible ? t("audits.ineligibleHint", { n: ineligible }) : t("audits.leadHint")}
        placeholder=""
        options={auditorOptions}
      />
      <MultiPick field={fields.teamIds} legend={t("audits.team")} hint={t("audits.teamHint")} options={auditorOptions} />
      <TextAreaField field={fields.processes} label={t("audits.processes")} hint={t("audits.processesHint")} rows={4} />
      <div className="actions">
        <SubmitButton>{t("action.save")}</SubmitButton>
        <Link to={cancelTo}>{t("action.cancel")}</Link>
      </div>
    </Form>
  );
}
