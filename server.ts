// The production (and dev) server: one process runs the Remix app and, unless SCHEDULER=off, the scheduler.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { bootstrapDatabase } from "#db/bootstrap";
import { JOBS } from "#jobs/schedule";
import { startScheduler } from "#jobs/scheduler";
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { setDb } from "~/http/db.server";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const config = readConfig();
const db = await bootstrapDatabase(config, now);
setDb(db);

const app = express();
app.disable("x-powered-by");
app.use(compression());

app.use((req: Request, res: Response, next: NextFunction) => {
  // Always overwritten from the socket: a client cannot choose the address that sign-in throttling counts.
  req.headers["x-isoxa-client-ip"] = req.socket.remoteAddress ?? "unknown";
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
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
        "frame-ancestors 'none'",
      ].join("; "),
    );
  }
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (config.secureCookies) res.setHeader("Strict-Transport-Security", "max-age=31536000");
  next();
});

// Same-origin check on every mutation: a browser always sends Origin (or Sec-Fetch-Site) on a cross-site POST.
app.use((req: Request, res: Response, next: NextFunction) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.headers.origin;
  const site = req.headers["sec-fetch-site"];
  const host = req.headers.host;
  const crossOrigin = origin ? origin === "null" || new URL(origin).host !== host : site === "cross-site";
  if (crossOrigin) {
    res.status(403).type("text/plain; charset=utf-8").send("Yêu cầu bị từ chối: không cùng nguồn gốc (Forbidden: cross-origin request).");
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
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }));

const server = app.listen(config.port, config.host, () => {
  console.log(`[web] ISO Xã on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} (data: ${config.dataDir})`);
});

const scheduler = config.scheduler ? startScheduler(db, config, JOBS) : undefined;
if (!scheduler) console.log("[scheduler] off (SCHEDULER=off): run `npm run scheduler` in one process");

async function shutdown(signal: string) {
  console.log(`[web] ${signal}: shutting down`);
  server.close();
  await scheduler?.stop();
  db.$client.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
