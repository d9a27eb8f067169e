import os from "node:os";
import path from "node:path";

/**
 * Configuration from the environment, read once. Everything the app writes lives under DATA_DIR.
 * See README "Configuration" for the list.
 */
function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === "") return dflt;
  return !["0", "false", "off", "no"].includes(v.toLowerCase());
}

function int(v: string | undefined, dflt: number): number {
  const n = v === undefined || v === "" ? NaN : Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : dflt;
}

export function readConfig(env: Record<string, string | undefined> = process.env) {
  const appRoot = path.resolve(env.APP_ROOT ?? process.cwd());
  const dataDir = path.resolve(appRoot, env.DATA_DIR ?? "data");
  return {
    appRoot,
    dataDir,
    dbFile: path.join(dataDir, "iso-xa.db"),
    uploadsDir: path.join(dataDir, "files"),
    reportsDir: path.join(dataDir, "reports"),
    backupsDir: path.join(dataDir, "backups"),
    migrationsDir: path.join(appRoot, "db", "migrations"),
    port: int(env.PORT, 3000),
    host: env.HOST ?? "0.0.0.0",
    production: env.NODE_ENV === "production",
    /**
     * WEB_CONCURRENCY: how many web worker processes `npm start` runs (node:cluster, sharing the database); default
     * one per core in production, 1 otherwise (tests, development). The scheduler runs in exactly one process.
     */
    webConcurrency: Math.max(1, int(env.WEB_CONCURRENCY, env.NODE_ENV === "production" ? os.availableParallelism() : 1)),
    /** SCHEDULER=off runs the web server alone (several web processes + one `npm run scheduler`). */
    scheduler: bool(env.SCHEDULER, true),
    /** SEED=off: a fresh data folder gets the schema but no demo data. */
    seedDemo: bool(env.SEED, true),
    backupKeep: Math.max(1, int(env.BACKUP_KEEP, 7)),
    sessionDays: Math.max(1, int(env.SESSION_DAYS, 14)),
    /** Secure cookies unless explicitly turned off (plain-HTTP intranet deployments, tests). */
    secureCookies: bool(env.SECURE_COOKIES, env.NODE_ENV === "production"),
    uploadMaxBytes: int(env.UPLOAD_MAX_MB, 20) * 1024 * 1024,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? "ISO Xã <no-reply@iso-xa.local>",
    /** PUBLIC_URL: the address printed in PDFs' verification links; unset = the request's origin. */
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, "") || undefined,
    /**
     * PUBLIC_RATE_PER_MIN: requests per minute one address may make to the public pages (/cong-khai…), in bursts of
     * as many; 0 turns the limit off (the load benchmark measures the pages, not the limit).
     */
    publicRatePerMin: Math.max(0, int(env.PUBLIC_RATE_PER_MIN, 120)),
    /** REPORTS_WORKER=off renders PDFs in the calling thread (tests, the one-report CLI) instead of a worker thread. */
    reportsWorker: bool(env.REPORTS_WORKER, true),
    /**
     * ISOXA_NOW (an ISO instant): the app's clock starts there and runs on. Tests of the running app use it so
     * that they give the same answer on every day of the year; never set in production.
     */
    clockStart: env.ISOXA_NOW || undefined,
  };
}

export type Config = ReturnType<typeof readConfig>;

let cached: Config | undefined;
export function config(): Config {
  return (cached ??= readConfig());
}
