import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VerificationResult } from "~/components/report-verification";
import { verifyText } from "~/modules/reports/verify.server";
import { getDb } from "~/http/db.server";
import { handle } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.reports.verify.$code");

/** Where the QR code in a report's footer leads (public). */
export const loader = handle(async ({ params }: LoaderFunctionArgs) => ({ result: verifyText(getDb(), (params.code ?? "").slice(0, 40)) }));

export default function VerifyCode() {
  const { result } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("reports.verify.title")}</h1>
      <VerificationResult v={result} />
      <p>
        <Link to="/reports/verify">{t("reports.verify.byFile")}</Link>
      </p>
    </>
  );
}
