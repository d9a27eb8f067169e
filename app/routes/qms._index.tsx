import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { qmsCycleList } from "~/modules/qms-records/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { useT } from "~/i18n/react";
import { addMonthsToDay, formatDate } from "~/lib/time";
import { dayToInput, parseVnDay } from "~/lib/zod";
import { TableWrap } from "~/components/table-wrap";
import { titled } from "~/i18n/meta";
import { DateFilter } from "~/components/date-field";

export const meta: MetaFunction = titled("title.qms._index");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const day = parseVnDay(new URL(request.url).searchParams.get("day") ?? "") ?? ctx.today;
  return { day, yearAgo: addMonthsToDay(day, -12), rows: qmsCycleList(ctx, day) };
});

function DateCell({ on, yearAgo, label, href }: { on: string | null; yearAgo: string; label: string; href?: string }) {
  const t = useT();
  if (!on)
    return (
      <td data-label={label}>
        <span className="badge badge-bad">{t("qms.never")}</span>
      </td>
    );
  const stale = on < yearAgo;
  return (
    <td data-label={label}>
      {href ? <Link to={href}>{formatDate(on)}</Link> : formatDate(on)} {stale ? <span className="badge badge-warn">{t("qms.stale")}</span> : null}
    </td>
  );
}

export default function QmsCycle() {
  const { day, yearAgo, rows } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("qms.title")}</h1>
      <p className="muted">{t("qms.intro")}</p>
      <Form method="get" className="row card" role="search">
        <DateFilter id="day" name="day" label={t("qms.asOf")} defaultValue={dayToInput(day)} />
        <button type="submit" className="secondary">
          {t("action.filter")}
        </button>
      </Form>
      <TableWrap label={t("qms.title")}>
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t("findings.unit")}</th>
              <th scope="col">{t("qms.lastAudit")}</th>
              <th scope="col">{t("qms.lastReview")}</th>
              <th scope="col">{t("qms.lastConfirmation")}</th>
              <th scope="col">{t("qms.lastAnnouncement")}</th>
              <th scope="col" className="num">
                {t("qms.overdue")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitId}>
                <td data-label={t("findings.unit")}>
                  <Link to={`/qms/${r.unitId}`}>{r.name}</Link>
                </td>
                <DateCell
                  on={r.lastInternalAuditOn}
                  yearAgo={yearAgo}
                  label={t("qms.lastAudit")}
                  href={r.lastInternalAuditId ? `/audits/${r.lastInternalAuditId}` : undefined}
                />
                <DateCell on={r.lastManagementReviewOn} yearAgo={yearAgo} label={t("qms.lastReview")} />
                <DateCell on={r.lastEffectivenessConfirmationOn} yearAgo={yearAgo} label={t("qms.lastConfirmation")} />
                <td data-label={t("qms.lastAnnouncement")}>
                  {r.lastAnnouncementOn ? (
                    `${formatDate(r.lastAnnouncementOn)} (${t(`qms.kind.${r.lastAnnouncementKind}`)})`
                  ) : (
                    <span className="badge badge-bad">{t("qms.never")}</span>
                  )}
                </td>
                <td data-label={t("qms.overdue")} className="num">
                  {r.lateInspectionReports ? (
                    <Link className="badge badge-bad" to={`/findings?unit=${r.unitId}&source=inspection&overdue=1`}>
                      {r.lateInspectionReports}
                    </Link>
                  ) : (
                    "0"
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
