import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FileField, FormErrors, SPREADSHEET_ACCEPT, UnitField } from "~/components/field";
import { TableWrap } from "~/components/table-wrap";
import { useSchemaForm } from "~/components/use-schema-form";
import { SubmitButton } from "~/components/submit-button";
import { applyBulkImport, previewBulkImport } from "~/modules/documents/bulk-import.server";
import { writableUnits } from "~/modules/documents/queries.server";
import { BulkConfirmSchema, bulkUploadSchema } from "~/modules/documents/schema";
import { config } from "~/lib/config.server";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { parseMultipart } from "~/http/uploads.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.documents.import");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  const units = writableUnits(ctx);
  return { units, defaultUnit: units.find((u) => u.id === ctx.actor.unitId)?.id ?? units[0]?.id, maxMb: Math.round(config().uploadMaxBytes / 1048576) };
});

/**
 * Two steps, as the catalogue import: "preview" reads the ZIP and the spreadsheet and shows every row with what would
 * be created or what is wrong; "confirm" imports the valid rows of the previewed uploads in one transaction.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return submit(await request.formData(), BulkConfirmSchema, async (value) => {
      const counts = await applyBulkImport(ctx, value);
      return redirectWithFlash(`/documents?unit=${value.unitId}`, { key: "bulk.imported", params: counts });
    });
  }
  const { formData, tooLarge } = await parseMultipart(request);
  return submit(formData, bulkUploadSchema(config().uploadMaxBytes), (value) => previewBulkImport(ctx, value), { tooLarge });
});

export default function ImportDocuments() {
  const { units, defaultUnit, maxMb } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const preview = reply && "preview" in reply ? reply.preview : undefined;
  const refused = reply && "refused" in reply ? reply.refused : undefined;
  const [form, fields] = useSchemaForm(bulkUploadSchema(), {
    id: "bulk-upload",
    lastResult: reply && !("preview" in reply) && !("refused" in reply) ? reply : undefined,
    defaultValue: { unitId: String(defaultUnit ?? "") },
  });
  const refusal = (field: "archive" | "sheet") =>
    refused?.field === field ? (
      <div className="field-errors" role="alert">
        <p>
          {t(field === "archive" ? "bulk.refusedArchive" : "bulk.refusedSheet")}: {t(refused.key, refused.params)}
        </p>
      </div>
    ) : null;
  return (
    <>
      <p>
        <Link to="/documents">← {t("documents.title")}</Link>
      </p>
      <h1>{t("bulk.title")}</h1>
      <p className="muted">{t("bulk.lead")}</p>
      <Form method="post" encType="multipart/form-data" className="stack card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preview" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <UnitField field={fields.unitId} label={t("documents.unit")} units={units} />
        <FileField field={fields.archive} label={t("bulk.archive")} hint={t("bulk.archiveHint", { max: maxMb })} accept=".zip,application/zip">
          {refusal("archive")}
        </FileField>
        <FileField field={fields.sheet} label={t("bulk.sheet")} hint={t("bulk.sheetHint")} accept={SPREADSHEET_ACCEPT}>
          {refusal("sheet")}
        </FileField>
        <div className="actions">
          <button type="submit" className="secondary">
            {t("bulk.preview")}
          </button>
        </div>
      </Form>
      {preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">
            {t("bulk.previewTitle", { count: preview.rows.length })} · {preview.unit.name}
          </h2>
          <p role="status">{t("bulk.previewCounts", preview.counts)}</p>
          {preview.unused.length ? <p className="alert alert-warn">{t("bulk.unused", { names: preview.unused.slice(0, 50).join(", ") })}</p> : null}
          <TableWrap label={t("bulk.previewTitle", { count: preview.rows.length })}>
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("bulk.line")}</th>
                  <th scope="col">{t("bulk.col.code")}</th>
                  <th scope="col">{t("bulk.col.title")}</th>
                  <th scope="col">{t("bulk.col.kind")}</th>
                  <th scope="col">{t("bulk.file")}</th>
                  <th scope="col">{t("bulk.result")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.plan ? undefined : "row-overdue"} data-testid={`bulk-row-${r.line}`}>
                    <td data-label={t("bulk.line")}>{r.line}</td>
                    <td data-label={t("bulk.col.code")}>{r.values.code}</td>
                    <td data-label={t("bulk.col.title")}>{r.values.title}</td>
                    <td data-label={t("bulk.col.kind")}>{r.plan ? t(`documents.kind.${r.plan.kind}`) : r.values.kind}</td>
                    <td data-label={t("bulk.file")}>{r.file ?? "—"}</td>
                    <td data-label={t("bulk.result")}>
                      {r.plan ? (
                        <span className="badge badge-ok">{t("bulk.willCreate", { date: r.plan.effectiveFrom.split("-").reverse().join("/") })}</span>
                      ) : (
                        <ul className="field-errors">
                          {Object.entries(r.errors).flatMap(([field, keys]) =>
                            keys.map((k) => (
                              <li key={field + k}>
                                {t(`bulk.col.${field in COLUMNS ? field : "row"}`)}: {t(k)}
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
          {preview.counts.create ? (
            <Form method="post" className="actions card">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="unitId" value={preview.unit.id} />
              <input type="hidden" name="token" value={preview.token} />
              <input type="hidden" name="expected" value={preview.counts.create} />
              <SubmitButton className="primary">{t("bulk.confirm", { count: preview.counts.create })}</SubmitButton>
            </Form>
          ) : (
            <p className="alert alert-error">{t("bulk.nothing")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

const COLUMNS = { code: 1, title: 1, kind: 1, clauses: 1, procedures: 1, effectiveFrom: 1, owner: 1, reviewCycle: 1, file: 1 };
