// The production (and dev) server: one process runs the Remix app and, unless SCHEDULER=off, the scheduler.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Transform } from "node:stream";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import { openDataFolder } from "~/modules/data-folder.server";
import { reportsBaseUrl } from "~/modules/reports/deps.server";
import { drainQueue } from "~/modules/reports/produce.server";
import { JOBS } from "#jobs/schedule";
import { startScheduler } from "#jobs/scheduler";
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { setDb } from "~/http/db.server";
import { ALLOWED_METHODS, badTarget, BodyTooLargeError, bodyLimit, ownOrigins, REFUSALS, sameOrigin, SESSION_COOKIE } from "~/http/guards.server";
import { isEmbedPath } from "~/http/public.server";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const config = readConfig();
const db = await openDataFolder(config, now, "server");
setDb(db);
// On-demand reports still queued, or left running by a process that died (its pid is gone), are taken up at start,
// as the scheduler's catch-up takes up dead job claims: not only when someone next opens their page.
void drainQueue(db, { reportsDir: config.reportsDir, baseUrl: reportsBaseUrl() }, now).then((n) => {
  if (n) console.log(`[reports] ${n} waiting or abandoned report(s) produced at start`);
});

const app = express();
app.disable("x-powered-by");
app.use(compression());

app.use((req: Request, res: Response, next: NextFunction) => {
  // Always overwritten from the socket: a client cannot choose the address that sign-in throttling counts.
  req.headers["x-isoxa-client-ip"] = req.socket.remoteAddress ?? "unknown";
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  // The public embed (/cong-khai/<code>/nhung) is made to be framed by the units' own websites; nothing else is.
  const embed = isEmbedPath(req.path);
  if (!dev) {
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        embed ? "frame-ancestors *" : "frame-ancestors 'none'",
      ].join("; "),
    );
  }
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  if (!embed) res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (config.secureCookies) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
});

// Hostile input stops here, before anything reads it (issue 16; the rules are in app/http/guards.server.ts): a method
// the app does not answer (TRACE…) is a 405, control characters in the address a 400, a body declared larger than
// its kind allows a 413 at once (a body that turns out larger while streaming is cut in the Remix handler below).
app.use((req: Request, res: Response, next: NextFunction) => {
  if (!(ALLOWED_METHODS as readonly string[]).includes(req.method)) {
    res.status(405).set("Allow", ALLOWED_METHODS.join(", ")).type("text/plain; charset=utf-8").send(REFUSALS.method);
    return;
  }
  if (badTarget(req.originalUrl)) {
    res.status(400).type("text/plain; charset=utf-8").send(REFUSALS.badTarget);
    return;
  }
  const limit = bodyLimit(req.path, req.headers["content-type"], config.uploadMaxBytes);
  if (Number(req.headers["content-length"] ?? 0) > limit) return refuseBody(req, res, limit);
  next();
});

// Same-origin check on every mutation: a browser always sends Origin (or Sec-Fetch-Site) on a cross-site POST. The
// origin is compared whole (scheme, host, port): https://host is not this plain-http server's http://host.
app.use((req: Request, res: Response, next: NextFunction) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const own = ownOrigins(req.protocol, req.headers.host, { secureCookies: config.secureCookies, publicUrl: config.publicUrl });
  const site = req.headers["sec-fetch-site"];
  if (!sameOrigin(req.headers.origin, typeof site === "string" ? site : undefined, own)) {
    res.status(403).type("text/plain; charset=utf-8").send(REFUSALS.crossOrigin);
    return;
  }
  next();
});

let build: ServerBuild | (() => Promise<ServerBuild>);
if (dev) {
  const vite = await import("vite");
  const viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteDevServer.middlewares);
  build = () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
} else {
  const clientDir = path.join(config.appRoot, "build", "client");
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(clientDir, { maxAge: "1h" }));
  build = (await import(pathToFileURL(path.join(config.appRoot, "build", "server", "index.js")).href)) as ServerBuild;
}
app.all("*", remixHandler(build));

const server = app.listen(config.port, config.host, () => {
  console.log(`[web] ISO Xã on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} (data: ${config.dataDir})`);
});

const scheduler = config.scheduler ? startScheduler(db, config, JOBS) : undefined;
if (!scheduler) console.log("[scheduler] off (SCHEDULER=off): run `npm run scheduler` in one process");

/**
 * The Remix request handler (what @remix-run/express does, plus the body limit and the cache rule): the request's
 * body reaches Remix through a counter that cuts it at its limit, answering 413 at once; a response to a signed-in
 * request (or one that signs in) without a Cache-Control of its own gets `no-store`, so no shared or back-button
 * cache keeps a person's pages.
 */
function remixHandler(build: ServerBuild | (() => Promise<ServerBuild>)) {
  const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
  return async (req: Request, res: Response, next: NextFunction) => {
    const limit = bodyLimit(req.path, req.headers["content-type"], config.uploadMaxBytes);
    let overflow = false;
    let request: globalThis.Request;
    try {
      request = remixRequest(req, res, limit, () => {
        overflow = true;
        refuseBody(req, res, limit);
      });
    } catch {
      res.status(400).type("text/plain; charset=utf-8").send(REFUSALS.badTarget);
      return;
    }
    // A body the action never read (or read only in part) is drained after the answer, never left on the socket.
    res.once("finish", () => {
      if (!overflow && !req.complete) drain(req);
    });
    try {
      const response = await handleRequest(request, { cspNonce: res.locals.cspNonce as string });
      if (overflow || res.headersSent) return;
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) res.append(key, value);
      const signedIn =
        new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`).test(req.headers.cookie ?? "") ||
        response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`));
      if (signedIn && !response.headers.has("Cache-Control")) res.setHeader("Cache-Control", "no-store");
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (e) {
      if (overflow) return;
      next(e);
    }
  };
}

/** The Fetch API request Remix reads: its body counted on the way and cut (BodyTooLargeError) past `limit`. */
function remixRequest(req: Request, res: Response, limit: number, onOverflow: () => void): globalThis.Request {
  const url = new URL(`${req.protocol}://${req.headers.host ?? "localhost"}${req.originalUrl}`);
  const controller = new AbortController();
  let finished = false;
  res.on("finish", () => (finished = true));
  res.on("close", () => finished || controller.abort());
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    let seen = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        if (seen <= limit) return done(null, chunk);
        onOverflow();
        done(new BodyTooLargeError(limit));
      },
    });
    req.on("error", (e) => counter.destroy(e));
    init.body = createReadableStreamFromReadable(req.pipe(counter));
    init.duplex = "half";
  }
  return new globalThis.Request(url.href, init);
}

/** 413 with a Vietnamese explanation, then the rest of the body read and dropped so that the client sees the answer. */
function refuseBody(req: Request, res: Response, limit: number) {
  if (!res.headersSent) res.status(413).type("text/plain; charset=utf-8").send(REFUSALS.tooLarge(limit));
  drain(req);
}

/** Read and drop what a client still sends, up to 64 MB or 10 s; past that the connection is cut. */
function drain(req: Request) {
  req.unpipe();
  let dropped = 0;
  const timer = setTimeout(() => req.destroy(), 10_000);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 64 * 1024 * 1024) req.destroy();
  });
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

async function shutdown(signal: string) {
  console.log(`[web] ${signal}: shutting down`);
  server.close();
  await scheduler?.stop();
  db.$client.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
