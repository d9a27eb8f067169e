import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UserForm } from "~/components/user-form";
import { requireCapability } from "~/modules/permissions";
import { userUnitOptions } from "~/modules/people/form-options.server";
import { createUser } from "~/modules/people/save-user.server";
import { CreateUserSchema } from "~/modules/people/schema";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Thêm tài khoản · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "users.manage");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const db = getDb();
  return { units: userUnitOptions(db, scopeFor(db, user), new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), CreateUserSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const created = await createUser(ctxFor(user), submission.value);
    return redirectWithFlash(`/admin/users/${created.id}`, { key: "common.saved" });
  });
}

export default function NewUser() {
  const { units } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("people.new")}</h1>
      <UserForm lastResult={useActionData<typeof action>()} units={units} withPassword />
    </>
  );
}
