import { isLang, makeT, type Lang, type T } from "./index";

/** What a route's `meta` receives about the matched routes: the root's loader data carries the language. */
type Matches = readonly { id: string; data: unknown }[];

/** The reader's language, from the root loader's data (Vietnamese before it is known, e.g. on an error page). */
export function metaLang(matches: Matches): Lang {
  const lang = (matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined)?.lang;
  return isLang(lang) ? lang : "vi";
}

/** A translator in the reader's language, for a `meta` function. */
export function metaT(matches: Matches): T {
  return makeT(metaLang(matches));
}

/** The browser tab's title: the page's own words, then the app's name. */
export function pageTitle(text: string) {
  return [{ title: `${text} · ISO Xã` }];
}

/** The `meta` of a page whose title is one message ("title.<route id>" in app/i18n/messages/titles.ts). */
export function titled(key: string) {
  return ({ matches }: { matches: Matches }) => pageTitle(metaT(matches)(key));
}
