/** Page geometry, type sizes and colours of every report (Decree 30/2020/NĐ-CP, Phụ lục I: A4, margins, sizes). */
const MM = 72 / 25.4;

export const THEME = {
  page: { size: "A4" as const, width: 595.28, height: 841.89 },
  /** Top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
  margins: { top: 20 * MM, bottom: 22 * MM, left: 30 * MM, right: 15 * MM },
  fonts: { regular: "serif", bold: "serif-bold", italic: "serif-italic", boldItalic: "serif-bold-italic", symbols: "symbols", symbolsBold: "symbols-bold" },
  size: { body: 13, header: 12.5, motto: 13, title: 14, small: 11, table: 10.5, footer: 7.5, recipients: 11, signature: 10 },
  color: { ink: "#000000", muted: "#444444", rule: "#000000", headFill: "#e8e8e8", grid: "#777777", noData: "#666666" },
  /** Chart series colours: distinguishable in grey print as well (differing lightness). */
  series: ["#8b1a1a", "#d98c1f", "#3f6fb5", "#9aa5b1", "#2f7d4a"],
  lineGap: 2,
  paragraphGap: 6,
} as const;

export const contentWidth = THEME.page.width - THEME.margins.left - THEME.margins.right;
