import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { searchRecords } from "~/modules/search/queries.server";
import { SEARCH_KINDS, type SearchKind } from "~/modules/search/schema";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { formatDate } from "~/lib/time";
import { DocumentStatusBadge } from "~/components/documents/badges";
import { CaStatusBadge } from "~/components/ca-status";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.search");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const q = new URL(request.url).searchParams.get("q")?.trim().slice(0, 100) ?? "";
  return { q, results: q ? searchRecords(ctx, q) : null };
});

/** Where the whole list of a kind's matches is read (the list's own search box, same words). */
const LIST_OF: Record<SearchKind, (q: string) => string> = {
  documents: (q) => `/documents?${new URLSearchParams({ q })}`,
  procedures: (q) => `/procedures?${new URLSearchParams({ q, inactive: "1" })}`,
  findings: (q) => `/findings?${new URLSearchParams({ q })}`,
  actions: (q) => `/corrective-actions?${new URLSearchParams({ q, status: "all" })}`,
};

export default function Search() {
  const { q, results } = useLoaderData<typeof loader>();
  const t = useT();
  const count = (n: number) => (results && n > results.countCap ? `${results.countCap}+` : String(n));
  return (
    <>
      <h1>{t("search.title")}</h1>
      <p className="muted">{t("search.lead")}</p>
      <Form method="get" className="row card" role="search">
        <div className="field">
          <label htmlFor="search-q">{t("search.q")}</label>
          <input id="search-q" name="q" type="search" defaultValue={q} autoComplete="off" />
        </div>
        <button type="submit" className="primary">
          {t("action.search")}
        </button>
      </Form>
      {!results ? (
        <p>{t("search.prompt")}</p>
      ) : (
        SEARCH_KINDS.map((kind) => {
          const group = results[kind];
          return (
            <section key={kind} aria-labelledby={`search-${kind}`} className="search-group">
              <h2 id={`search-${kind}`}>
                {t(`search.kind.${kind}`)} <span className="muted">({t("search.count", { count: count(group.count) })})</span>
              </h2>
              {group.rows.length === 0 ? (
                <p className="muted">{t("search.none")}</p>
              ) : (
                <ul className="card plain">
                  {kind === "documents"
                    ? results.documents.rows.map((d) => (
                        <li key={d.id}>
                          <Link to={`/documents/${d.id}`}>
                            {d.code} · {d.title}
                          </Link>{" "}
                          <DocumentStatusBadge status={d.status} /> <span className="muted">· {d.unitName}</span>
                        </li>
                      ))
                    : kind === "procedures"
                      ? results.procedures.rows.map((p) => (
                          <li key={p.id}>
                            <Link to={`/procedures/${p.id}`}>
                              {p.code} · {p.name}
                            </Link>
                            {p.active ? null : <span className="muted"> ({t("search.inactive")})</span>} <span className="muted">· {p.unitName}</span>
                          </li>
                        ))
                      : kind === "findings"
                        ? results.findings.rows.map((f) => (
                            <li key={f.id}>
                              <Link to={`/findings/${f.id}`}>{f.description}</Link>{" "}
                              <span className="muted">
                                · {t(`findings.status.${f.status}`)} · {formatDate(f.foundOn)} · {f.unitName}
                              </span>
                            </li>
                          ))
                        : results.actions.rows.map((a) => (
                            <li key={a.id}>
                              <Link to={`/corrective-actions/${a.id}`}>
                                #{a.id} {a.description}
                              </Link>{" "}
                              <CaStatusBadge status={a.status} />{" "}
                              <span className="muted">
                                · {formatDate(a.dueOn)} · {a.unitName}
                              </span>
                            </li>
                          ))}
                </ul>
              )}
              {group.count > group.rows.length ? (
                <p>
                  <Link to={LIST_OF[kind](q)}>{t("search.all")}</Link>
                </p>
              ) : null}
            </section>
          );
        })
      )}
    </>
  );
}
