import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { History } from "~/components/history";
import { UserForm } from "~/components/user-form";
import { userUnitOptions } from "~/modules/people/form-options.server";
import { getUserInScopeOrThrow } from "~/modules/people/queries.server";
import { updateUser } from "~/modules/people/save-user.server";
import { UserSchema } from "~/modules/people/schema";
import { historyOf } from "~/modules/trail/queries.server";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { useT } from "~/i18n/react";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.admin.users.$id._index");

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "users.manage");
  const id = idParam(params.id);
  const person = getUserInScopeOrThrow(ctx, id);
  return {
    person: { ...person, unitId: String(person.unitId), email: person.email ?? "", title: person.title ?? "" },
    units: userUnitOptions(ctx, person.unitId),
    history: historyOf(ctx.db, "user", id),
    isSelf: ctx.actor.id === id,
  };
});

export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  return submit(await request.formData(), UserSchema, (value) => {
    updateUser(ctx, id, value);
    return redirectWithFlash(`/admin/users/${id}`, { key: "common.saved" });
  });
});

export default function EditUser() {
  const { person, units, history, isSelf } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{person.fullName}</h1>
        <div className="actions">
          <Link className="button secondary" to={`/admin/users/${person.id}/password`}>
            {t("people.resetPassword")}
          </Link>
          {isSelf ? null : (
            <Form method="post" action={`/admin/users/${person.id}/active`}>
              <input type="hidden" name="active" value={person.active ? "0" : "1"} />
              <button type="submit" className={person.active ? "danger" : "secondary"}>
                {person.active ? t("people.deactivate") : t("people.activate")}
              </button>
            </Form>
          )}
        </div>
      </div>
      {!person.active ? <p className="alert alert-warn">{t("people.inactive")}</p> : null}
      <UserForm lastResult={useActionData<typeof action>()} defaultValue={person} units={units} withPassword={false} />
      <History entries={history} />
    </>
  );
}
