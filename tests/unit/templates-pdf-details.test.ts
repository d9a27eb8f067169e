import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { decreeTitle, summaryRuleWidth } from "#templates/parts/decree30";
import { FONT_FILES, renderReport } from "#templates/render";
import * as S from "#templates/samples";
import type { ReportData } from "#templates/types";
import { pdfText } from "./templates-pdftext";

// Issue 14 item 6: details of the printed page, checked on what poppler reads back from the files.

const MM = 72 / 25.4;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-details-"));
const files: Record<string, string> = {};

function samples(): Record<string, ReportData> {
  const unit = S.sampleUnitReport();
  unit.sections.objectives = {
    status: "ok",
    data: {
      rows: [
        { objective: "Tỷ lệ hồ sơ giải quyết đúng hạn", target: "≥ 95,0%", actual: "97,0%", met: true },
        { objective: "Số phản ánh, kiến nghị", target: "≤ 2", actual: "1", met: true },
      ],
    },
  };
  return {
    unit,
    area: S.sampleAreaSummary(),
    annual: S.sampleAnnualReport(),
    audit: S.sampleAuditReport(),
    action: S.sampleCorrectiveActionForm(),
    minutes: S.sampleInspectionMinutes(),
  };
}

beforeAll(async () => {
  for (const [kind, data] of Object.entries(samples())) {
    const file = path.join(tmp, `${kind}.pdf`);
    fs.writeFileSync(file, (await renderReport(data)).bytes);
    files[kind] = file;
  }
}, 60_000);

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

