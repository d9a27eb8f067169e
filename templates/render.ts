import fs from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { renderAnnouncement } from "./announcement";
import { renderAnnualReport } from "./annual-report";
import { renderAreaSummary } from "./area-summary";
import { renderAuditReport } from "./audit-report";
import { renderCorrectiveActionForm } from "./corrective-action-form";
import { renderInspectionMinutes } from "./inspection-minutes";
import { decreePageFurniture } from "./parts/decree30";
import { addSignatureField, drawSignatureBlock, signatureBlockDrawn, signatureBlockHeight } from "./parts/signature";
import { endTags, startTags } from "./parts/tags";
import { ensureRoom } from "./parts/text";
import { contentWidth, THEME } from "./theme";
import { renderDossierIndex } from "./dossier-index";
import type { DossierIndexData, ReportData } from "./types";
import { renderUnitReport } from "./unit-report";

const require = createRequire(import.meta.url);

/** Noto Serif (OFL, Times-like, full Vietnamese): extracts back to the exact text (STACK.md pitfall 6). */
export const FONT_FILES = {
  [THEME.fonts.regular]: require.resolve("@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf"),
  [THEME.fonts.bold]: require.resolve("@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf"),
  [THEME.fonts.italic]: require.resolve("@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf"),
  [THEME.fonts.boldItalic]: require.resolve("@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf"),
  // Noto Serif has no "≥" or "≤" (they printed as empty boxes): those few signs come from DejaVu Serif.
  [THEME.fonts.symbols]: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif.ttf"),
  [THEME.fonts.symbolsBold]: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf"),
};

/** Signs the text fonts lack, drawn in the symbols font (extend with any other sign Noto Serif lacks). */
const FALLBACK = /([≥≤]+ ?)/u; // the space after the sign goes with it: an extractor then keeps "≥ 95"
const BOLD_FONTS = new Set<string>([THEME.fonts.bold, THEME.fonts.boldItalic]);

/**
 * Draw the signs Noto Serif lacks in DejaVu Serif, everywhere: a text call holding one is split into runs
 * (`continued`), each in its font, so the sign prints and extracts as itself ("≥", not an empty box).
 */
function symbolFallback(doc: Doc) {
  const d = doc as unknown as { font: (...a: unknown[]) => Doc; text: (...a: unknown[]) => Doc };
  let current: string = THEME.fonts.regular;
  const font = d.font.bind(doc);
  d.font = (...args: unknown[]) => {
    if (typeof args[0] === "string") current = args[0];
    return font(...args);
  };
  const text = d.text.bind(doc);
  d.text = (...args: unknown[]) => {
    const [str, ...rest] = args;
    if (typeof str !== "string" || !FALLBACK.test(str)) return text(...args);
    const opts = (rest.find((a) => typeof a === "object" && a !== null) ?? {}) as { continued?: boolean; width?: number; align?: string };
    const pos = rest.filter((a) => typeof a === "number") as number[];
    const base = current;
    const runs = str.split(FALLBACK).filter((r) => r !== "");
    const fontOf = (run: string) => (FALLBACK.test(run) ? (BOLD_FONTS.has(base) ? THEME.fonts.symbolsBold : THEME.fonts.symbols) : base);
    const widths = runs.map((run) => (font(fontOf(run)), doc.widthOfString(run)));
    const total = widths.reduce((a, b) => a + b, 0);
    if (pos.length === 2 && opts.width && !opts.continued && total <= opts.width && !str.includes("\n")) {
      // One line (a table cell, a figure): place the runs side by side ourselves, as the alignment asks; pdfkit's
      // continued runs do not keep a right or centred alignment.
      const [x, y] = pos as [number, number];
      const free = opts.width - total;
      let at = x + (opts.align === "right" ? free : opts.align === "center" ? free / 2 : 0);
      runs.forEach((run, i) => {
        font(fontOf(run));
        text(run, at, y, { lineBreak: false });
        at += widths[i]!;
      });
      doc.x = x;
    } else {
      runs.forEach((run, i) => {
        font(fontOf(run));
        const continued = i < runs.length - 1 || Boolean(opts.continued);
        if (i === 0) text(run, ...pos, { ...opts, continued });
        else text(run, { ...opts, continued });
      });
    }
    font(base);
    return doc;
  };
}

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

