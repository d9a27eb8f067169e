import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from "docx";

/*
 * The Word template of a process document an officer fills in (a starting system's draft): Decree 30/2020/NĐ-CP
 * presentation (A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13–14 pt; the issuing body
 * top left in capitals, the national name and motto top right) and the sections of a Vietnamese ISO process
 * (1. Mục đích … 7. Hồ sơ cần lưu). Pure: the data arrives shaped; nothing here reads the clock, files or the app.
 */

export type ProcessStep = { content: string; responsible: string; time: string; output: string };

export type ProcessTemplateData = {
  /** Lines of the issuing body, e.g. ["Ủy ban nhân dân", "xã Long Hồ"] (printed in capitals). */
  issuingBody: string[];
  code: string;
  title: string;
  /** "Quy trình", "Chính sách chất lượng"…: what the document is. */
  kindLabel: string;
  purpose: string;
  scope: string;
  clauses: { code: string; title: string }[];
  /** Administrative procedures the process covers: one table of steps each (section 5). */
  procedures: { code: string; name: string; field: string; processingTime: string | null; steps: ProcessStep[] }[];
  /** Steps of a process without procedures (a system process). */
  steps: ProcessStep[];
  forms: { name: string; code: string }[];
  records: { name: string; keeper: string; period: string }[];
};

