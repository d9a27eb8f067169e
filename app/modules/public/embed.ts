import type { T } from "~/i18n";
import { formatDate } from "~/lib/time";
import type { PublicUnitPage } from "./queries.server";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const pct = (v: number | null, lang: string) => (v === null ? "—" : `${v.toLocaleString(lang === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 })} %`);

/**
 * The embedded card: unit, announcement state (number and day, or not announced; re-announcement due), how many
 * processes and procedures, the last 12 months' on-time and online rates, and a link to the full page (opened in a
 * new tab: `<base target="_blank">`). Plain HTML, every value escaped, styled by /embed.css, no script.
 */
export function embedHtml(p: PublicUnitPage, opts: { base: string; lang: "vi" | "en"; t: T }): string {
  const { base, lang, t } = opts;
  const url = `${base}/cong-khai/${encodeURIComponent(p.unit.code)}`;
  const a = p.announcement;
  const state = a
    ? `<p><span class="state ok">${esc(t(a.kind === "announcement" ? "public.announced" : "public.reannounced"))}</span> ${esc(
        t("public.announcementLine", { number: a.number, day: formatDate(a.decidedOn) }),
      )}</p>`
    : `<p><span class="state warn">${esc(t("public.notAnnounced"))}</span></p>`;
  const due = p.reannouncementDue ? `<p><span class="state warn">${esc(t("public.reannouncementDue"))}</span></p>` : "";
  const figures = p.figures.months.length
    ? `<li>${esc(t("public.embed.figures", { onTime: pct(p.figures.total.onTimeRate, lang), online: pct(p.figures.total.onlineRate, lang) }))}</li>`
    : "";
  const title = t("public.embedTitle", { unit: p.unit.name });
  return [
    "<!doctype html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    '<link rel="stylesheet" href="/embed.css">',
    '<base target="_blank">',
    "</head>",
    "<body>",
    `<main class="embed">`,
    `<h1>${esc(p.unit.name)}</h1>`,
    `<p class="muted">${esc(t("public.subtitle"))}</p>`,
    state,
    due,
    "<ul>",
    `<li>${esc(t("public.embed.processes", { n: p.processes.length }))}</li>`,
    `<li>${esc(t("public.embed.procedures", { n: p.procedures.covered.length }))}</li>`,
    figures,
    "</ul>",
    `<p><a href="${esc(url)}" rel="noopener">${esc(t("public.embed.more"))}</a></p>`,
    "</main>",
    "</body>",
    "</html>",
  ]
    .filter(Boolean)
    .join("\n");
}
