import { describe, expect, it } from "vitest";
import { renderReport } from "#templates/render";
import { sampleAreaSummary, sampleMeta, sampleUnitReport } from "#templates/samples";
import { pdfText } from "./templates-pdftext";

// The renderer shares shaped words across documents (one cache per parsed font) and keeps the last QR code's
// modules: a document drawn after others must come out exactly as when drawn first.
describe("render caches shared across documents", () => {
  it("a report drawn after other reports is byte for byte the report drawn first", async () => {
    const a = sampleUnitReport({ meta: sampleMeta({ verification: { code: "AAAAA-11111", url: "http://x/reports/verify/AAAAA-11111" } }) });
    const first = await renderReport(a);
    const other = await renderReport({
      ...sampleAreaSummary(6),
      meta: sampleMeta({ subtitle: "Khác hẳn: ỹ ỵ ữ ự ẵ ặ ẩ ẫ", verification: { code: "BBBBB-22222", url: "http://x/reports/verify/BBBBB-22222" } }),
    });
    const again = await renderReport(a);
    expect(pdfText(other.bytes)).toContain("BBBBB-22222");
    expect(again.pages).toBe(first.pages);
    expect(Buffer.compare(again.bytes, first.bytes)).toBe(0);
  });

  it("each page's QR code and footer carry that document's own code, not the previous document's", async () => {
    const codes = ["CCCCC-33333", "DDDDD-44444"];
    for (const code of codes) {
      const { bytes, pages } = await renderReport(sampleUnitReport({ meta: sampleMeta({ verification: { code, url: `http://x/reports/verify/${code}` } }) }));
      for (let p = 1; p <= pages; p++) expect(pdfText(bytes, p)).toContain(code);
    }
  });
});
