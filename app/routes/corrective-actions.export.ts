import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCorrectiveActions } from "~/modules/corrective-actions/queries.server";
import { ListFilterSchema } from "~/modules/corrective-actions/schema";
import { handle, requireCtx } from "~/http/edge.server";
import { EXPORT_MAX_ROWS, dateColumn, xlsxResponse, type Column } from "~/http/excel.server";
import { getT } from "~/http/i18n.server";

/** The corrective actions list as .xlsx: same scope and filters as /corrective-actions. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const t = await getT(request);
  const day = ctx.today;
  const filter = ListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { rows } = listCorrectiveActions(ctx, { ...filter, page: 1 }, EXPORT_MAX_ROWS);
  type R = (typeof rows)[number];
  const columns: Column<R>[] = [
    { header: t("export.unit"), value: (r) => r.unitName, width: 28 },
    { header: t("export.finding"), value: (r) => r.findingDescription, width: 45 },
    { header: t("export.action"), value: (r) => r.description, width: 50 },
    { header: t("export.owner"), value: (r) => r.ownerName, width: 24 },
    dateColumn<R>(t("export.dueOn"), (r) => r.dueOn),
    { header: t("export.status"), value: (r) => t(`ca.status.${r.status}`), width: 30 },
    dateColumn<R>(t("export.implementedOn"), (r) => r.implementedOn),
    { header: t("export.overdue"), value: (r) => (r.overdue ? t("export.yes") : t("export.no")) },
  ];
  return xlsxResponse(`hanh-dong-khac-phuc-${day}.xlsx`, t("ca.title"), columns, rows);
});
