import { actions } from "./messages/actions";
import { audits } from "./messages/audits";
import { common } from "./messages/common";
import { compliance } from "./messages/compliance";
import { figures } from "./messages/figures";
import { dashboard } from "./messages/dashboard";
import { documents } from "./messages/documents";
import { files } from "./messages/files";
import { foundation } from "./messages/foundation";
import { trailActions } from "./messages/trail-actions";
import { reports } from "./messages/reports";

/**
 * Message catalogues, one file per area under messages/ (each with `vi` and `en` holding the same keys; the
 * `satisfies` below makes a missing English key a type error). Vietnamese is the default.
 */
const catalogues = [common, foundation, files, figures, compliance, actions, reports, documents, audits, dashboard, trailActions] as const;

export const LANGS = ["vi", "en"] as const;
export type Lang = (typeof LANGS)[number];

type Merge<T extends readonly { vi: object }[]> = T extends readonly [infer H extends { vi: object }, ...infer R extends readonly { vi: object }[]]
  ? H["vi"] & Merge<R>
  : unknown;
export type MessageKey = keyof Merge<typeof catalogues>;

const dict: Record<Lang, Record<string, string>> = { vi: {}, en: {} };
for (const c of catalogues) {
  Object.assign(dict.vi, c.vi);
  Object.assign(dict.en, c.en satisfies Record<keyof typeof c.vi, string>);
}

export function isLang(v: unknown): v is Lang {
  return v === "vi" || v === "en";
}

/** Translate a key; unknown keys (e.g. from a stale client) fall back to Vietnamese, then to the key itself. */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const raw = dict[lang][key] ?? dict.vi[key] ?? key;
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function hasMessage(key: string): boolean {
  return key in dict.vi;
}

/** A trail action in words where a name exists, else its code. */
export function actionLabel(t: T, action: string): string {
  return hasMessage(`trail.action.${action}`) ? t(`trail.action.${action}`) : action;
}

export type T = (key: MessageKey | (string & {}), params?: Record<string, string | number>) => string;
export function makeT(lang: Lang): T {
  return (key, params) => translate(lang, key, params);
}