describe("PDF details (issue 14)", () => {
  it("≥ and ≤ print and extract as themselves (Noto Serif lacks them: they come from DejaVu Serif)", () => {
    const text = pdfText(fs.readFileSync(files.unit!));
    expect(text).toContain("≥ 95,0%");
    expect(text).toMatch(/≤ ?2/); // poppler may join a narrow "2" to the sign: the sign itself is what matters
    expect(run("pdffonts", [files.unit!])).toMatch(/DejaVuSerif/);
  });

  it("nothing is printed within 10 mm of a page's edge: no word (pdftotext -bbox) and no ink (the QR code, rules)", () => {
    for (const [kind, file] of Object.entries(files)) {
      const html = run("pdftotext", ["-bbox", file, "-"]);
      const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html)!;
      const [W, H] = [Number(page[1]), Number(page[2])];
      const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)];
      expect(words.length).toBeGreaterThan(50);
      for (const [, x0, y0, x1, y1, w] of words) {
        const ok = Number(x0) >= 10 * MM && Number(y0) >= 10 * MM && Number(x1) <= W - 10 * MM && Number(y1) <= H - 10 * MM;
        expect(ok, `${kind}: "${w}" at ${x0},${y0}–${x1},${y1}`).toBe(true);
      }
      // The ink: each page as a 72 dpi grey image (1 px = 1 pt); the 10 mm bands along the edges stay white.
      const out = path.join(tmp, `${kind}-ink`);
      run("pdftoppm", ["-r", "72", "-gray", file, out]);
      for (const pgm of fs.readdirSync(tmp).filter((f) => f.startsWith(`${kind}-ink`))) {
        const buf = fs.readFileSync(path.join(tmp, pgm));
        const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString("latin1"))!.map(Number) as [number, number, number];
        const data = buf.subarray(buf.length - w * h);
        const band = Math.floor(10 * MM) - 1;
        let dark = 0;
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((y < band || y >= h - band || x < band || x >= w - band) && data[y * w + x]! < 200) dark++;
        expect(dark, `${kind} ${pgm}: ink within 10 mm of the edge`).toBe(0);
      }
    }
  });

  it("the minutes' header keeps 'ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP' on one line, regular weight, clear of the motto", () => {
    const xml = run("pdftohtml", ["-xml", "-stdout", "-i", "-f", "1", "-l", "1", files.minutes!]);
    const fonts = Object.fromEntries([...xml.matchAll(/<fontspec id="(\d+)" size="[\d.]+" family="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const texts = [...xml.matchAll(/<text top="(\d+)" left="(\d+)" width="(\d+)" height="\d+" font="(\d+)">(.*?)<\/text>/g)].map((m) => ({
      top: Number(m[1]),
      left: Number(m[2]),
      right: Number(m[2]) + Number(m[3]),
      family: fonts[m[4]!]!,
      text: m[5]!.replace(/<[^>]+>/g, "").normalize("NFC"),
    }));
    const motto = texts.find((t) => t.text.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))!;
    // The superior body's line: everything left of the motto at the motto's height.
    const line = texts.filter((t) => t.top === motto.top && t.left < motto.left);
    expect(line.length, JSON.stringify(texts.slice(0, 6))).toBeGreaterThan(0);
    for (const t of line) {
      expect(t.family).not.toBe(motto.family); // the motto is bold; this line is not
      expect(t.right).toBeLessThan(motto.left);
    }
    const team = texts.find((t) => t.text.includes("SỞ KHOA HỌC VÀ CÔNG NGHỆ"))!;
    expect(team.family).toBe(motto.family); // the issuing body itself: bold
    expect(team.right).toBeLessThan(motto.left);
    // And on one line as a reader sees it.
    expect(run("pdftotext", ["-layout", "-f", "1", "-l", "1", files.minutes!, "-"]).split("\n")[0]).toMatch(/^\s*ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\s{2,}CỘNG HÒA/);
  });

  it("the rule under the summary line is 1/3 to 1/2 of the line's width", () => {
    expect(summaryRuleWidth(300)).toBeGreaterThanOrEqual(100);
    expect(summaryRuleWidth(300)).toBeLessThanOrEqual(150);
    for (const data of Object.values(samples())) {
      const doc = new PDFDocument({ size: "A4" });
      for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
      doc.font("serif");
      const { lineWidth, ruleWidth } = decreeTitle(doc, data.meta);
      expect(ruleWidth / lineWidth).toBeGreaterThanOrEqual(1 / 3);
      expect(ruleWidth / lineWidth).toBeLessThanOrEqual(1 / 2);
      doc.end();
    }
  });

  it("the text names the issuing body: 'Ủy ban nhân dân tỉnh …', 'Ủy ban nhân dân xã …'", () => {
    expect(pdfText(fs.readFileSync(files.annual!))).toContain("Ủy ban nhân dân tỉnh Đồng Tháp báo cáo tình hình xây dựng");
    expect(pdfText(fs.readFileSync(files.unit!))).toContain("Ủy ban nhân dân xã Lai Vung báo cáo tình hình duy trì");
    expect(pdfText(fs.readFileSync(files.area!))).toMatch(/Ủy ban nhân dân tỉnh Đồng Tháp tổng hợp tình hình/);
  });

  it("is a tagged PDF: headings, paragraphs and tables in its structure tree, page furniture as artifacts", () => {
    for (const [kind, file] of Object.entries(files)) {
      expect(run("pdfinfo", [file]), kind).toMatch(/Tagged:\s+yes/);
      const tree = run("pdfinfo", ["-struct", file]);
      expect(tree, kind).toMatch(/^Document/m);
      expect(tree, kind).toMatch(/^\s+H1\b/m);
      expect(tree, kind).toMatch(/^\s+P\b/m);
    }
    const unit = run("pdfinfo", ["-struct-text", files.unit!]);
    expect(unit).toMatch(/H2 \(block\)[\s\S]*"I\. /);
    expect(unit).toMatch(/Table[\s\S]*TR[\s\S]*TH[\s\S]*"Mục tiêu chất lượng"[\s\S]*TD[\s\S]*"≥ 95,0%"/);
    // The footer (verification code) is furniture: not in the structure's text.
    expect(unit).not.toContain("Mã xác thực");
  });
});
