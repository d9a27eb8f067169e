import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { VerificationResult } from "~/components/report-verification";
import { verifyBytes, verifyText, type Verification } from "~/modules/reports/verify.server";
import { getDb } from "~/http/db.server";
import { handle } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { parseMultipart } from "~/http/uploads.server";

export const meta: MetaFunction = () => [{ title: "Xác thực báo cáo · ISO Xã" }];

/** Public (no sign-in): whoever holds a report can check it. ?q= takes a SHA-256 hash or a verification code. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  return { q, result: q ? verifyText(getDb(), q) : null };
});

/** Upload a file: its SHA-256 is computed here and looked up; the file itself is not kept. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return { result: { by: "invalid" } as Verification, fileError: "files.errors.empty" };
  }
  const { formData, tooLarge } = await parseMultipart(request);
  const file = formData.get("file");
  if (tooLarge || !(file instanceof File) || file.size === 0)
    return { result: { by: "invalid" } as Verification, fileError: tooLarge ? "files.errors.tooLarge" : "files.errors.empty" };
  return { result: verifyBytes(getDb(), new Uint8Array(await file.arrayBuffer())), fileError: null };
});

export default function Verify() {
  const { q, result } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const shown = posted?.result && posted.result.by !== "invalid" ? posted.result : result;
  return (
    <>
      <h1>{t("reports.verify.title")}</h1>
      <p>{t("reports.verify.intro")}</p>
      {shown ? <VerificationResult v={shown} /> : null}
      <div className="grid verify-forms">
        <Form method="post" encType="multipart/form-data" className="stack card">
          <div className="field">
            <label htmlFor="verify-file">{t("reports.verify.file")}</label>
            <input
              id="verify-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              aria-invalid={posted?.fileError ? true : undefined}
              aria-describedby={posted?.fileError ? "verify-file-error" : undefined}
            />
            {posted?.fileError ? (
              <p id="verify-file-error" className="field-errors" role="alert">
                {t(posted.fileError)}
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
