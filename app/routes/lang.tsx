import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLang } from "~/i18n";
import { handle } from "~/http/edge.server";
import { commitLang } from "~/http/i18n.server";
import { safeRedirect } from "~/http/session.server";

/** Switch the interface language (kept in a cookie) and come back to the same page. */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const form = await request.formData();
  const lang = form.get("lang");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLang(lang)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await commitLang(lang) } });
});

export const loader = handle(async () => redirect("/"));
