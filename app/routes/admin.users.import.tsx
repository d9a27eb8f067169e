import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FileField, FormErrors, SPREADSHEET_ACCEPT, UnitField } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { TableWrap } from "~/components/table-wrap";
import { useSchemaForm } from "~/components/use-schema-form";
import { applyPeopleImport, previewPeopleImport } from "~/modules/people/bulk-import.server";
import { userUnitOptions } from "~/modules/people/form-options.server";
import { PeopleImportConfirmSchema, PeopleImportUploadSchema } from "~/modules/people/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { parseMultipart } from "~/http/uploads.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.admin.users.import");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "users.manage");
  return { units: userUnitOptions(ctx) };
});

/**
 * "preview" reads the spreadsheet and shows each account it would make (or what is wrong); "confirm" creates the valid
 * ones and answers, once, with their one-time passwords for the printed list.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "users.manage");
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return submit(await request.formData(), PeopleImportConfirmSchema, async (value) => ({ created: await applyPeopleImport(ctx, value) }));
  }
  const { formData, tooLarge } = await parseMultipart(request);
  return submit(formData, PeopleImportUploadSchema, async (value) => ({ preview: await previewPeopleImport(ctx, value) }), { tooLarge });
});

export default function ImportPeople() {
  const { units } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const preview = reply && "preview" in reply ? reply.preview : undefined;
  const created = reply && "created" in reply ? reply.created : undefined;
  const [form, fields] = useSchemaForm(PeopleImportUploadSchema, {
    id: "people-import",
    lastResult: reply && !("preview" in reply) && !("created" in reply) ? reply : undefined,
    defaultValue: { unitId: String(units[0]?.id ?? "") },
  });
  if (created) {
    return (
      <>
        <h1>{t("peopleImport.createdTitle", { unit: created.unit.name })}</h1>
        <p className="alert alert-warn" role="status">
          {t("peopleImport.createdNote")}
        </p>
        <TableWrap label={t("peopleImport.createdTitle", { unit: created.unit.name })}>
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("people.fullName")}</th>
                <th scope="col">{t("people.jobTitle")}</th>
                <th scope="col">{t("people.role")}</th>
                <th scope="col">{t("people.username")}</th>
                <th scope="col">{t("peopleImport.password")}</th>
              </tr>
            </thead>
            <tbody>
              {created.created.map((c) => (
                <tr key={c.username}>
                  <td data-label={t("people.fullName")}>{c.fullName}</td>
                  <td data-label={t("people.jobTitle")}>{c.title ?? ""}</td>
                  <td data-label={t("people.role")}>{t(`role.${c.role}`)}</td>
                  <td data-label={t("people.username")}>{c.username}</td>
                  <td data-label={t("peopleImport.password")}>
                    <code>{c.password}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <p className="actions">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t("peopleImport.print")}
          </button>
          <Link to="/admin/users">{t("people.title")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link to="/admin/users">← {t("people.title")}</Link>
      </p>
      <h1>{t("peopleImport.title")}</h1>
      <p className="muted">{t("peopleImport.lead")}</p>
      <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preview" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <UnitField field={fields.unitId} label={t("people.unit")} units={units} />
        <FileField field={fields.sheet} label={t("peopleImport.sheet")} hint={t("peopleImport.sheetHint")} accept={SPREADSHEET_ACCEPT} />
        <div className="actions">
          <button type="submit" className="secondary">
            {t("bulk.preview")}
          </button>
        </div>
      </Form>
      {preview ? (
        <section aria-labelledby="people-preview">
          <h2 id="people-preview">
            {t("peopleImport.previewTitle", { count: preview.rows.length })} · {preview.unit.name}
          </h2>
          <p role="status">{t("peopleImport.counts", { valid: preview.valid, error: preview.rows.length - preview.valid })}</p>
          <TableWrap label={t("peopleImport.previewTitle", { count: preview.rows.length })}>
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("peopleImport.col.line")}</th>
                  <th scope="col">{t("people.fullName")}</th>
                  <th scope="col">{t("people.jobTitle")}</th>
                  <th scope="col">{t("people.role")}</th>
                  <th scope="col">{t("people.username")}</th>
                  <th scope="col">{t("bulk.result")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.account ? undefined : "row-overdue"}>
                    <td data-label={t("peopleImport.col.line")}>{r.line}</td>
                    <td data-label={t("people.fullName")}>{r.values.fullName}</td>
                    <td data-label={t("people.jobTitle")}>{r.values.title}</td>
                    <td data-label={t("people.role")}>{r.account ? t(`role.${r.account.role}`) : r.values.role}</td>
                    <td data-label={t("people.username")}>{r.values.username}</td>
                    <td data-label={t("bulk.result")}>
                      {r.account ? (
                        <span className="badge badge-ok">{t("peopleImport.willCreate")}</span>
                      ) : (
                        <ul className="field-errors">
                          {Object.entries(r.errors).flatMap(([field, keys]) =>
                            keys.map((k) => (
                              <li key={field + k}>
                                {t(LABELS[field] ?? "peopleImport.col.row")}: {t(k)}
                              </li>
                            )),
                          )}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {preview.valid ? (
            <Form method="post" className="actions card">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="unitId" value={preview.unit.id} />
              <input type="hidden" name="rows" value={JSON.stringify(preview.rows.filter((r) => r.account).map((r) => r.account))} />
              <SubmitButton className="primary">{t("peopleImport.confirm", { count: preview.valid })}</SubmitButton>
            </Form>
          ) : (
            <p className="alert alert-error">{t("peopleImport.nothing")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

const LABELS: Record<string, string> = {
  fullName: "people.fullName",
  title: "people.jobTitle",
  role: "people.role",
  email: "people.email",
  username: "people.username",
};
