import type { LoaderFunctionArgs } from "@remix-run/node";
import { yearParam } from "~/modules/figures/period";
import { listFigures } from "~/modules/figures/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { xlsxResponse } from "~/http/excel.server";
import { getT } from "~/http/i18n.server";
import { inVn } from "~/lib/time";

/** The figures list as .xlsx, same scope and filters as the page. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const t = await getT(request);
  const url = new URL(request.url);
  const year = yearParam(url.searchParams.get("year"), inVn(ctx.now).getFullYear());
  const unit = Number(url.searchParams.get("unit"));
  const { rows } = listFigures(ctx, { from: `${year}-01`, to: `${year}-12`, unitId: Number.isSafeInteger(unit) && unit > 0 ? unit : undefined });
  type R = (typeof rows)[number];
  const num = (k: keyof R, key: string) => ({ header: t(key), value: (r: R) => r[k] as number });
  return xlsxResponse(
    `so-lieu-mot-cua-${year}.xlsx`,
    t("nav.figures"),
    [
      { header: t("units.code"), value: (r: R) => r.unitCode },
      { header: t("figures.unit"), value: (r: R) => r.unitName, width: 30 },
      { header: t("figures.month"), value: (r: R) => `${r.month.slice(5)}/${r.month.slice(0, 4)}` },
      num("received", "figures.received"),
      num("resolvedEarly", "figures.resolvedEarly"),
      num("resolvedOnTime", "figures.resolvedOnTime"),
      num("resolvedOverdue", "figures.resolvedOverdue"),
      num("receivedOnline", "figures.receivedOnline"),
      num("returnedByPost", "figures.returnedByPost"),
      num("feedbackReceived", "figures.feedbackReceived"),
      num("feedbackOnTime", "figures.feedbackOnTime"),
      { header: `${t("figures.onTimeRate")} (%)`, value: (r: R) => r.onTimeRate },
      { header: `${t("figures.onlineRate")} (%)`, value: (r: R) => r.onlineRate },
      { header: `${t("figures.postRate")} (%)`, value: (r: R) => r.postRate },
    ],
    rows,
  );
});