const FONT = "Times New Roman";
const BODY = 28; // 14 pt, in half-points
const SMALL = 26; // 13 pt
const TABLE = 24; // 12 pt inside tables (Decree 30 allows a smaller size in tables)
const BLANK = "[…]";
/** Millimetres in twentieths of a point, rounded (A4 is 11906 × 16838). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined });

function para(
  children: ParagraphChild[] | string,
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; indent?: boolean } = {},
) {
  return new Paragraph({
    children: typeof children === "string" ? [run(children)] : children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 300 },
    indent: o.indent ? { firstLine: mm(10) } : undefined,
  });
}

const heading = (text: string) => para([run(text, { bold: true })], { before: 200, after: 120 });
const subheading = (text: string) => para([run(text, { bold: true, italics: true })], { before: 120, after: 80 });

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** A bordered table; the first row is the header (bold, centred, repeated on each page). */
function grid(header: string[], rows: string[][], widths: number[]) {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: Math.round((widths[i]! / total) * 100), type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          children: [run(text, { bold: head, size: TABLE })],
          alignment: head || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

/** Issuing body (left) and national name and motto (right), as Decree 30 Phụ lục I places them. */
function decreeHeader(issuingBody: string[]) {
  const lines = issuingBody.map((l) => l.toLocaleUpperCase("vi-VN"));
  const left = [
    ...lines.slice(0, -1).map((l) => new Paragraph({ children: [run(l, { size: SMALL })], alignment: AlignmentType.CENTER, spacing: { after: 0 } })),
    new Paragraph({
      children: [run(lines[lines.length - 1] ?? "", { size: SMALL, bold: true, underline: true })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
    }),
  ];
  const right = [
    new Paragraph({
      children: [run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: SMALL, bold: true })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
    }),
    new Paragraph({ children: [run("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true })], alignment: AlignmentType.CENTER, spacing: { after: 0 } }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

const stepRows = (steps: ProcessStep[]) => steps.map((s, i) => [`Bước ${i + 1}`, s.content, s.responsible, s.time || BLANK, s.output || BLANK]);
const STEP_HEADER = ["Bước", "Nội dung công việc", "Trách nhiệm", "Thời gian", "Biểu mẫu/Kết quả"];
const STEP_WIDTHS = [10, 36, 20, 14, 20];

/** Build the template; resolves to the bytes of a .docx file. */
export async function renderProcessDocx(data: ProcessTemplateData): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    decreeHeader(data.issuingBody),
    para([run(data.kindLabel.toLocaleUpperCase("vi-VN"), { bold: true })], { align: AlignmentType.CENTER, before: 360, after: 60 }),
    para([run(data.title.toLocaleUpperCase("vi-VN"), { bold: true })], { align: AlignmentType.CENTER, after: 60 }),
    para([run(`Mã hiệu: ${data.code}`, { italics: true }), run(" · Lần ban hành: 01 · Ngày ban hành: …/…/……", { italics: true })], {
      align: AlignmentType.CENTER,
      after: 240,
    }),
    grid(
      ["", "Soạn thảo", "Xem xét", "Phê duyệt"],
      [
        ["Họ và tên", "", "", ""],
        ["Chức vụ", "Thư ký ISO", "Phó Chủ tịch UBND", "Chủ tịch UBND"],
        ["Chữ ký", "", "", ""],
      ],
      [16, 28, 28, 28],
    ),
    heading("1. Mục đích"),
    para(data.purpose, { indent: true }),
    heading("2. Phạm vi"),
    para(data.scope, { indent: true }),
    heading("3. Tài liệu viện dẫn"),
    ...[
      "TCVN ISO 9001:2015 Hệ thống quản lý chất lượng – Các yêu cầu" +
        (data.clauses.length ? ` (điều khoản ${data.clauses.map((c) => `${c.code} ${c.title}`).join("; ")})` : "") +
        ";",
      "Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước;",
      "Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014 của Bộ Khoa học và Công nghệ quy định chi tiết thi hành Quyết định số 19/2014/QĐ-TTg;",
      "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
      ...(data.procedures.length
        ? [
            "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;",
            `Quyết định công bố thủ tục hành chính và các văn bản quy định thủ tục: ${BLANK}`,
          ]
        : []),
    ].map((t) => para(`- ${t}`)),
    heading("4. Định nghĩa/viết tắt"),
    ...["HTQLCL: Hệ thống quản lý chất lượng", "UBND: Ủy ban nhân dân", "TTHC: Thủ tục hành chính", "BM: Biểu mẫu", `Các từ viết tắt khác: ${BLANK}`].map((t) =>
      para(`- ${t}`),
    ),
    heading("5. Nội dung quy trình"),
  ];
  if (data.procedures.length) {
    data.procedures.forEach((p, i) => {
      body.push(subheading(`5.${i + 1}. ${p.name}`));
      body.push(para(`Mã thủ tục: ${p.code} · Lĩnh vực: ${p.field}`));
      body.push(para(`Thời hạn giải quyết: ${p.processingTime || BLANK}`));
      body.push(para(`Thành phần hồ sơ, lệ phí, điều kiện: theo thủ tục đã được công bố (${BLANK}).`));
      body.push(grid(STEP_HEADER, [...stepRows(p.steps), ["", "Tổng thời gian giải quyết", "", p.processingTime || BLANK, ""]], STEP_WIDTHS));
    });
  } else {
    body.push(grid(STEP_HEADER, stepRows(data.steps), STEP_WIDTHS));
  }
  body.push(
    heading("6. Biểu mẫu"),
    grid(
      ["TT", "Tên biểu mẫu", "Mã hiệu"],
      (data.forms.length ? data.forms : [{ name: BLANK, code: BLANK }]).map((f, i) => [String(i + 1), f.name, f.code]),
      [10, 65, 25],
    ),
    heading("7. Hồ sơ cần lưu"),
    grid(
      ["TT", "Hồ sơ", "Trách nhiệm lưu", "Thời gian lưu"],
      (data.records.length ? data.records : [{ name: BLANK, keeper: BLANK, period: BLANK }]).map((r, i) => [String(i + 1), r.name, r.keeper, r.period]),
      [10, 50, 22, 18],
    ),
  );
  const doc = new Document({
    creator: "ISO Xã",
    title: `${data.code} ${data.title}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mm(20),
              bottom: mm(20),
              left: mm(30),
              right: mm(15),
            },
          },
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
