// The production (and dev) server. With WEB_CONCURRENCY=1 (development, tests) one process runs the Remix app and,
// unless SCHEDULER=off, the scheduler. With more (production's default: one per core), this process is the primary:
// it takes the data folder (lock, migrations, demo data, trail key), runs the scheduler and the public pages' rate
// buckets, and forks that many web workers (node:cluster) that share the port and the SQLite database (WAL).
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
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
import { answerPublicBudgets, isEmbedPath, isPublicPath, PUBLIC_WAIT_HEADER, publicBudgetWait } from "~/http/public.server";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const config = readConfig();
// Development runs Vite in the process: always one.
const workers = dev ? 1 : config.webConcurrency;
if (workers > 1 && cluster.isPrimary) await primary(workers);
else await web();

/**
 * The primary of a multi-process server: it holds the data folder like any server (so a restore is refused; each
 * worker holds it too), prepares it once before any worker opens it, runs the scheduler (exactly one per server),
 * answers the workers' rate-limit questions, and replaces a worker that dies. SIGTERM/SIGINT stop the workers
 * (each finishes its requests), then the scheduler.
 */
async function primary(count: number) {
  const db = await openDataFolder(config, now, "server");
  drainReportsAtStart(db);
  answerPublicBudgets();
  let stopping = false;
  const start = () => {
    const w = cluster.fork();
    let listened = false;
    w.once("listening", () => (listened = true));
    w.once("exit", (code, signal) => {
      if (stopping) return;
      // A worker that never listened (port taken, bad build) would fail again at once: stop rather than loop.
      if (!listened) {
        console.error(`[web] worker ${w.process.pid} failed to start (${signal ?? code}): stopping`);
        void shutdown("worker start failure", 1);
        return;
      }
      console.error(`[web] worker ${w.process.pid} exited (${signal ?? code}): starting another`);
      start();
    });
  };
  for (let i = 0; i < count; i++) start();
  console.log(`[web] ${count} web workers (WEB_CONCURRENCY=${count}); primary ${process.pid}`);
  const scheduler = config.scheduler ? startScheduler(db, config, JOBS) : undefined;
  if (!scheduler) console.log("[scheduler] off (SCHEDULER=off): run `npm run scheduler` in one process");

  async function shutdown(signal: string, code = 0) {
    if (stopping) return;
    stopping = true;
    console.log(`[web] ${signal}: shutting down ${Object.keys(cluster.workers ?? {}).length} workers`);
    const exits = Object.values(cluster.workers ?? {}).map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!w || w.isDead()) return resolve();
          w.once("exit", () => resolve());
          w.process.kill("SIGTERM");
        }),
    );
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 10_000).unref())]);
    await scheduler?.stop();
    db.$client.close();
    process.exit(code);
  }
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

/** A web process: the only one (WEB_CONCURRENCY=1, with the scheduler unless SCHEDULER=off) or a cluster worker. */
async function web() {
  const db = await openDataFolder(config, now, cluster.isWorker ? "server worker" : "server");
  setDb(db);
  if (!cluster.isWorker) drainReportsAtStart(db);

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());

  app.use((req: Request, res: Response, next: NextFunction) => {
    // Always overwritten from the socket: a client cannot choose the address that sign-in throttling counts.
    req.headers["x-isoxa-client-ip"] = req.socket.remoteAddress ?? "unknown";
    const nonce = nextNonce();
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

  // The public pages' budget per address (app/http/public.server.ts), taken here because with several workers it lives
  // in the primary (an asynchronous question); the route reads the answer from PUBLIC_WAIT_HEADER. A client's own copy
  // of that header is always dropped.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    // (deleted only when sent: a delete turns the headers object into a slow dictionary for the rest of the request)
    if (req.headers[PUBLIC_WAIT_HEADER] !== undefined) delete req.headers[PUBLIC_WAIT_HEADER];
    if (!isPublicPath(req.path)) return next();
    const address = req.headers["x-isoxa-client-ip"] as string;
    publicBudgetWait(address, now().getTime(), config.publicRatePerMin).then((wait) => {
      req.headers[PUBLIC_WAIT_HEADER] = String(wait);
      next();
    }, next);
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
    // why only the files that are there: mounted for every path, the static handler looked each page's path up on disk
    // (a failed stat and an error object per request, ~7 % of a trivial page's CPU: issue 19). The client folder is
    // the build's and does not change while the server runs.
    const topFiles = new Set(fs.readdirSync(clientDir, { withFileTypes: true }).flatMap((e) => (e.isFile() ? [`/${e.name}`] : [])));
    const serveTop = express.static(clientDir, { maxAge: "1h" });
    app.use((req: Request, res: Response, next: NextFunction) => (topFiles.has(req.path) ? serveTop(req, res, next) : next()));
    build = (await import(pathToFileURL(path.join(config.appRoot, "build", "server", "index.js")).href)) as ServerBuild;
  }
  app.all("*", remixHandler(build));

  const server = app.listen(config.port, config.host, () => {
    if (cluster.worker && cluster.worker.id > 1) return; // the first worker speaks for all
    console.log(`[web] ISO Xã on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} (data: ${config.dataDir})`);
  });

  // In a cluster the primary runs the scheduler: never a worker.
  const scheduler = config.scheduler && !cluster.isWorker ? startScheduler(db, config, JOBS) : undefined;
  if (!scheduler && !cluster.isWorker) console.log("[scheduler] off (SCHEDULER=off): run `npm run scheduler` in one process");

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
    if (!cluster.isWorker) console.log(`[web] ${signal}: shutting down`);
    server.close();
    await scheduler?.stop();
    db.$client.close();
    process.exit(0);
  }
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  // A worker leaves Ctrl+C to the primary, which stops every worker in turn (SIGTERM) and knows not to replace them.
  if (cluster.isWorker) process.on("SIGINT", () => {});
  else process.once("SIGINT", () => void shutdown("SIGINT"));
}

/** 16 random bytes per CSP nonce, drawn from the system 4 KB at a time (one call per 256 requests, not one each). */
let noncePool = Buffer.alloc(0);
let nonceAt = 0;
function nextNonce(): string {
  if (nonceAt + 16 > noncePool.length) {
    noncePool = randomBytes(4096);
    nonceAt = 0;
  }
  nonceAt += 16;
  return noncePool.toString("base64", nonceAt - 16, nonceAt);
}

/**
 * On-demand reports still queued, or left running by a process that died (its pid is gone), are taken up at start by
 * the one process that runs the scheduler's side of the server, as the scheduler's catch-up takes up dead job claims:
 * not only when someone next opens their page.
 */
function drainReportsAtStart(db: Awaited<ReturnType<typeof openDataFolder>>) {
  void drainQueue(db, { reportsDir: config.reportsDir, baseUrl: reportsBaseUrl() }, now).then((n) => {
    if (n) console.log(`[reports] ${n} waiting or abandoned report(s) produced at start`);
  });
}
