import fs from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { renderAnnualReport } from "./annual-report";
import { renderAreaSummary } from "./area-summary";
import { renderAuditReport } from "./audit-report";
import { renderCorrectiveActionForm } from "./corrective-action-form";
import { renderInspectionMinutes } from "./inspection-minutes";
import { decreePageFurniture } from "./parts/decree30";
import { THEME } from "./theme";
import type { ReportData } from "./types";
import { renderUnitReport } from "./unit-report";

const require = createRequire(import.meta.url);

/** Noto Serif (OFL, Times-like, full Vietnamese): extracts back to the exact text (STACK.md pitfall 6). */
export const FONT_FILES = {
  [THEME.fonts.regular]: require.resolve("@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf"),
  [THEME.fonts.bold]: require.resolve("@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf"),
  [THEME.fonts.italic]: require.resolve("@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf"),
  [THEME.fonts.boldItalic]: require.resolve("@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf"),
};

type Doc = InstanceType<typeof PDFDocument>;

// why: parsing four 0.5 MB TTFs costs more than drawing a whole report. pdfkit 0.20 accepts an already parsed
// fontkit font, and fontkit fonts are immutable once parsed, so each process (or render worker) parses once.
// fontkit is resolved from pdfkit's own location: it is pdfkit's dependency, the same copy pdfkit uses.
type FontkitFont = { layout: unknown };
let parsedFonts: Map<string, FontkitFont> | undefined;
function fonts(): Map<string, FontkitFont> {
  if (!parsedFonts) {
    const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create(buf: Uint8Array): FontkitFont };
    parsedFonts = new Map(Object.entries(FONT_FILES).map(([name, file]) => [name, fontkit.create(fs.readFileSync(file))]));
  }
  return parsedFonts;
}

function draw(doc: Doc, data: ReportData) {
  switch (data.kind) {
    case "unit":
      return renderUnitReport(doc, data);
    case "area":
      return renderAreaSummary(doc, data);
    case "annual":
      return renderAnnualReport(doc, data);
    case "audit":
      return renderAuditReport(doc, data);
    case "action":
      return renderCorrectiveActionForm(doc, data);
    case "minutes":
      return renderInspectionMinutes(doc, data);
  }
}

/**
 * The generator: a document with the fonts embedded (subset) and metadata from the data (the creation date is
 * the caller's clock), the kind's drawing, then page numbers and the verification footer. Returns the bytes.
 */
export function renderReport(data: ReportData): Promise<{ bytes: Buffer; pages: number }> {
  const created = new Date(data.meta.createdAt);
  const doc = new PDFDocument({
    size: THEME.page.size,
    margins: THEME.margins,
    bufferPages: true,
    autoFirstPage: true,
    lang: "vi-VN",
    displayTitle: true,
    info: {
      Title: [data.meta.title, data.meta.subtitle].filter(Boolean).join(" – "),
      Author: data.meta.author,
      Subject: `Mã xác thực ${data.meta.verification.code}`,
      Creator: "ISO Xã",
      Producer: "ISO Xã (pdfkit)",
      CreationDate: created,
      ModDate: created,
    },
  });
  for (const [name, font] of fonts()) doc.registerFont(name, font as unknown as Buffer);
  doc.font(THEME.fonts.regular);
  if (process.env.DEBUG_PAGES) doc.on("pageAdded", () => console.log("pageAdded", new Error().stack?.split("\n").slice(2, 8).join(" | ")));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc, data);
  decreePageFurniture(doc, data.meta);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return done.then((bytes) => ({ bytes, pages }));
}
