import { createCookie, redirect } from "@remix-run/node";

/** A one-time message shown after a redirect ("Đã lưu."), kept as an i18n key so it follows the language. */
const flashCookie = createCookie("isoxa_flash", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 });

export type Flash = { key: string; params?: Record<string, string | number>; kind?: "success" | "error" };

export async function redirectWithFlash(to: string, flash: Flash, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie.serialize(flash));
  return redirect(to, { ...init, headers });
}

export async function readFlash(request: Request): Promise<{ flash?: Flash; setCookie?: string }> {
  const v = await flashCookie.parse(request.headers.get("Cookie"));
  if (!v || typeof v !== "object" || typeof v.key !== "string") return {};
  return { flash: v as Flash, setCookie: await flashCookie.serialize("", { maxAge: 0 }) };
}
