import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { importFigures, previewStoredFile, uploadFiguresFile } from "~/modules/figures/import.server";
import { formatMonth } from "~/modules/figures/period";
import { formatInt } from "~/lib/locale";
import { config } from "~/lib/config.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";
import { TableWrap } from "~/components/table-wrap";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.figures.import");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  const fileParam = new URL(request.url).searchParams.get("file");
  if (!fileParam) return { preview: null, fileId: null, fileName: null, fileError: null };
  // The rows read once at upload: viewing the preview again never reads the file again.
  const { file, preview, fileError } = previewStoredFile(ctx, idParam(fileParam));
  return { preview, fileId: preview ? file.id : null, fileName: file.originalName, fileError };
});

/** Only an upload carries a file; the import works from the rows kept at upload, by the file's id. */
const UploadSchema = z.object({ file: z.instanceof(File, { message: "files.errors.empty" }) });
const ImportSchema = z.object({});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "qms.write");
  const { formData, tooLarge } = await parseMultipart(request);
  if (formData.get("intent") === "import") {
    return submit(formData, ImportSchema, async () => {
      const fileId = idParam(String(formData.get("fileId") ?? ""));
      const r = await importFigures(ctx, { fileId, skipBad: formData.get("skipBad") === "on" });
      return redirectWithFlash("/figures", { key: "figures.import.done", params: r });
    });
  }
  return submit(
    formData,
    UploadSchema,
    async ({ file }) => {
      const row = await uploadFiguresFile(ctx, file, { uploadsDir: config().uploadsDir, maxBytes: config().uploadMaxBytes });
      return redirect(`/figures/import?file=${row.id}`);
    },
    { tooLarge },
  );
});

export default function ImportFigures() {
  const { preview, fileId, fileName, fileError: loadError } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const fileError = reply?.error?.file?.[0] ?? loadError;
  // A refusal of the whole import, not about the file itself. Its only parameter ("{bad} rows with errors") is the
  // count of bad rows, which the preview of the same file already holds.
  const formError = reply?.error?.file?.length ? undefined : reply?.error?.[""]?.[0];
  return (
    <>
      <h1>{t("figures.import.title")}</h1>
      <p className="muted">{t("figures.import.help")}</p>
      <Form method="post" encType="multipart/form-data" className="stack card">
        <div className="field">
          <label htmlFor="file">{t("figures.import.file")}</label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".xlsx,.csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "file-error" : undefined}
          />
          {fileError ? (
            <div id="file-error" className="field-errors" role="alert">
              <p>{t(fileError)}</p>
            </div>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="primary" name="intent" value="upload" disabled={busy}>
            {t("figures.import.preview")}
          </button>
          <Link to="/figures">{t("action.cancel")}</Link>
        </div>
      </Form>
      {preview && preview.missingColumns.length ? (
        <p className="alert alert-error" role="alert">
          {t("figures.import.missingColumnsList", { columns: preview.missingColumns.join(", ") })}
        </p>
      ) : null}
      {preview && !preview.missingColumns.length ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">
            {fileName}: {t("figures.import.previewTitle", { good: preview.good, bad: preview.bad })}
          </h2>
          {formError ? (
            <p className="alert alert-error" role="alert">
              {t(formError, { bad: preview.bad })}
            </p>
          ) : null}
          <p className="muted">{t("figures.import.kept")}</p>
          <TableWrap label={t("figures.import.title")}>
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("figures.import.line")}</th>
                  <th scope="col">{t("figures.unit")}</th>
                  <th scope="col">{t("figures.month")}</th>
                  {preview.columns.map((c) => (
                    <th scope="col" className="num" key={c}>
                      {t(`figures.${c}`)}
                    </th>
                  ))}
                  <th scope="col">{t("figures.import.status")}</th>
                  <th scope="col">{t("figures.import.changes")}</th>
                  <th scope="col">{t("figures.import.problems")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.errors.length ? "row-bad" : undefined}>
                    <td data-label={t("figures.import.line")}>{r.line}</td>
                    <td data-label={t("figures.unit")}>{r.unitName ?? r.unitLabel}</td>
                    <td data-label={t("figures.month")}>{r.month ? formatMonth(r.month) : "—"}</td>
                    {preview.columns.map((c) => (
                      <td className="num" data-label={t(`figures.${c}`)} key={c}>
                        {r.read[c] === undefined ? "—" : formatInt(r.read[c])}
                      </td>
                    ))}
                    <td data-label={t("figures.import.status")}>
                      {r.errors.length ? (
                        <span className="badge badge-bad">{t("figures.import.bad")}</span>
                      ) : r.replaces ? (
                        <span className="badge badge-warn">{t("figures.import.replaces")}</span>
                      ) : (
                        <span className="badge badge-ok">{t("figures.import.new")}</span>
                      )}
                    </td>
                    <td data-label={t("figures.import.changes")}>
                      {r.errors.length || !r.replaces ? (
                        "—"
                      ) : r.changes.length ? (
                        <ul className="changes">
                          {r.changes.map((c) => (
                            <li key={c.field}>
                              {t(`figures.${c.field}`)}: {c.before === null ? "—" : formatInt(c.before)} → {c.after === null ? "—" : formatInt(c.after)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        t("figures.import.unchanged")
                      )}
                    </td>
                    <td data-label={t("figures.import.problems")}>
                      {r.errors.length ? (
                        <ul className="changes">
                          {r.errors.map((e, i) => (
                            <li key={i}>{t(e.key, e.params)}</li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <Form method="post" encType="multipart/form-data" className="stack">
            <input type="hidden" name="fileId" value={fileId ?? ""} />
            {preview.bad ? (
              <label className="checkbox">
                <input type="checkbox" name="skipBad" /> {t("figures.import.skipBad")}
              </label>
            ) : null}
            <div className="actions">
              <button type="submit" className="primary" name="intent" value="import" disabled={busy || preview.good === 0}>
                {t("figures.import.confirm")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
