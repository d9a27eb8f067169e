import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { moveToSuccessor } from "~/modules/people/move-to-successor.server";
import { handle, idParam, requireCtx, step } from "~/http/edge.server";

/** Move an account of a unit that has ended to a unit formed from it (the list on /admin/users offers the choices). */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "users.manage");
  const id = idParam(params.id);
  const unitId = Number((await request.formData()).get("unitId"));
  let moved = { name: "", unit: "" };
  return step(
    "/admin/users",
    () => {
      moved = moveToSuccessor(ctx, id, unitId);
    },
    // Read after the move: the flash names the person and their new unit.
    {
      key: "people.toMove.done",
      get params() {
        return moved;
      },
    },
  );
});

export const loader = handle(async () => redirect("/admin/users"));
