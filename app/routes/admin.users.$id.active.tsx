import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { setUserActive } from "~/modules/people/save-user.server";
import { handle, idParam, requireCtx, step } from "~/http/edge.server";

/** Deactivate (ends every session of the account at once) or reactivate an account. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request);
  const id = idParam(params.id);
  const active = (await request.formData()).get("active") === "1";
  // A refused step (deactivating oneself) reads as a message on the account's page.
  return step(`/admin/users/${id}`, () => setUserActive(ctx, id, active), { key: active ? "people.activated" : "people.deactivated" });
});

export const loader = handle(async ({ params }: LoaderFunctionArgs) => redirect(`/admin/users/${idParam(params.id)}`));
