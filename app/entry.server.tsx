import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { cachedPage, keepPage, plainPageKey } from "~/http/html-cache.server";

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
  // A plain page read anonymously, already rendered from the same data: its bytes again (app/http/html-cache.server.ts).
  const pageKey = plainPageKey(request, responseStatusCode, remixContext);
  const kept = pageKey ? cachedPage(pageKey) : undefined;
  if (kept) {
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    return new Response(kept, { headers: responseHeaders, status: responseStatusCode });
  }
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
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        const html = Buffer.concat(chunks);
        if (pageKey && responseStatusCode === 200) keepPage(pageKey, html);
        resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
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

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(`[error] ${request.method} ${new URL(request.url).pathname}`, error);
}
