import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { DOCUMENT_KINDS } from "#db/schema/enums";
import { FieldErrors, FileField, FormErrors, TextAreaField, TextField } from "~/components/field";
import { CheckboxList } from "./badges";
import { documentCreateSchema, DocumentEditSchema } from "~/modules/documents/schema";
import { useLang, useT } from "~/i18n/react";
import { useSchemaForm } from "../use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { withIndent } from "~/components/unit-depth";

export type DocumentFormOptions = {
  units: { id: number; name: string; depth: number }[];
  clauses: { code: string; titleVi: string; titleEn: string; parentCode: string | null }[];
  procedures: { id: number; unitId: number; code: string; name: string; field: string }[];
  people: { id: number; fullName: string; title: string | null; unitId: number }[];
  maxBytes: number;
};

/** Register form: for a new document (with its first revision's file) or to edit one's details. */
export function DocumentForm({
  mode,
  lastResult,
  defaultValue,
  options,
  cancelTo,
}: {
  mode: "create" | "edit";
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue?: Record<string, unknown>;
  options: DocumentFormOptions;
  cancelTo: string;
}) {
  const t = useT();
  const lang = useLang();
  const schema = mode === "create" ? documentCreateSchema(options.maxBytes) : DocumentEditSchema;
  const [form, fields] = useSchemaForm(schema, {
    lastResult,
    defaultValue,
    shouldRevalidate: "onInput",
  });
  const f = fields as unknown as Record<string, Parameters<typeof TextField>[0]["field"]>;
  const [unitId, setUnitId] = useState<string>(String(f.unitId!.initialValue ?? options.units[0]?.id ?? ""));
  const [kind, setKind] = useState<string>(String(f.kind!.initialValue ?? "process"));
  const procs = options.procedures.filter((p) => String(p.unitId) === unitId);
  const people = options.people
    .filter((p) => String(p.unitId) === unitId)
    .map((p) => ({ value: p.id, label: p.title ? `${p.fullName} (${p.title})` : p.fullName }));
  // Clauses are listed under their top-level heading (4 Bối cảnh…, 5 Sự lãnh đạo…); sub-clauses like 7.5.3 under 7.
  const top = (code: string): string => {
    const c = options.clauses.find((x) => x.code === code);
    return c?.parentCode ? top(c.parentCode) : code;
  };
  const groupTitle = (parent: string) => {
    const c = options.clauses.find((x) => x.code === top(parent));
    return c ? `${c.code} ${lang === "en" ? c.titleEn : c.titleVi}` : parent;
  };
  const mb = Math.round(options.maxBytes / 1024 / 1024);
  return (
    <Form method="post" encType={mode === "create" ? "multipart/form-data" : undefined} className="stack card" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      {mode === "create" && options.units.length > 1 ? (
        <div className="field">
          <label htmlFor={f.unitId!.id}>{t("documents.unit")}</label>
          <select
            id={f.unitId!.id}
            name={f.unitId!.name}
            defaultValue={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            aria-invalid={f.unitId!.errors ? true : undefined}
            aria-describedby={f.unitId!.errors ? f.unitId!.errorId : undefined}
          >
            {withIndent(options.units).map((u) => (
              <option key={u.id} value={u.id}>
                {"· ".repeat(Math.max(0, u.indent - 1))}
                {u.name}
              </option>
            ))}
          </select>
          <FieldErrors id={f.unitId!.errorId} errors={f.unitId!.errors} />
        </div>
      ) : (
        <>
          <input type="hidden" name={f.unitId!.name} value={unitId} />
          <FieldErrors id={f.unitId!.errorId} errors={f.unitId!.errors} />
        </>
      )}
      <div className="row">
        <TextField field={f.code!} label={t("documents.code")} hint={t("documents.codeHint")} />
        <div className="field">
          <label htmlFor={f.kind!.id}>{t("documents.kind")}</label>
          <select id={f.kind!.id} name={f.kind!.name} defaultValue={kind} onChange={(e) => setKind(e.target.value)}>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kind.${k}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={f.kind!.errorId} errors={f.kind!.errors} />
        </div>
      </div>
      <TextField field={f.title!} label={t("documents.titleField")} />
      <div className="row">
        <TextField field={f.owner!} label={t("documents.owner")} hint={t("documents.ownerHint")} />
        <TextField field={f.reviewCycleMonths!} label={t("documents.reviewCycle")} type="number" />
      </div>
      <CheckboxList
        name={f.clauseCodes!.name}
        id={f.clauseCodes!.id}
        errorId={f.clauseCodes!.errorId}
        errors={f.clauseCodes!.errors}
        defaultValue={f.clauseCodes!.initialValue}
        legend={t("documents.clauses")}
        options={options.clauses
          .filter((c) => c.parentCode)
          .map((c) => ({ value: c.code, label: `${c.code} ${lang === "en" ? c.titleEn : c.titleVi}`, group: groupTitle(c.parentCode!) }))}
      />
      {kind === "process" ? (
        procs.length ? (
          <CheckboxList
            name={f.procedureIds!.name}
            id={f.procedureIds!.id}
            errorId={f.procedureIds!.errorId}
            errors={f.procedureIds!.errors}
            defaultValue={f.procedureIds!.initialValue}
            legend={t("documents.procedures")}
            hint={t("documents.proceduresHint")}
            filterLabel={procs.length > 8 ? t("documents.filterProcedures") : undefined}
            options={procs.map((p) => ({ value: p.id, label: `${p.code} · ${p.name}`, group: p.field }))}
          />
        ) : (
          <p className="muted">{t("documents.noProcedures")}</p>
        )
      ) : null}
      {kind === "process" && people.length ? (
        <>
          <input type="hidden" name={f.peopleSet!.name} value="1" />
          <CheckboxList
            name={f.ownerIds!.name}
            id={f.ownerIds!.id}
            errorId={f.ownerIds!.errorId}
            errors={f.ownerIds!.errors}
            defaultValue={f.ownerIds!.initialValue}
            legend={t("documents.processOwners")}
            hint={t("documents.processPeopleHint")}
            options={people}
          />
          <CheckboxList
            name={f.participantIds!.name}
            id={f.participantIds!.id}
            errorId={f.participantIds!.errorId}
            errors={f.participantIds!.errors}
            defaultValue={f.participantIds!.initialValue}
            legend={t("documents.processParticipants")}
            options={people}
          />
        </>
      ) : null}
      {mode === "create" ? (
        <fieldset className="stack-fieldset">
          <legend>{t("documents.revisionN", { n: 1 })}</legend>
          <TextAreaField field={f.changeSummary!} label={t("documents.changeSummary")} rows={2} />
          <FileField field={f.file!} label={t("documents.file")} hint={t("documents.fileHint", { mb })} />
        </fieldset>
      ) : null}
      <div className="actions">
        <SubmitButton>{t("action.save")}</SubmitButton>
        <Link to={cancelTo}>{t("action.cancel")}</Link>
      </div>
    </Form>
  );
}
