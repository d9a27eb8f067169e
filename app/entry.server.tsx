import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { cachedPage, fillNonce, keepPage, NONCE_MARK, pageKey, takesGzip, type PageBody } from "~/http/html-cache.server";

const ABORT_DELAY = 5_000;

/**
 * Remix rendering plus a per-request CSP nonce (set by server.ts in the load context) on every inline script, so
 * the Content-Security-Policy needs no 'unsafe-inline'.
 *
 * The page is rendered whole, then sent as one body. Loaders here are synchronous and no route defers data, so
 * streaming sent nothing earlier; it only cut the page into many small writes, each passing through gzip and a
 * socket write (about a tenth of the server's CPU under load). The abort timer is cleared when the page
 * is done: left running, it kept every finished render reachable for five seconds.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  // A page already rendered from the same data: its bytes again, with this request's nonce (app/http/html-cache.server.ts).
  // Only with a nonce (server.ts always gives one): a page kept without would be refused its scripts by the CSP.
  const key = nonce ? pageKey(request, responseStatusCode, remixContext) : undefined;
  const gzip = takesGzip(request.headers.get("Accept-Encoding"));
  const kept = key ? cachedPage(key, nonce, gzip) : undefined;
  if (kept) return pageResponse(kept, responseHeaders, responseStatusCode);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        const html = Buffer.concat(chunks);
        const page: PageBody = !key
          ? { body: html, gzip: false }
          : responseStatusCode === 200
            ? keepPage(key, html, nonce, gzip)
            : { body: fillNonce(html, nonce), gzip: false };
        resolve(pageResponse(page, responseHeaders, responseStatusCode));
        done();
      },
    });
    const pageNonce = key ? NONCE_MARK : nonce;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={pageNonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={pageNonce} />
      </NonceProvider>,
      {
        nonce: pageNonce,
        onAllReady() {
          shellRendered = true;
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}

/** The page's response; a kept page sent gzip-encoded is not compressed again by the server (server.ts). */
function pageResponse({ body, gzip }: PageBody, headers: Headers, status: number) {
  headers.set("Content-Type", "text/html; charset=utf-8");
  if (gzip) {
    headers.set("Content-Encoding", "gzip");
    headers.append("Vary", "Accept-Encoding");
  }
  return new Response(body, { headers, status });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(`[error] ${request.method} ${new URL(request.url).pathname}`, error);
}
