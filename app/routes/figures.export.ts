import type { LoaderFunctionArgs } from "@remix-run/node";
import { yearParam } from "~/modules/figures/period";
import { listFigures } from "~/modules/figures/queries.server";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { xlsxResponse } from "~/utils/excel.server";
import { getT } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";

/** The figures list as .xlsx, same scope and filters as the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const db = getDb();
  const url = new URL(request.url);
  const year = yearParam(url.searchParams.get("year"), new Date().getFullYear());
  const unit = Number(url.searchParams.get("unit"));
  const { rows } = listFigures(db, scopeFor(db, user), { from: `${year}-01`, to: `${year}-12`, unitId: Number.isSafeInteger(unit) && unit > 0 ? unit : undefined });
  type R = (typeof rows)[number];
  const num = (k: keyof R, key: string) => ({ header: t(key), value: (r: R) => r[k] as number });
  return xlsxResponse(`so-lieu-mot-cua-${year}.xlsx`, t("nav.figures"), [
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
  ], rows);
}
