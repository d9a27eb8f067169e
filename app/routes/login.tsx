import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormErrors, TextField } from "~/components/field";
import { signIn } from "~/modules/auth/sign-in.server";
import { LoginSchema } from "~/modules/people/schema";
import { now } from "~/lib/clock.server";
import { config } from "~/lib/config.server";
import { getDb } from "~/http/db.server";
import { handle } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { clientIp, commitSessionToken, getUser, safeRedirect } from "~/http/session.server";
import { formatDateTime } from "~/lib/time";
import { useSchemaForm } from "~/components/use-schema-form";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.login");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  if (await getUser(request)) throw redirect("/");
  return null;
});

// why not `submit`: nobody is signed in yet (no ctx), and a refused sign-in is not a domain error: its reply carries
// `lockedUntil` and answers 401/429, so it is built here.
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { username, password, redirectTo } = submission.value;
  const result = await signIn(getDb(), {
    username,
    password,
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent") ?? undefined,
    now: now(),
    sessionDays: config().sessionDays,
  });
  if (!result.ok) {
    // why: slowing each failed answer makes guessing expensive without locking anyone out at once.
    if (result.delayMs) await new Promise((r) => setTimeout(r, result.delayMs));
    const key = result.reason === "locked" ? "login.locked" : result.reason === "ipThrottled" ? "login.ipThrottled" : "login.invalid";
    return data(
      { ...submission.reply({ formErrors: [key], hideFields: ["password"] }), lockedUntil: result.lockedUntil ?? null },
      { status: result.reason === "invalid" ? 401 : 429 },
    );
  }
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await commitSessionToken(result.token) } });
});

export default function Login() {
  const t = useT();
  const last = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm(LoginSchema, {
    lastResult: last,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const lockedUntil = last && "lockedUntil" in last && typeof last.lockedUntil === "number" ? last.lockedUntil : null;
  const formErrors = form.errors?.map((e) => (e === "login.locked" && lockedUntil ? t(e, { time: formatDateTime(lockedUntil) }) : e));
  return (
    <div className="card auth-card">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("app.tagline")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={formErrors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField field={fields.username} label={t("login.username")} autoComplete="username" />
        <TextField field={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
