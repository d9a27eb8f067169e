// The minimal Remix app's server: Express, compression, static assets and Remix's Express adapter, as server.ts
// does for the app (without its guards, headers and session): what any Remix 2 app pays per request.
import path from "node:path";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";

process.env.NODE_ENV ??= "production";
const root = import.meta.dirname;
const build = await import(path.join(root, "build", "server", "index.js"));
const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static(path.join(root, "build", "client", "assets"), { immutable: true, maxAge: "1y" }));
app.get("/healthz", (_req, res) => res.json({ ok: true }));
app.all("*", createRequestHandler({ build, mode: "production" }));
app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? "127.0.0.1");
