import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { deleteSession } from "~/modules/auth/sessions.server";
import { getDb } from "~/utils/db.server";
import { clearSessionToken, readSessionToken } from "~/utils/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const token = await readSessionToken(request);
  if (token) deleteSession(getDb(), token);
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionToken() } });
}

export function loader() {
  return redirect("/");
}
