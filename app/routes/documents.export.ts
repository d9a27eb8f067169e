import type { LoaderFunctionArgs } from "@remix-run/node";
import { listDocuments, parseDocumentFilter } from "~/modules/documents/queries.server";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { EXPORT_MAX_ROWS, xlsxResponse, type Column } from "~/utils/excel.server";
import { getT } from "~/utils/i18n.server";
import { requireUser } from "~/utils/session.server";
import { formatDate, vnDay } from "~/utils/time";

/** The document register as .xlsx: same scope and filters as /documents, every page at once. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const db = getDb();
  const day = vnDay(new Date());
  const filter = { ...parseDocumentFilter(new URL(request.url).searchParams), page: 1 };
  const { rows } = listDocuments(db, scopeFor(db, user), filter, day, EXPORT_MAX_ROWS);
  type R = (typeof rows)[number];
  const columns: Column<R>[] = [
    { header: t("export.unit"), value: (r) => r.unitName, width: 28 },
    { header: t("export.code"), value: (r) => r.code, width: 16 },
    { header: t("export.title"), value: (r) => r.title, width: 50 },
    { header: t("export.kind"), value: (r) => t(`documents.kind.${r.kind}`) },
    { header: t("export.status"), value: (r) => t(`documents.status.${r.status}`) },
    { header: t("export.revision"), value: (r) => r.currentNumber ?? null },
    { header: t("export.effectiveFrom"), value: (r) => formatDate(r.effectiveFrom) },
    { header: t("export.nextReview"), value: (r) => formatDate(r.nextReviewOn) },
    { header: t("export.updateDue"), value: (r) => formatDate(r.updateDueOn) },
    { header: t("export.overdue"), value: (r) => (r.reviewOverdue || r.updateOverdue ? t("export.yes") : t("export.no")) },
  ];
  return xlsxResponse(`tai-lieu-${day}.xlsx`, t("documents.title"), columns, rows);
}
