import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { VerificationResult } from "~/components/report-verification";
import { sha256Of, verifyHash, verifyText } from "~/modules/reports/verify.server";
import { isSha256 } from "~/modules/reports/rules";
import { getDb } from "~/http/db.server";
import { handle } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.reports.verify._index");

const FILE_ERRORS = { empty: "files.errors.empty", tooLarge: "files.errors.tooLarge" } as const;

/**
 * Public (no sign-in): whoever holds a report can check it. ?q= takes a SHA-256 hash or a verification code;
 * ?file= is the SHA-256 of a file just checked (or why it could not be: ?fileError=).
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const params = new URL(request.url).searchParams;
  const q = params.get("q")?.slice(0, 100) ?? "";
  const file = params.get("file")?.slice(0, 64).toLowerCase() ?? "";
  const fileError = FILE_ERRORS[params.get("fileError") as keyof typeof FILE_ERRORS] ?? null;
  const result = isSha256(file) ? verifyHash(getDb(), file) : q ? verifyText(getDb(), q) : null;
  return { q, result, fileError };
});

/**
 * Upload a file: its SHA-256 is computed here and looked up; the file itself is not kept. The answer is a redirect
 * to the page with the hash, so the address bar reads a plain address (not the index route's "?index") and a
 * reload does not send the file again.
 */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const refuse = (why: keyof typeof FILE_ERRORS) => redirect(`/reports/verify?fileError=${why}`);
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return refuse("empty");
  const { formData, tooLarge } = await parseMultipart(request);
  const file = formData.get("file");
  if (tooLarge) return refuse("tooLarge");
  if (!(file instanceof File) || file.size === 0) return refuse("empty");
  return redirect(`/reports/verify?file=${sha256Of(new Uint8Array(await file.arrayBuffer()))}`);
});

export default function Verify() {
  const { q, result, fileError } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const t = useT();
  return (
    <>
      <h1>{t("reports.verify.title")}</h1>
      <p>{t("reports.verify.intro")}</p>
      {result ? <VerificationResult v={result} /> : null}
      <div className="grid verify-forms">
        <Form method="post" encType="multipart/form-data" className="stack card">
          <div className="field">
            <label htmlFor="verify-file">{t("reports.verify.file")}</label>
            <input
              id="verify-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={fileError ? "verify-file-error" : undefined}
            />
            {fileError ? (
              <p id="verify-file-error" className="field-errors" role="alert">
                {t(fileError)}
              </p>
            ) : null}
          </div>
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("reports.verify.byFile")}
          </button>
        </Form>
        <Form method="get" className="stack card">
          <div className="field">
            <label htmlFor="verify-q">{t("reports.verify.q")}</label>
            <p className="hint" id="verify-q-hint">
              {t("reports.verify.qHint")}
            </p>
            <input id="verify-q" name="q" defaultValue={q} aria-describedby="verify-q-hint" autoComplete="off" spellCheck={false} />
          </div>
          <button type="submit" className="secondary">
            {t("reports.verify.byText")}
          </button>
        </Form>
      </div>
    </>
  );
}
