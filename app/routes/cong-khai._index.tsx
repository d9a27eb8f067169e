import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TableWrap } from "~/components/table-wrap";
import { cachedPublic } from "~/modules/public/cache.server";
import { publicIndex } from "~/modules/public/queries.server";
import { handle, publicCtx } from "~/http/edge.server";
import { hasSession, PUBLIC_CACHE_CONTROL } from "~/http/public.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import publicStyles from "~/styles/public.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: publicStyles }];

/** Plain HTML: no script to download, run or feed with serialised data (root.tsx); the page works without it. */
const routeHandle = { hydrate: false };
// why renamed: `handle` is also the edge's loader wrapper imported above; Remix reads the export's name only.
export { routeHandle as handle };

export const meta: MetaFunction = () => [{ title: "Công khai hệ thống quản lý chất lượng của các đơn vị · ISO Xã" }];

/**
 * The inspector's index (no sign-in): the provinces with how many of their units have announced; for one province
 * (?tinh=<code>), each unit with its announcement state, so the province can show which units comply.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = publicCtx(request);
  const tinh = new URL(request.url).searchParams.get("tinh")?.trim() || undefined;
  const index = cachedPublic(ctx, `index:${tinh ?? ""}`, () => publicIndex(ctx, tinh)).value;
  const cache = hasSession(request) ? "private, no-store" : PUBLIC_CACHE_CONTROL;
  return data({ ...index, asOf: ctx.today }, { headers: { "Cache-Control": cache, Vary: "Cookie" } });
});

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders }) => errorHeaders ?? loaderHeaders;

export default function PublicIndex() {
  const { provinces, province, rows, asOf } = useLoaderData<typeof loader>();
  const t = useT();
  const announced = rows.filter((r) => r.announced).length;
  const due = rows.filter((r) => r.reannouncementDue).length;
  return (
    <div className="public-page">
      <h1>{t("public.indexTitle")}</h1>
      <p className="lead">{t("public.indexIntro")}</p>
      <Form method="get" className="public-index-form">
        <div className="field">
          <label htmlFor="tinh">{t("public.province")}</label>
          <select id="tinh" name="tinh" defaultValue={province?.code ?? ""}>
            <option value="">{t("public.chooseProvince")}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("public.show")}
        </button>
      </Form>
      {province ? (
        <section aria-labelledby="units-title">
          <h2 id="units-title">{province.name}</h2>
          <p>{t("public.indexSummary", { units: rows.length, announced, due })}</p>
          <TableWrap label={t("public.indexTable", { province: province.name })}>
            <table className="responsive">
              <caption className="visually-hidden">{t("public.indexTable", { province: province.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("public.unit")}</th>
                  <th scope="col">{t("public.state")}</th>
                  <th scope="col">{t("public.lastAnnouncement")}</th>
                  <th scope="col">{t("public.reannouncement")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.code}>
                    <td data-label={t("public.unit")}>
                      <Link to={`/cong-khai/${encodeURIComponent(r.code)}`}>{r.name}</Link>
                    </td>
                    <td data-label={t("public.state")}>
                      {r.announced ? (
                        <span className="badge badge-ok">{t(r.lastKind === "re_announcement" ? "public.reannounced" : "public.announced")}</span>
                      ) : (
                        <span className="badge badge-warn">{t("public.notAnnounced")}</span>
                      )}
                    </td>
                    <td data-label={t("public.lastAnnouncement")}>{r.lastNumber ? `${r.lastNumber} · ${formatDate(r.lastDecidedOn)}` : "—"}</td>
                    <td data-label={t("public.reannouncement")}>
                      {r.reannouncementDue ? <span className="badge badge-bad">{t("public.due")}</span> : r.announced ? t("public.notDue") : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : (
        <section aria-labelledby="prov-title">
          <h2 id="prov-title">{t("public.provinces")}</h2>
          <ul className="plain records">
            {provinces.map((p) => (
              <li key={p.code}>
                <Link to={`/cong-khai?tinh=${encodeURIComponent(p.code)}`}>{p.name}</Link> —{" "}
                {t("public.provinceLine", { announced: p.announced, units: p.units })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="small muted">{t("public.asOf", { day: formatDate(asOf) })}</p>
    </div>
  );
}
