import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FileField } from "~/components/field";
import { FormErrors, TextField } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { useSchemaForm } from "~/components/use-schema-form";
import { unitCertificatesPage } from "~/modules/certificates/queries.server";
import { certificateUploadSchema, PKCS12_MAX_BYTES } from "~/modules/certificates/schema";
import { unitKeysDir } from "~/modules/certificates/sign.server";
import { uploadCertificate } from "~/modules/certificates/upload.server";
import { config } from "~/lib/config.server";
import { formatDate, formatDateTime } from "~/lib/time";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { parseMultipart } from "~/http/uploads.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.units.$id.certificate");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "units.manage");
  return unitCertificatesPage(ctx, idParam(params.id));
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "units.manage");
  const id = idParam(params.id);
  const { formData, tooLarge } = await parseMultipart(request);
  return submit(
    formData,
    certificateUploadSchema,
    async (value) => {
      await uploadCertificate(ctx, unitKeysDir(config().dataDir), id, value);
      return redirectWithFlash(`/units/${id}/certificate`, { key: "certificates.saved" });
    },
    { tooLarge, tooLargeMessage: "certificates.errors.fileTooLarge", hideFields: ["passphrase"] },
  );
});

export default function UnitCertificate() {
  const { unit, current, previous } = useLoaderData<typeof loader>();
  const t = useT();
  const [form, fields] = useSchemaForm(certificateUploadSchema, { lastResult: useActionData<typeof action>() });
  return (
    <>
      <h1>
        {t("certificates.title")}: <Link to={`/units/${unit.id}`}>{unit.name}</Link>
      </h1>
      <p>{t("certificates.intro")}</p>
      <section className="card" aria-labelledby="cert-current">
        <h2 id="cert-current">{t("certificates.current")}</h2>
        {current ? (
          <>
            {current.isDemo ? (
              <p role="note">
                <strong className="badge badge-warn">{t("certificates.demo")}</strong> {t("certificates.demoHint")}
              </p>
            ) : null}
            {current.expired ? <p className="field-errors">{t("certificates.expired")}</p> : null}
            <dl className="dl">
              <dt>{t("certificates.subject")}</dt>
              <dd>{current.subjectDn}</dd>
              <dt>{t("certificates.issuer")}</dt>
              <dd>{current.issuerDn}</dd>
              <dt>{t("certificates.serial")}</dt>
              <dd>
                <code className="hash">{current.serial}</code>
              </dd>
              <dt>{t("certificates.validity")}</dt>
              <dd>
                {formatDate(current.validFrom)} – {formatDate(current.validTo)}
              </dd>
              <dt>{t("certificates.fingerprint")}</dt>
              <dd>
                <code className="hash">{current.fingerprint}</code>
              </dd>
              <dt>{t("certificates.installed")}</dt>
              <dd>
                {formatDateTime(current.createdAt)}
                {current.uploadedBy ? ` · ${current.uploadedBy}` : ""}
              </dd>
            </dl>
          </>
        ) : (
          <p>{t("certificates.none")}</p>
        )}
      </section>
      <section className="card" aria-labelledby="cert-upload">
        <h2 id="cert-upload">{t("certificates.upload")}</h2>
        <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(form)}>
          <FormErrors id={form.errorId} errors={form.errors} />
          <FileField field={fields.file} label={t("certificates.file")} hint={`≤ ${PKCS12_MAX_BYTES / 1024} KB`} accept=".p12,.pfx,application/x-pkcs12" />
          <TextField
            field={fields.passphrase}
            label={t("certificates.passphrase")}
            hint={t("certificates.passphraseHint")}
            type="password"
            autoComplete="off"
          />
          <div className="actions">
            <SubmitButton>{t("certificates.submit")}</SubmitButton>
            <Link to={`/units/${unit.id}`}>{t("action.cancel")}</Link>
          </div>
        </Form>
      </section>
      {previous.length ? (
        <section className="card" aria-labelledby="cert-previous">
          <h2 id="cert-previous">{t("certificates.previous")}</h2>
          <ul>
            {previous.map((p) => (
              <li key={p.id}>
                {p.subject} · <code>{p.serial}</code> · {formatDate(p.validFrom)} – {formatDate(p.validTo)}
                {p.isDemo ? ` · ${t("certificates.demo")}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
