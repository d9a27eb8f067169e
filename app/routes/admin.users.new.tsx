import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UserForm } from "~/components/user-form";
import { userUnitOptions } from "~/modules/people/form-options.server";
import { createUser } from "~/modules/people/save-user.server";
import { CreateUserSchema } from "~/modules/people/schema";
import { handle, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.admin.users.new");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "users.manage");
  return { units: userUnitOptions(ctx) };
});

export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  return submit(
    await request.formData(),
    CreateUserSchema,
    async (value) => {
      const created = await createUser(ctx, value);
      return redirectWithFlash(`/admin/users/${created.id}`, { key: "common.saved" });
    },
    { hideFields: ["password"] },
  );
});

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
