import type { LoaderFunctionArgs } from "@remix-run/node";
import { complianceGrid, parseGridQuery } from "~/modules/compliance/queries.server";
import { OBLIGATIONS } from "~/modules/compliance/rules";
import { handle, requireCtx } from "~/http/edge.server";
import { EXPORT_MAX_ROWS, xlsxResponse, type Column } from "~/http/excel.server";
import { getT } from "~/http/i18n.server";
import { formatDate } from "~/lib/time";

/** The obligations grid as .xlsx: every unit matching the page's search, filter and sort (not just one page). */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const t = await getT(request);
  const day = ctx.today;
  const query = { ...parseGridQuery(new URL(request.url).searchParams), page: 1, pageSize: EXPORT_MAX_ROWS };
  const { rows } = complianceGrid(ctx, query);
  type R = (typeof rows)[number];
  const columns: Column<R>[] = [
    { header: t("export.unitCode"), value: (r) => r.code },
    { header: t("export.unit"), value: (r) => r.name, width: 30 },
    { header: t("export.score"), value: (r) => r.score },
    ...OBLIGATIONS.map((k): Column<R> => ({ header: t(`compliance.ob.${k}`), value: (r) => t(`compliance.state.${r.states[k]}`), width: 24 })),
  ];
  return xlsxResponse(`tuan-thu-${day}.xlsx`, t("compliance.title"), columns, rows, { title: t("compliance.exportTitle", { date: formatDate(day) }) });
});
