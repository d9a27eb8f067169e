import { config } from "~/lib/config.server";
import { reportsBaseUrl, type ProduceDeps } from "./generate.server";

/** What producing a report needs in the web process: the archive folder and the base URL for the QR code. */
export function produceDepsFor(request: Request): ProduceDeps {
  return { reportsDir: config().reportsDir, baseUrl: reportsBaseUrl(new URL(request.url).origin) };
}
