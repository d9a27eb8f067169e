import type { LoaderFunctionArgs } from "@remix-run/node";
import { listAudits, parseAuditListFilter } from "~/modules/audits/queries.server";
import { dateColumn, xlsxResponse, type Column } from "~/http/excel.server";
import { getT } from "~/http/i18n.server";
import { handle, requireCtx } from "~/http/edge.server";

/** The internal audits list as .xlsx: same reach (scope, or the audits one is on) and filters as /audits. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const t = await getT(request);
  const day = ctx.today;
  const rows = listAudits(ctx, parseAuditListFilter(new URL(request.url).searchParams, day));
  type R = (typeof rows)[number];
  const columns: Column<R>[] = [
    { header: t("export.unit"), value: (r) => r.unitName, width: 28 },
    { header: t("export.title"), value: (r) => r.title, width: 45 },
    dateColumn<R>(t("export.startOn"), (r) => r.startOn),
    dateColumn<R>(t("export.endOn"), (r) => r.endOn),
    { header: t("export.status"), value: (r) => t(`audits.status.${r.status}`) },
    dateColumn<R>(t("export.reportedOn"), (r) => r.reportedOn),
    { header: t("export.lead"), value: (r) => r.leadName, width: 24 },
    { header: t("export.items"), value: (r) => Number(r.items) },
    { header: t("export.answered"), value: (r) => Number(r.answered) },
    { header: t("export.ncs"), value: (r) => Number(r.ncs) },
  ];
  return xlsxResponse(`danh-gia-noi-bo-${day}.xlsx`, t("audits.title"), columns, rows);
});
