import type { LoaderFunctionArgs } from "@remix-run/node";
import { listDocuments, parseDocumentFilter } from "~/modules/documents/queries.server";
import { handle, requireCtx } from "~/http/edge.server";
import { EXPORT_MAX_ROWS, dateColumn, xlsxResponse, type Column } from "~/http/excel.server";
import { getT } from "~/http/i18n.server";

/** The document register as .xlsx: same scope and filters as /documents, every page at once. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request);
  const t = await getT(request);
  const day = ctx.today;
  const filter = { ...parseDocumentFilter(new URL(request.url).searchParams), page: 1 };
  const { rows } = listDocuments(ctx, filter, EXPORT_MAX_ROWS);
  type R = (typeof rows)[number];
  const columns: Column<R>[] = [
    { header: t("export.unit"), value: (r) => r.unitName, width: 28 },
    { header: t("export.code"), value: (r) => r.code, width: 16 },
    { header: t("export.title"), value: (r) => r.title, width: 50 },
    { header: t("export.kind"), value: (r) => t(`documents.kind.${r.kind}`) },
    { header: t("export.status"), value: (r) => t(`documents.status.${r.status}`) },
    { header: t("export.revision"), value: (r) => r.currentNumber ?? null },
    dateColumn<R>(t("export.effectiveFrom"), (r) => r.effectiveFrom),
    dateColumn<R>(t("export.nextReview"), (r) => r.nextReviewOn),
    dateColumn<R>(t("export.updateDue"), (r) => r.updateDueOn),
    { header: t("export.overdue"), value: (r) => (r.reviewOverdue || r.updateOverdue ? t("export.yes") : t("export.no")) },
  ];
  return xlsxResponse(`tai-lieu-${day}.xlsx`, t("documents.title"), columns, rows);
});
