import type { LoaderFunctionArgs } from "@remix-run/node";
import { yearParam } from "~/modules/figures/period";
import { FIGURE_FIELDS } from "~/modules/figures/rules";
import { listFigures } from "~/modules/figures/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { excelMonth, MONTH_FORMAT, xlsxResponse, type Column } from "~/http/excel.server";
import { getT } from "~/http/i18n.server";
import { inVn } from "~/lib/time";

const RATES = ["onTimeRate", "onlineRate", "postRate"] as const;

/**
 * The figures list as .xlsx, same scope and filters as the page, with its totals row. Its headers are names the
 * import reads and it carries every figure (the survey columns too), so export → edit → import round-trips; the
 * import leaves the totals row out.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const t = await getT(request);
  const url = new URL(request.url);
  const year = yearParam(url.searchParams.get("year"), inVn(ctx.now).getFullYear());
  const unit = Number(url.searchParams.get("unit"));
  const { rows, total } = listFigures(ctx, { from: `${year}-01`, to: `${year}-12`, unitId: Number.isSafeInteger(unit) && unit > 0 ? unit : undefined });
  type R = (typeof rows)[number];
  const columns: Column<R>[] = [
    { header: t("units.code"), value: (r) => r.unitCode },
    { header: t("figures.unit"), value: (r) => r.unitName, width: 30 },
    { header: t("figures.month"), value: (r) => excelMonth(r.month), numFmt: MONTH_FORMAT },
    ...FIGURE_FIELDS.map((k): Column<R> => ({ header: t(`figures.${k}`), value: (r) => r[k] })),
    ...RATES.map((k): Column<R> => ({ header: `${t(`figures.${k}`)} (%)`, value: (r) => r[k] })),
  ];
  const footer = rows.length ? [t("figures.total"), null, null, ...FIGURE_FIELDS.map((k) => total[k] ?? null), ...RATES.map((k) => total[k])] : undefined;
  return xlsxResponse(`so-lieu-mot-cua-${year}.xlsx`, t("nav.figures"), columns, rows, { footer });
});
