import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ROLES, type Role } from "#db/schema/enums";
import { listUsersInScope } from "~/modules/people/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction = () => [{ title: "Tài khoản · ISO Xã" }];

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "users.manage");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const roleParam = url.searchParams.get("role");
  const role = (ROLES as readonly string[]).includes(roleParam ?? "") ? (roleParam as Role) : undefined;
  const now = ctx.now.getTime();
  const rows = listUsersInScope(ctx.db, ctx.scope, { q, role }).map((u) => ({ ...u, locked: (u.lockedUntil ?? 0) > now }));
  return { rows, q, role: role ?? "" };
});

export default function Users() {
  const { rows, q, role } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("people.title")}</h1>
        <Link className="button primary" to="/admin/users/new">
          {t("people.new")}
        </Link>
      </div>
      <Form method="get" className="row card" role="search">
        <div className="field">
          <label htmlFor="q">{t("action.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="role">{t("people.role")}</label>
          <select id="role" name="role" defaultValue={role}>
            <option value="">{t("common.all")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <p className="muted">{t("common.results", { count: rows.length })}</p>
      <TableWrap label={t("people.title")}>
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t("people.fullName")}</th>
              <th scope="col">{t("people.username")}</th>
              <th scope="col">{t("people.role")}</th>
              <th scope="col">{t("people.unit")}</th>
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
    </>
  );
}
