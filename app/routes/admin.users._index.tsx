import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ROLES, type Role } from "#db/schema/enums";
import { listUsersInScope } from "~/modules/people/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { TableWrap } from "~/components/table-wrap";
import { FilterSelect } from "~/components/filter-select";
import { SortHeader } from "~/components/sort-header";
import { Pager } from "~/components/pager";
import { parseSort } from "~/lib/list-sort";
import { titled } from "~/i18n/meta";
import { accountsOfEndedUnits } from "~/modules/people/move-to-successor.server";
import { formatDate } from "~/lib/time";

export const meta: MetaFunction = titled("title.admin.users._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "users.manage");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const roleParam = url.searchParams.get("role");
  const role = (ROLES as readonly string[]).includes(roleParam ?? "") ? (roleParam as Role) : undefined;
  const now = ctx.now.getTime();
  const sort = parseSort("users", url.searchParams);
  const list = listUsersInScope(ctx, { q, role, page: Number(url.searchParams.get("page")) || 1, ...sort });
  const rows = list.rows.map((u) => ({ ...u, locked: (u.lockedUntil ?? 0) > now }));
  return { ...list, rows, q, role: role ?? "", sort, toMove: accountsOfEndedUnits(ctx) };
});

export default function Users() {
  const { rows, total, page, pages, q, role, sort, toMove } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("people.title")}</h1>
        <div className="actions">
          <Link className="button secondary" to="/admin/users/import">
            {t("peopleImport.title")}
          </Link>
          <Link className="button primary" to="/admin/users/new">
            {t("people.new")}
          </Link>
        </div>
      </div>
      {toMove.length ? (
        <section className="card" aria-labelledby="to-move-title">
          <h2 id="to-move-title">{t("people.toMove.title")}</h2>
          <p className="hint">{t("people.toMove.hint")}</p>
          <ul className="obligation-list">
            {toMove.map((p) => (
              <li key={p.id}>
                <span>
                  <Link to={`/admin/users/${p.id}`}>{p.fullName}</Link> · {t(`role.${p.role}`)} · {p.unitName} ({formatDate(p.validTo)})
                </span>
                <span className="actions">
                  {p.successors.map((s) => (
                    <Form key={s.id} method="post" action={`/admin/users/${p.id}/move`}>
                      <input type="hidden" name="unitId" value={s.id} />
                      <button type="submit" className="secondary">
                        {t("people.toMove.move", { unit: s.name })}
                      </button>
                    </Form>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="row card" role="search">
        <div className="field">
          <label htmlFor="q">{t("action.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <FilterSelect name="role" label={t("people.role")} value={role} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <p className="muted">{t("common.results", { count: total })}</p>
      <TableWrap label={t("people.title")}>
        <table className="responsive">
          <thead>
            <tr>
              <SortHeader name="name" sort={sort.sort} dir={sort.dir}>
                {t("people.fullName")}
              </SortHeader>
              <SortHeader name="username" sort={sort.sort} dir={sort.dir}>
                {t("people.username")}
              </SortHeader>
              <SortHeader name="role" sort={sort.sort} dir={sort.dir}>
                {t("people.role")}
              </SortHeader>
              <SortHeader name="unit" sort={sort.sort} dir={sort.dir}>
                {t("people.unit")}
              </SortHeader>
              <th scope="col">{t("common.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td data-label={t("people.fullName")}>
                  <Link to={`/admin/users/${u.id}`}>{u.fullName}</Link>
                </td>
                <td data-label={t("people.username")}>{u.username}</td>
                <td data-label={t("people.role")}>{t(`role.${u.role}`)}</td>
                <td data-label={t("people.unit")}>{u.unitName}</td>
                <td data-label={t("common.status")}>
                  {!u.active ? (
                    <span className="badge">{t("people.inactive")}</span>
                  ) : u.locked ? (
                    <span className="badge badge-warn">{t("people.locked")}</span>
                  ) : (
                    <span className="badge badge-ok">{t("people.active")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager page={page} pages={pages} />
    </>
  );
}
