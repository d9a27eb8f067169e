import { currentActionName } from "~/modules/trail/vocabulary";
import { humanise } from "~/modules/trail/fields";
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
import { trailFields } from "./messages/trail-fields";
import { jobs } from "./messages/jobs";
import { titles } from "./messages/titles";
import { publicPages } from "./messages/public";
import { search } from "./messages/search";
import { certificates } from "./messages/certificates";
import { onboard } from "./messages/onboard";
import { notify } from "./messages/notify";
import { starter } from "./messages/starter";

/**
 * Message catalogues, one file per area under messages/ (each with `vi` and `en` holding the same keys; the
 * `satisfies` below makes a missing English key a type error). Vietnamese is the default.
 */
const catalogues = [
  common,
  foundation,
  files,
  figures,
  compliance,
  actions,
  reports,
  documents,
  audits,
  dashboard,
  trailActions,
  publicPages,
  search,
  certificates,
  trailFields,
  jobs,
  titles,
  onboard,
  notify,
  starter,
] as const;

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

/** A trail action in words where a name exists, else its name in words (never the code itself). */
export function actionLabel(t: T, action: string): string {
  const name = currentActionName(action);
  return hasMessage(`trail.action.${name}`) ? t(`trail.action.${name}`) : humanise(name);
}

/** A scheduled job by its name in words ("reports-monthly" → "Báo cáo tháng"). */
export function jobLabel(t: T, name: string): string {
  return hasMessage(`jobs.name.${name}`) ? t(`jobs.name.${name}`) : humanise(name);
}

/** Who wrote a trail row: a person by name, a job by its name in words, the system by what it was doing. */
export function actorLabel(t: T, kind: string, name: string): string {
  if (kind === "job") return t("trail.byJob", { name: jobLabel(t, name) });
  if (kind === "system") return hasMessage(`trail.bySystem.${name}`) ? t(`trail.bySystem.${name}`) : t("trail.bySystem");
  return name;
}

/** The kind of record a trail row is about ("corrective_action" → "Hành động khắc phục"). */
export function entityLabel(t: T, entity: string): string {
  return hasMessage(`trail.entity.${entity}`) ? t(`trail.entity.${entity}`) : humanise(entity);
}

/** A job's or report's period key in words: a day as dd/mm/yyyy, "2026-10" as a month, "2026-Q3" as a quarter. */
export function periodLabel(t: T, key: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) return `${key.slice(8, 10)}/${key.slice(5, 7)}/${key.slice(0, 4)}`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return t("jobs.period.month", { month: month[2]!, year: month[1]! });
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return t("jobs.period.quarter", { quarter: quarter[2]!, year: quarter[1]! });
  if (/^\d{4}$/.test(key)) return t("jobs.period.year", { year: key });
  return key;
}

export type T = (key: MessageKey | (string & {}), params?: Record<string, string | number>) => string;
export function makeT(lang: Lang): T {
  return (key, params) => translate(lang, key, params);
}
