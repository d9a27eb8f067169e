import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// The report archive on disk (DATA_DIR/reports): a file is written once and never replaced. Its path inside the
// archive (reportFilePath in rules.ts) is what the report row records.

/** Write the bytes under the archive without ever replacing an existing file (hard link fails if it exists). */
export function storeFile(reportsDir: string, rel: string, bytes: Buffer) {
  const abs = path.join(reportsDir, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.${randomBytes(6).toString("hex")}.partial`;
  fs.writeFileSync(tmp, bytes, { flag: "wx" });
  try {
    fs.linkSync(tmp, abs);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The absolute path of an archived file, if it exists and its recorded path stays inside the archive. */
export function storedFilePath(reportsDir: string, rel: string): string | undefined {
  const abs = path.resolve(reportsDir, rel);
  return abs.startsWith(path.resolve(reportsDir) + path.sep) && fs.existsSync(abs) ? abs : undefined;
}
