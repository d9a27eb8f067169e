import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { readFileInScopeOrThrow } from "~/modules/files/store.server";
import { importFigures, previewFigures, uploadFiguresFile } from "~/modules/figures/import.server";
import { formatInt, formatMonth } from "~/modules/figures/period";
import { requireCapability } from "~/modules/permissions";
import { scopeFor } from "~/modules/units/scope.server";
import { config } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { DomainError, InvalidInputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { idParam, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { parseMultipart } from "~/utils/uploads.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Nhập số liệu một cửa · ISO Xã" }];

function fileBytes(user: Awaited<ReturnType<typeof requireUser>>, fileId: number) {
  const db = getDb();
  return readFileInScopeOrThrow(db, scopeFor(db, user), config().uploadsDir, fileId);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "qms.write");
    const fileParam = new URL(request.url).searchParams.get("file");
    if (!fileParam) return { preview: null, fileId: null, fileName: null, fileError: null };
    const { file, bytes } = fileBytes(user, idParam(fileParam));
    try {
      const preview = await previewFigures(getDb(), scopeFor(getDb(), user), bytes);
      return { preview, fileId: file.id, fileName: file.originalName, fileError: null };
    } catch (e) {
      if (e instanceof InvalidInputError) return { preview: null, fileId: null, fileName: file.originalName, fileError: e.fieldErrors.file?.[0] ?? e.messageKey };
      throw e;
    }
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "qms.write");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const ctx = ctxFor(user);
  const { formData, tooLarge } = await parseMultipart(request);
  if (tooLarge) return data({ fileError: "files.errors.tooLarge", formError: null, params: null }, { status: 400 });
  try {
    if (formData.get("intent") === "import") {
      const fileId = idParam(String(formData.get("fileId") ?? ""));
      const { bytes } = fileBytes(user, fileId);
      const r = await importFigures(ctx, { bytes, fileId, skipBad: formData.get("skipBad") === "on" });
      return redirectWithFlash("/figures", { key: "figures.import.done", params: r });
    }
    const file = formData.get("file");
    if (!(file instanceof File)) return data({ fileError: "files.errors.empty", formError: null, params: null }, { status: 400 });
    const row = await uploadFiguresFile(ctx, file, { uploadsDir: config().uploadsDir, maxBytes: config().uploadMaxBytes });
    return redirect(`/figures/import?file=${row.id}`);
  } catch (e) {
    if (e instanceof InvalidInputError) {
      return data({ fileError: e.fieldErrors.file?.[0] ?? null, formError: e.fieldErrors.file ? null : e.messageKey, params: e.params }, { status: 400 });
    }
    if (e instanceof DomainError) rethrowAsResponse(e);
    throw e;
  }
}

export default function ImportFigures() {
  const { preview, fileId, fileName, fileError: loadError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const fileError = actionData?.fileError ?? loadError;
  return (
    <>
      <h1>{t("figures.import.title")}</h1>
      <p className="muted">{t("figures.import.help")}</p>
      <Form method="post" encType="multipart/form-data" className="stack card">
        <div className="field">
          <label htmlFor="file">{t("figures.import.file")}</label>
          <input id="file" name="file" type="file" accept=".xlsx,.csv" aria-invalid={fileError ? true : undefined} aria-describedby={fileError ? "file-error" : undefined} />
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
          {actionData?.formError ? (
            <p className="alert alert-error" role="alert">
              {t(actionData.formError, actionData.params ?? undefined)}
            </p>
          ) : null}
          <TableWrap label={t("figures.import.title")}>
            <table className="responsive">
              <thead>
                <tr>
                  <th scope="col">{t("figures.import.line")}</th>
                  <th scope="col">{t("figures.unit")}</th>
                  <th scope="col">{t("figures.month")}</th>
                  <th scope="col" className="num">
                    {t("figures.received")}
                  </th>
                  <th scope="col" className="num">
                    {t("figures.returnedByPost")}
                  </th>
                  <th scope="col">{t("figures.import.problems")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className={r.errors.length ? "row-bad" : undefined}>
                    <td data-label={t("figures.import.line")}>{r.line}</td>
                    <td data-label={t("figures.unit")}>{r.unitName ?? r.unitLabel}</td>
                    <td data-label={t("figures.month")}>{r.month ? formatMonth(r.month) : "—"}</td>
                    <td className="num" data-label={t("figures.received")}>
                      {r.figures ? formatInt(r.figures.received) : "—"}
                    </td>
                    <td className="num" data-label={t("figures.returnedByPost")}>
                      {r.figures ? formatInt(r.figures.returnedByPost) : "—"}
                    </td>
                    <td data-label={t("figures.import.problems")}>
                      {r.errors.length ? (
                        <ul className="changes">
                          {r.errors.map((e, i) => (
                            <li key={i}>{t(e.key, e.params)}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="badge badge-ok">{t("figures.import.ok")}</span>
                      )}
                      {r.replaces ? <span className="badge badge-warn">{t("figures.import.replaces")}</span> : null}
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
