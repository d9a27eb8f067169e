import type { LoaderFunctionArgs } from "@remix-run/node";
import { listFindings, parseFindingFilter } from "~/modules/findings/queries.server";
import { EXPORT_MAX_ROWS, dateColumn, xlsxResponse, type Column } from "~/http/excel.server";
import { getLang, getT } from "~/http/i18n.server";
import { handle, requireCtx } from "~/http/edge.server";

/** The findings list as .xlsx: same scope and filters as /findings, every page at once. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const t = await getT(request);
  const lang = await getLang(request);
  const day = ctx.today;
  const { page: _page, ...filter } = parseFindingFilter(new URL(request.url).searchParams);
  const { rows } = listFindings(ctx, filter, 1, EXPORT_MAX_ROWS);
  type R = (typeof rows)[number];
  const columns: Column<R>[] = [
    { header: t("export.unit"), value: (r) => r.unitName, width: 28 },
    dateColumn<R>(t("export.foundOn"), (r) => r.foundOn),
    { header: t("export.source"), value: (r) => t(`findings.source.${r.source}`), width: 22 },
    { header: t("export.grade"), value: (r) => (lang === "en" ? r.gradeEn : r.gradeVi), width: 22 },
    { header: t("export.clause"), value: (r) => r.clauseCode },
    { header: t("export.description"), value: (r) => r.description, width: 60 },
    dateColumn<R>(t("export.actionDue"), (r) => r.actionDueOn),
    { header: t("export.status"), value: (r) => t(`findings.status.${r.status}`) },
    { header: t("export.overdue"), value: (r) => (r.overdue ? t("export.yes") : t("export.no")) },
  ];
  return xlsxResponse(`phat-hien-${day}.xlsx`, t("findings.title"), columns, rows);
});
