import { createCookie } from "@remix-run/node";
import { isLang, makeT, type Lang } from "~/i18n";

const langCookie = createCookie("isoxa_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });

/** Vietnamese unless the person switched to English (the choice is kept in a cookie). */
export async function getLang(request: Request): Promise<Lang> {
  const v = await langCookie.parse(request.headers.get("Cookie"));
  return isLang(v) ? v : "vi";
}

export function commitLang(lang: Lang) {
  return langCookie.serialize(lang);
}

export async function getT(request: Request) {
  return makeT(await getLang(request));
}
