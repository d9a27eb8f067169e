import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { History } from "~/components/history";
import { UserForm } from "~/components/user-form";
import { requireCapability } from "~/modules/permissions";
import { userUnitOptions } from "~/modules/people/form-options.server";
import { getUserInScopeOrThrow } from "~/modules/people/queries.server";
import { updateUser } from "~/modules/people/save-user.server";
import { UserSchema } from "~/modules/people/schema";
import { historyOf } from "~/modules/trail/queries.server";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Tài khoản · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const db = getDb();
  try {
    requireCapability(user, "users.manage");
    const scope = scopeFor(db, user);
    const person = getUserInScopeOrThrow(db, scope, id);
    return {
      person: { ...person, unitId: String(person.unitId), email: person.email ?? "", title: person.title ?? "" },
      units: userUnitOptions(db, scope, new Date(), person.unitId),
      history: historyOf(db, "user", id),
      isSelf: user.id === id,
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), UserSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    updateUser(ctxFor(user), id, submission.value);
    return redirectWithFlash(`/admin/users/${id}`, { key: "common.saved" });
  });
}

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
