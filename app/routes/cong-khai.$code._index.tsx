import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { TableWrap } from "~/components/table-wrap";
import { monthsBetween } from "~/modules/dashboard/charts";
import { cachedPublic } from "~/modules/public/cache.server";
import { publicUnitPage, type PublicDoc } from "~/modules/public/queries.server";
import { handle, publicCtx } from "~/http/edge.server";
import { hasSession, PUBLIC_CACHE_CONTROL, publicBase } from "~/http/public.server";
import { useT } from "~/i18n/react";
import { formatInt, formatPct } from "~/lib/locale";
import { formatDate } from "~/lib/time";
import { formatMonth } from "~/modules/figures/period";
import { formatResult } from "~/modules/objectives/schema";
import publicStyles from "~/styles/public.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStyles }];

/** Plain HTML: no script to download, run or feed with serialised data (root.tsx); the page works without it. */
const routeHandle = { hydrate: false };
// why renamed: `handle` is also the edge's loader wrapper imported above; Remix reads the export's name only.
export { routeHandle as handle };

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.page.unit.name} · Công khai hệ thống quản lý chất lượng` },
        { name: "description", content: `Công bố hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015 của ${data.page.unit.name}` },
      ]
    : [{ title: "Công khai hệ thống quản lý chất lượng · ISO Xã" }];

/**
 * A unit's public page (no sign-in): its announcement of conformity with its verification, quality policy and this
 * year's objectives, processes in force, procedures covered, one-stop figures of the last 12 months, lineage.
 * Only what app/modules/public reads is shown; the same content is at ./du-lieu.json and, short, at ./nhung.
 */
export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  const ctx = publicCtx(request);
  const code = params.code ?? "";
  const full = cachedPublic(ctx, `page:${code}`, () => publicUnitPage(ctx, code)).value;
  // The page draws rates; the counts behind them are in the JSON.
  const page = { ...full, figures: { ...full.figures, months: full.figures.months.map(({ figures: _f, ...m }) => m) } };
  // A signed-in person's copy shows their menu: no shared cache may keep it.
  const cache = hasSession(request) ? "private, no-store" : PUBLIC_CACHE_CONTROL;
  return data({ page, base: publicBase(request) }, { headers: { "Cache-Control": cache, Vary: "Cookie" } });
});

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

function DocFile({ doc, label }: { doc: PublicDoc; label: string }) {
  const t = useT();
  return doc.file ? (
    <a href={doc.file} aria-label={`${t("public.download")}: ${label}`}>
      {t("public.download")}
    </a>
  ) : (
    <span className="muted">{t("public.fileNotPublic")}</span>
  );
}

function groupByField<T extends { field: string }>(items: T[]): [string, T[]][] {
  const out = new Map<string, T[]>();
  for (const x of items) out.set(x.field, [...(out.get(x.field) ?? []), x]);
  return [...out];
}

const SERIES = ["onTimeRate", "onlineRate", "postRate"] as const;
const DASH = ["", "6 4", "2 3"];

/**
 * The three one-stop rates by month, drawn lighter than the dashboard's chart (the page is public and read far more
 * often): one path per series with its points as SVG markers (no element per point), the grid as one path, and
 * every value in the chart's description (the text alternative; the JSON has the counts). A month without figures is
 * a gap. Colours, dashes and marker shapes tell the series apart without colour.
 */
function RatesChart({
  months,
  from,
  to,
}: {
  months: { month: string; onTimeRate: number | null; onlineRate: number | null; postRate: number | null }[];
  from: string;
  to: string;
}) {
  const t = useT();
  const id = useId();
  const W = 320;
  const H = 190;
  const left = 30;
  const right = 8;
  const top = 8;
  const bottom = 22;
  const categories = monthsBetween(from, to);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const n = categories.length;
  const x = (i: number) => left + (n <= 1 ? 0 : (i * (W - left - right)) / (n - 1));
  const y = (v: number) => top + ((100 - v) * (H - top - bottom)) / 100;
  const path = (k: (typeof SERIES)[number]) => {
    let d = "";
    let pen = false;
    categories.forEach((m, i) => {
      const v = byMonth.get(m)?.[k] ?? null;
      if (v === null) return void (pen = false);
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  const label = (k: string) => t(`charts.series.${k}`);
  const desc = SERIES.map(
    (k) =>
      `${label(k)}: ${months
        .filter((m) => m[k] !== null)
        .map((m) => `${formatMonth(m.month)} ${formatPct(m[k])}`)
        .join(", ")}`,
  ).join(". ");
  const grid = [0, 25, 50, 75, 100].map((v) => `M${left} ${y(v)}H${W - right}`).join("");
  const marker = (i: number) => `url(#${id}-m${i})`;
  return (
    <figure className="chart card" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="chart-title">
        {t("public.figuresChart")}
      </figcaption>
      <ul className="chart-legend" aria-hidden="true">
        {SERIES.map((k, i) => (
          <li key={k}>
            <svg viewBox="0 0 28 10" width="28" height="10">
              <path d="M0 5H14H28" className={`chart-line chart-stroke-${i}`} strokeDasharray={DASH[i]} markerMid={marker(i)} />
            </svg>
            {label(k)}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} className="chart-svg">
        <title id={`${id}-t`}>{t("public.figuresChart")}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <defs>
          <marker id={`${id}-m0`} viewBox="-4 -4 8 8" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse">
            <circle r="3.2" className="chart-fill-0" />
          </marker>
          <marker id={`${id}-m1`} viewBox="-4 -4 8 8" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse">
            <rect x="-3" y="-3" width="6" height="6" className="chart-fill-1" />
          </marker>
          <marker id={`${id}-m2`} viewBox="-4 -4 8 8" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse">
            <path d="M0 -4L4 0L0 4L-4 0Z" className="chart-fill-2" />
          </marker>
        </defs>
        <g aria-hidden="true">
          <path d={grid} className="chart-grid" />
          {[0, 25, 50, 75, 100].map((v) => (
            <text key={v} x={left - 4} y={y(v) + 4} textAnchor="end" className="chart-axis">
              {v}
            </text>
          ))}
          <text y={H - 6} textAnchor="middle" className="chart-axis">
            {categories.map((m, i) => (
              <tspan key={m} x={x(i)}>
                {Number(m.slice(5))}
              </tspan>
            ))}
          </text>
          {SERIES.map((k, i) => (
            <path
              key={k}
              d={path(k)}
              className={`chart-line chart-stroke-${i}`}
              strokeDasharray={DASH[i]}
              markerStart={marker(i)}
              markerMid={marker(i)}
              markerEnd={marker(i)}
            />
          ))}
        </g>
      </svg>
      <p className="muted small">{t("charts.axisNote")}</p>
    </figure>
  );
}

export default function PublicUnit() {
  const { page: p, base } = useLoaderData<typeof loader>();
  const t = useT();
  const a = p.announcement;
  const code = encodeURIComponent(p.unit.code);
  const snippet = `<iframe src="${base}/cong-khai/${code}/nhung" title="${t("public.embedTitle", { unit: p.unit.name }).replace(/"/g, "&quot;")}" width="100%" height="320" style="border:0" loading="lazy"></iframe>`;
  const ended = !!p.unit.validTo && p.unit.validTo < p.asOf;
  return (
    <div className="public-page">
      <p>
        <Link to="/cong-khai">← {t("public.indexTitle")}</Link>
      </p>
      <header className="public-head">
        <h1>{p.unit.name}</h1>
        <p className="lead">{t("public.subtitle")}</p>
        <p className="muted">
          {p.unit.code}
          {p.unit.parent ? ` · ${p.unit.parent.name}` : ""}
        </p>
        {ended ? (
          <p className="alert alert-historical" role="note">
            {t("public.ended", { day: formatDate(p.unit.validTo) })}
          </p>
        ) : null}
      </header>

      <section className="card" aria-labelledby="ann-title">
        <h2 id="ann-title">{t("public.announcement")}</h2>
        {a ? (
          <>
            <p>
              <span className="badge badge-ok">{t(a.kind === "announcement" ? "public.announced" : "public.reannounced")}</span>{" "}
              {t("public.announcementLine", { number: a.number, day: formatDate(a.decidedOn) })}
            </p>
            {p.reannouncementDue ? (
              <p className="alert alert-warn" role="note">
                {t("public.reannouncementDue")}
              </p>
            ) : null}
            {a.pdf ? (
              <div className="public-verify">
                <p>
                  <a className="button primary" href={a.pdf.path}>
                    {t("public.downloadAnnouncement")}
                  </a>
                </p>
                <p>
                  {t("public.verifyCode")}: <strong>{a.pdf.verifyCode}</strong> · <Link to={a.pdf.verifyPath}>{t("public.verify")}</Link>
                </p>
                <p className="small">
                  {t("public.sha256")}: <code className="hash">{a.pdf.sha256}</code>
                </p>
              </div>
            ) : a.pdfPending ? (
              <p className="muted">{t("public.pdfPending")}</p>
            ) : !a.issued ? (
              <p className="muted">{t("public.paperAnnouncement")}</p>
            ) : null}
            <p className="small muted">{t("public.standardLine")}</p>
            {a.procedures ? (
              <p>{t("public.announcedScope", { n: a.procedures.length })}</p>
            ) : (
              <p className="pre-line">
                <em>{t("public.scope")}:</em> {a.scope}
              </p>
            )}
            {p.earlier.length ? (
              <details>
                <summary>{t("public.earlier", { n: p.earlier.length })}</summary>
                <ul className="plain">
                  {p.earlier.map((e) => (
                    <li key={`${e.number}-${e.decidedOn}`}>
                      {t(`qms.kind.${e.kind}`)} · {e.number} · {formatDate(e.decidedOn)}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        ) : (
          <p>
            <span className="badge badge-warn">{t("public.notAnnounced")}</span>
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="policy-title">
        <h2 id="policy-title">{t("public.policyAndObjectives", { year: p.objectives.year })}</h2>
        {p.policy ? (
          <p>
            <strong>{p.policy.title}</strong> ({p.policy.code}, {t("public.effectiveFrom")} {formatDate(p.policy.effectiveFrom) || "—"}) ·{" "}
            <DocFile doc={p.policy} label={p.policy.title} />
          </p>
        ) : (
          <p className="muted">{t("public.noPolicy")}</p>
        )}
        {p.objectives.rows.length ? (
          <TableWrap label={t("public.objectives")}>
            <table className="responsive">
              <caption className="visually-hidden">{t("public.objectives")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("public.objective")}</th>
                  <th scope="col" className="num">
                    {t("public.target")}
                  </th>
                  <th scope="col" className="num">
                    {t("public.result")}
                  </th>
                  <th scope="col">{t("public.met")}</th>
                </tr>
              </thead>
              <tbody>
                {p.objectives.rows.map((o, i) => {
                  const fmt = (v: number | null) => (v === null ? "—" : formatResult(o, v));
                  return (
                    <tr key={i}>
                      <td data-label={t("public.objective")}>{o.title}</td>
                      <td data-label={t("public.target")} className="num">
                        {o.measure === "overdue_count" ? `≤ ${formatInt(o.target)}` : formatResult(o, o.target)}
                      </td>
                      <td data-label={t("public.result")} className="num">
                        {fmt(o.value)}
                      </td>
                      <td data-label={t("public.met")}>
                        {o.met === null ? (
                          <span className="muted">{t("public.notMeasured")}</span>
                        ) : o.met ? (
                          <span className="badge badge-ok">{t("public.metYes")}</span>
                        ) : (
                          <span className="badge badge-bad">{t("public.metNo")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p className="muted">{t("public.noObjectives")}</p>
        )}
      </section>

      <section className="card" aria-labelledby="proc-title">
        <h2 id="proc-title">{t("public.processes")}</h2>
        {p.processes.length ? (
          <ul className="plain records public-docs">
            {p.processes.map((d) => (
              <li key={d.id}>
                <strong>{d.code}</strong> {d.title}
                <br />
                <span className="small">
                  {t("public.effectiveFrom")} {formatDate(d.effectiveFrom) || "—"} · <DocFile doc={d} label={`${d.code} ${d.title}`} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("public.noProcesses")}</p>
        )}
        {p.otherDocuments.length ? (
          <>
            <h3>{t("public.otherDocuments")}</h3>
            <ul className="plain">
              {p.otherDocuments.map((d) => (
                <li key={d.id}>
                  {d.code} · {d.title} · <DocFile doc={d} label={`${d.code} ${d.title}`} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="tthc-title">
        <h2 id="tthc-title">{t("public.procedures")}</h2>
        <p>{t("public.proceduresCount", { covered: p.procedures.covered.length, catalogue: p.procedures.catalogue })}</p>
        {p.procedures.covered.length ? (
          <details>
            <summary>{t("public.showProcedures")}</summary>
            {groupByField(p.procedures.covered).map(([field, items]) => (
              <div key={field}>
                <h3>{field}</h3>
                <ul className="plain">
                  {items.map((x) => (
                    <li key={x.code}>
                      <strong>{x.code}</strong> {x.name}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </details>
        ) : null}
      </section>

      <section aria-labelledby="fig-title">
        <h2 id="fig-title">{t("public.figures")}</h2>
        <p>
          {p.figures.months.length
            ? t("public.figuresTotal", {
                received: formatInt(p.figures.total.received),
                onTime: formatPct(p.figures.total.onTimeRate),
                online: formatPct(p.figures.total.onlineRate),
                post: formatPct(p.figures.total.postRate),
              })
            : t("public.noFigures")}
        </p>
        {p.figures.months.length ? <RatesChart months={p.figures.months} from={p.figures.from} to={p.figures.to} /> : null}
      </section>

      {p.lineage.formedFrom.length || p.lineage.succeededBy.length ? (
        <section className="card" aria-labelledby="lineage-title">
          <h2 id="lineage-title">{t("public.lineage")}</h2>
          {p.lineage.formedFrom.length ? (
            <p>
              {t("public.formedFrom")}:{" "}
              {p.lineage.formedFrom.map((u, i) => (
                <span key={u.code}>
                  {i ? ", " : ""}
                  <Link to={`/cong-khai/${encodeURIComponent(u.code)}`}>{u.name}</Link>
                </span>
              ))}
              .
            </p>
          ) : null}
          {p.lineage.succeededBy.length ? (
            <p>
              {t("public.succeededBy")}:{" "}
              {p.lineage.succeededBy.map((u, i) => (
                <span key={u.code}>
                  {i ? ", " : ""}
                  <Link to={`/cong-khai/${encodeURIComponent(u.code)}`}>{u.name}</Link>
                </span>
              ))}
              .
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="open-title">
        <h2 id="open-title">{t("public.openData")}</h2>
        <p>
          <a href={`/cong-khai/${code}/du-lieu.json`}>{t("public.json")}</a> · <a href={`/cong-khai/${code}/nhung`}>{t("public.embedPreview")}</a>
        </p>
        <details>
          <summary>{t("public.embedHow")}</summary>
          <p className="small">{t("public.embedHint")}</p>
          <pre className="snippet">
            <code>{snippet}</code>
          </pre>
        </details>
      </section>
      <p className="small muted">{t("public.asOf", { day: formatDate(p.asOf) })}</p>
    </div>
  );
}
