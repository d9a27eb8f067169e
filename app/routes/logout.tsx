import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { deleteSession } from "~/modules/auth/sessions.server";
import { getDb } from "~/http/db.server";
import { handle } from "~/http/edge.server";
import { clearSessionToken, readSessionToken } from "~/http/session.server";

// why getDb and not a ctx: signing out needs no signed-in user (an expired session still clears its cookie).
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const token = await readSessionToken(request);
  if (token) deleteSession(getDb(), token);
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionToken() } });
});

export const loader = handle(async () => redirect("/"));
