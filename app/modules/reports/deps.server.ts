import type { ReportData } from "#templates/types";
import type { UnitSigners } from "../certificates/sign.server";
import { config } from "~/lib/config.server";

/** What producing a report needs besides the database: the archive folder, the base URL for the QR code, the renderer. */
export type ProduceDeps = {
  reportsDir: string;
  /** Where the verification page lives (PUBLIC_URL, or the origin the request came from). */
  baseUrl: string;
  render?: (data: ReportData) => Promise<{ bytes: Buffer; pages: number }>;
  /** The units' signing keys, read once per run (made on first use, kept on this object). */
  signers?: UnitSigners;
};

/** The base URL printed in QR codes: PUBLIC_URL when configured, else the given origin, else localhost. */
export function reportsBaseUrl(origin?: string): string {
  const c = config();
  return c.publicUrl || origin || `http://localhost:${c.port}`;
}

/** What producing a report needs in the web process: the archive folder and the base URL for the QR code. */
export function produceDepsFor(request: Request): ProduceDeps {
  return { reportsDir: config().reportsDir, baseUrl: reportsBaseUrl(new URL(request.url).origin) };
}
