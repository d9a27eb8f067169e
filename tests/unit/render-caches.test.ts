import { describe, expect, it } from "vitest";
import { renderReport, sharedLayoutWords } from "#templates/render";
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

  // Issue 19: every report brings words of its own (its code, the trail's head, numbers); a run of thousands of
  // reports kept them all (up to 50,000 words a face, ~70 MB at national scale). The shared caches stay bounded.
  it("the shared word caches stay bounded over many documents with words of their own", async () => {
    for (let d = 0; d < 20; d++) {
      const own = Array.from({ length: 600 }, (_, i) => `t${d}w${i}`).join(" ");
      await renderReport(sampleUnitReport({ meta: sampleMeta({ subtitle: own, verification: { code: `EEEEE-${d}`, url: `http://x/${d}` } }) }));
    }
    // 20 × 600 = 12,000 words of their own were shaped; what is kept is at most about 10 documents' worth.
    expect(sharedLayoutWords()).toBeLessThan(8000);
  });
});
