import type { PublicUnitPage } from "./queries.server";

/**
 * The machine-readable form of a unit's public page (GET /cong-khai/<code>/du-lieu.json), fields documented in
 * docs/public-data.md. Links are absolute (`base` = PUBLIC_URL or the site's origin); dates are YYYY-MM-DD, months
 * YYYY-MM, rates percentages with one decimal or null when there is nothing to divide.
 */
export const PUBLIC_JSON_SCHEMA = "isoxa.public-unit/1";

export function publicUnitJson(p: PublicUnitPage, base: string) {
  const abs = (path: string | null | undefined) => (path ? `${base}${path}` : null);
  const doc = (d: { code: string; title: string; effectiveFrom: string | null; file: string | null }) => ({
    code: d.code,
    title: d.title,
    effectiveFrom: d.effectiveFrom,
    fileUrl: abs(d.file),
  });
  const a = p.announcement;
  return {
    schema: PUBLIC_JSON_SCHEMA,
    asOf: p.asOf,
    url: `${base}/cong-khai/${encodeURIComponent(p.unit.code)}`,
    unit: p.unit,
    lineage: p.lineage,
    announcement: a
      ? {
          kind: a.kind,
          number: a.number,
          decidedOn: a.decidedOn,
          postedOn: a.postedOn,
          standard: "TCVN ISO 9001:2015",
          issued: a.issued,
          scope: a.scope,
          procedures: a.procedures,
          pdf: a.pdf
            ? {
                url: abs(a.pdf.path),
                verifyUrl: abs(a.pdf.verifyPath),
                verifyCode: a.pdf.verifyCode,
                sha256: a.pdf.sha256,
                pages: a.pdf.pages,
                size: a.pdf.size,
              }
            : null,
          pdfPending: a.pdfPending,
        }
      : null,
    earlierAnnouncements: p.earlier,
    reannouncementDue: p.reannouncementDue,
    qualityPolicy: p.policy ? doc(p.policy) : null,
    objectives: p.objectives,
    processes: p.processes.map(doc),
    otherDocuments: p.otherDocuments.map((d) => ({ ...doc(d), kind: d.kind })),
    procedures: p.procedures,
    figures: {
      from: p.figures.from,
      to: p.figures.to,
      months: p.figures.months.map((m) => ({
        month: m.month,
        received: m.received,
        resolvedEarly: m.figures.resolvedEarly,
        resolvedOnTime: m.figures.resolvedOnTime,
        resolvedOverdue: m.figures.resolvedOverdue,
        receivedOnline: m.figures.receivedOnline,
        returnedByPost: m.figures.returnedByPost,
        onTimeRate: m.onTimeRate,
        onlineRate: m.onlineRate,
        postRate: m.postRate,
      })),
      total: p.figures.total,
    },
  };
}
