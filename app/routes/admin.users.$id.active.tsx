import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { setUserActive } from "~/modules/people/save-user.server";
import { InvalidInputError } from "~/utils/errors";
import { redirectWithFlash } from "~/utils/flash.server";
import { idParam, rethrowAsResponse } from "~/utils/forms.server";
import { ctxFor, requireUser } from "~/utils/session.server";

/** Deactivate (ends every session of the account at once) or reactivate an account. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const active = (await request.formData()).get("active") === "1";
  try {
    setUserActive(ctxFor(user), id, active);
  } catch (e) {
    if (e instanceof InvalidInputError) {
      return redirectWithFlash(`/admin/users/${id}`, { key: e.messageKey, kind: "error" });
    }
    rethrowAsResponse(e);
  }
  return redirectWithFlash(`/admin/users/${id}`, { key: active ? "people.activated" : "people.deactivated" });
}

export function loader({ params }: { params: { id?: string } }) {
  return redirect(`/admin/users/${idParam(params.id)}`);
}
