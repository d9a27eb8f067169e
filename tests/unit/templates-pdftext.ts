import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Text of a PDF as poppler's pdftotext extracts it (optionally one page), whitespace normalised, NFC. */
export function pdfText(bytes: Uint8Array, page?: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdftext-"));
  const file = path.join(dir, "r.pdf");
  fs.writeFileSync(file, bytes);
  try {
    const args = page ? ["-f", String(page), "-l", String(page), "-enc", "UTF-8", file, "-"] : ["-enc", "UTF-8", file, "-"];
    return norm(execFileSync("pdftotext", args, { encoding: "utf8" }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function norm(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pdfinfo-"));
  const file = path.join(dir, "r.pdf");
  fs.writeFileSync(file, bytes);
  try {
    const out = execFileSync("pdfinfo", ["-isodates", file], { encoding: "utf8" });
    return Object.fromEntries(
      out
        .split("\n")
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