// why: shaping text (fontkit's layout: substitution and positioning lookups) was over a third of a report's drawing
// time, and pdfkit keeps the shaped words per document only, so every report shaped "Ủy ban nhân dân…" again.
// A shaped word depends only on the font and the word (no features are passed), pdfkit never changes a cached
// run (word spacing copies it), and the glyphs a document uses are still collected for its subset on encode: so
// one cache per parsed font serves every document, with identical output. Bounded: dropped past LAYOUT_MAX words.
// why 5,000 checked every 10 documents: every report adds words of its own (its verification code, the trail's head,
// row numbers, dates), about 8 a report, at about 2.5 KB each; the words that repeat (labels, headings, names) are
// about 2,000 for the regular face. A bound of 50,000 checked every 100 documents let a national monthly run
// (3,355 reports) keep ~30,000 words, ~70 MB, to the end (issue 19 item 5); now a run drops the cache every few
// hundred reports and shapes the common words again once.
type LayoutCache = Record<string, unknown>;
const LAYOUT_MAX = 5_000;
const layoutCaches = new Map<unknown, { cache: LayoutCache; renders: number }>();
function sharedLayoutCache(font: unknown): LayoutCache {
  let entry = layoutCaches.get(font);
  if (!entry || (++entry.renders % 10 === 0 && Object.keys(entry.cache).length > LAYOUT_MAX)) {
    entry = { cache: Object.create(null) as LayoutCache, renders: 0 };
    layoutCaches.set(font, entry);
  }
  return entry.cache;
}
// why: pdfkit maps each glyph of a document back to text (ToUnicode) from `glyph.codePoints`, and fontkit keeps one
// glyph object per parsed font, made with the code points of its first use. When that first use was inside a
// decomposed letter ("Ẫ" shaped as A + marks) the glyph carries no code points, and every later "A" of every report
// the process renders extracted as nothing ("ỦY B N"). Before the font is embedded, a glyph left without text gets
// the code points the font's cmap gives it.
type EmbeddedFont = {
  unicode: (number[] | undefined)[];
  subset: { glyphs: number[] };
  font: { _cmapProcessor?: { codePointsForGlyph(id: number): number[] } };
  embed: () => void;
};
function keepTextExtractable(f: EmbeddedFont) {
  const embed = f.embed.bind(f);
  f.embed = () => {
    f.unicode.forEach((cps, gid) => {
      if (cps && cps.length > 0) return;
      const fromCmap = f.font._cmapProcessor?.codePointsForGlyph(f.subset.glyphs[gid]!);
      if (fromCmap?.length) f.unicode[gid] = fromCmap;
    });
    return embed();
  };
}

/** How many shaped words the shared caches hold, all faces together (tests: the bound holds). */
export function sharedLayoutWords(): number {
  let n = 0;
  for (const { cache } of layoutCaches.values()) n += Object.keys(cache).length;
  return n;
}

function shareLayouts(doc: Doc) {
  const d = doc as unknown as { font: (...a: unknown[]) => Doc; _font?: { font?: unknown; layoutCache?: LayoutCache; __shared?: boolean } };
  const open = d.font.bind(doc);
  d.font = (...args: unknown[]) => {
    const r = open(...args);
    const f = d._font;
    // Embedded fonts only (they carry the parsed fontkit font), once per document and font.
    if (f?.font && f.layoutCache && !f.__shared) {
      f.layoutCache = sharedLayoutCache(f.font);
      f.__shared = true;
      keepTextExtractable(f as unknown as EmbeddedFont);
    }
    return r;
  };
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
    case "announcement":
      return renderAnnouncement(doc, data);
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
    // A tagged PDF (parts/tags.ts): headings, paragraphs and tables in reading order for screen readers.
    tagged: true,
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
  shareLayouts(doc);
  symbolFallback(doc);
  doc.font(THEME.fonts.regular);
  startTags(doc);
  if (process.env.DEBUG_PAGES) doc.on("pageAdded", () => console.log("pageAdded", new Error().stack?.split("\n").slice(2, 8).join(" | ")));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc, data);
  const mark = data.meta.digitalSignature;
  if (mark && !signatureBlockDrawn(doc)) {
    // A template whose signature blocks are not the unit's (the minutes): the block follows the content, right.
    const w = Math.min(contentWidth / 2, 230);
    ensureRoom(doc, signatureBlockHeight(doc, mark, w) + 12);
    drawSignatureBlock(doc, mark, THEME.margins.left + contentWidth - w, doc.y + 12, w);
  }
  decreePageFurniture(doc, data.meta);
  if (mark) addSignatureField(doc, mark, created);
  endTags(doc);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return done.then((bytes) => ({ bytes, pages }));
}

/**
 * The index of a dossier (not an issued report: no number of its own, no verification code): the same fonts and
 * Decree-30 parts, page numbers "Trang n/N" at the foot. Small (a few pages): returned as bytes.
 */
export function renderDossierIndexPdf(data: DossierIndexData): Promise<Buffer> {
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
      Creator: "ISO Xã",
      Producer: "ISO Xã (pdfkit)",
      CreationDate: created,
      ModDate: created,
    },
  });
  // why the font files and not the parsed fonts shared by reports: with the shared fontkit fonts, a word drawn in an
  // earlier document of the process came back without its text mapping here ("HỒ SƠ" extracted as "HỒ S"), and the
  // index must extract exactly; an index is a page or two, parsing the fonts again costs a few hundred ms.
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font(THEME.fonts.regular);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  renderDossierIndex(doc, data);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font(THEME.fonts.regular).fontSize(THEME.size.footer).fillColor(THEME.color.muted);
    doc.text(`Trang ${i - range.start + 1}/${range.count}`, THEME.margins.left, doc.page.height - THEME.margins.bottom + 18, { lineBreak: false });
    doc.fillColor(THEME.color.ink);
    doc.page.margins = saved;
  }
  doc.end();
  return done;
}
