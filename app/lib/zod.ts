import { z } from "zod";

/**
 * A calendar day typed as dd/mm/yyyy (how every Vietnamese form writes it; ISO yyyy-mm-dd is accepted too),
 * stored as YYYY-MM-DD. Impossible dates (31/02) are refused.
 */
export function parseVnDay(input: string): string | undefined {
  const s = input.trim();
  let d: number, m: number, y: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export const vnDay = z.string({ message: "errors.required" }).transform((s, ctx) => {
  const day = parseVnDay(s);
  if (!day) {
    ctx.addIssue({ code: "custom", message: "errors.date" });
    return z.NEVER;
  }
  return day;
});

/** dd/mm/yyyy for a form's default value, from YYYY-MM-DD. */
export function dayToInput(day: string | null | undefined): string {
  if (!day) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day;
}
