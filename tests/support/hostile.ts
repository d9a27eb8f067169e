// What the hostile-input tests send: hand-made XLSX files (a zip bomb among them) and raw HTTP requests from a
// chosen loopback address. Nothing here imports the app: the server tests use it against a running process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net, { type AddressInfo } from "node:net";
import zlib from "node:zlib";
import { timeBudget } from "~/lib/budget";

type Entry = { name: string; data: Buffer | Iterable<Buffer>; declaredSize?: number };

/** A ZIP archive (deflate), written by hand so a test can make entries huge or lie about their sizes. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let crc = 0;
    let size = 0;
    const chunks = Buffer.isBuffer(e.data) ? [e.data] : e.data;
    // Deflate chunk by chunk with a sync flush, so a 300 MB entry never sits in memory whole.
    const parts: Buffer[] = [];
    const handle = new Deflater();
    for (const chunk of chunks) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      parts.push(handle.push(chunk));
    }
    parts.push(handle.end());
    const data = Buffer.concat(parts);
    const declared = e.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(declared, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Raw deflate fed in pieces (zlib's sync API has no streaming form; a flush per piece keeps it bounded). */
class Deflater {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  push(chunk: Buffer): Buffer {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < 8 * 1024 * 1024) return Buffer.alloc(0);
    return this.flush(false);
  }
  end(): Buffer {
    return this.flush(true);
  }
  private flush(last: boolean): Buffer {
    const input = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    // Each block is a complete raw-deflate segment ending in a sync flush (not final) or a final block.
    return zlib.deflateRawSync(input, { level: 9, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
  }
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const col = (i: number) => String.fromCharCode(65 + i);

/**
 * An .xlsx whose first sheet holds `header`, then `padding` bytes of blanks, then `rows` copies of `row` (strings
 * shared, as Excel writes them), generated in pieces so that a 300 MB sheet never sits in memory whole.
 * `declaredSheetSize` lies about the sheet's inflated size in the archive's directories.
 */
export function xlsx(opts: { header: string[]; row: string[]; rows: number; padding?: number; declaredSheetSize?: number }): Buffer {
  const strings = [...opts.header, ...opts.row];
  const shared =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    `count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join("")}</sst>`;
  const rowXml = (n: number, first: number, count: number) =>
    `<row r="${n}">${Array.from({ length: count }, (_, i) => `<c r="${col(i)}${n}" t="s"><v>${first + i}</v></c>`).join("")}</row>`;
  function* sheet() {
    yield Buffer.from(SHEET_HEAD + rowXml(1, 0, opts.header.length));
    // Whitespace between rows is legal XML and means nothing: the cheapest way to make a sheet huge.
    const blank = Buffer.alloc(1024 * 1024, 0x20);
    for (let left = opts.padding ?? 0; left > 0; left -= blank.length) yield left >= blank.length ? blank : blank.subarray(0, left);
    let piece = "";
    for (let n = 2; n <= opts.rows + 1; n++) {
      piece += rowXml(n, opts.header.length, opts.row.length);
      if (piece.length > 1024 * 1024) {
        yield Buffer.from(piece);
        piece = "";
      }
    }
    yield Buffer.from(piece + SHEET_TAIL);
  }
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(RELS) },
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(WORKBOOK_RELS) },
    { name: "xl/sharedStrings.xml", data: Buffer.from(shared) },
    { name: "xl/worksheets/sheet1.xml", data: sheet(), declaredSize: opts.declaredSheetSize },
  ]);
}

/**
 * A catalogue-shaped spreadsheet: `rows` identical procedure rows (about 190 bytes each once inflated), after
 * `padding` blank bytes (1 MB of blanks deflates to about 1 KB: a zip bomb).
 */
export function catalogueXlsx(opts: { rows: number; padding?: number; declaredSheetSize?: number }): Buffer {
  return xlsx({
    header: ["Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Thời hạn giải quyết", "Mức độ"],
    row: ["1.000001", "Đăng ký khai sinh", "Hộ tịch", "Ngay trong ngày", "toàn trình"],
    ...opts,
  });
}

export type RawResponse = { status: number; headers: Record<string, string | undefined> & { "set-cookie"?: string[] }; body: string; ms: number };

/**
 * One HTTP/1.1 request written by hand on a socket: any method, any header (or none), a body given as bytes or
 * produced in pieces (then sent chunked), from a chosen local address (127.0.0.2, 127.0.0.3… are all this machine on
 * Linux). The answer counts from the moment it is complete, even if the server answered before the body was all
 * sent (a 413): then the socket is closed and the rest of the body is not sent. Node's own client reports such an
 * early answer as a failed write, depending on timing; this one does not.
 */
export function rawRequest(
  base: string,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: Buffer | string | (() => AsyncIterable<Buffer>);
    localAddress?: string;
    timeoutMs?: number;
  },
): Promise<RawResponse> {
  const url = new URL(base);
  const started = performance.now();
  const method = opts.method ?? "GET";
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port), localAddress: opts.localAddress });
    const received: Buffer[] = [];
    let settled = false;
    const timer = setTimeout(() => {
      socket.destroy();
      settle(new Error(`timeout after ${opts.timeoutMs ?? 120_000} ms`));
    }, opts.timeoutMs ?? 120_000);
    function settle(error?: Error) {
      if (settled) return;
      const parsed = parseResponse(Buffer.concat(received), method, true);
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (parsed) resolve({ ...parsed, ms: performance.now() - started });
      else reject(error ?? new Error("the connection closed without an answer"));
    }
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      const parsed = parseResponse(Buffer.concat(received), method, false);
      if (parsed && !settled) {
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        resolve({ ...parsed, ms: performance.now() - started });
      }
    });
    socket.on("close", () => settle());
    socket.on("error", (e) => settle(e)); // EPIPE/ECONNRESET after an answer: the answer stands
    socket.on("connect", async () => {
      const headers: Record<string, string> = { Host: url.host, ...opts.headers };
      const body = opts.body;
      const has = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name);
      if (typeof body === "function") {
        if (!has("transfer-encoding")) headers["Transfer-Encoding"] = "chunked";
      } else if (body !== undefined && !has("content-length")) headers["Content-Length"] = String(Buffer.byteLength(body));
      const head = `${method} ${opts.path} HTTP/1.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join("")}\r\n`;
      const write = (data: Buffer | string) =>
        settled || socket.destroyed ? Promise.resolve() : new Promise<void>((r) => (socket.write(data) ? r() : socket.once("drain", r)));
      try {
        await write(Buffer.from(head, "latin1"));
        if (typeof body === "function") {
          for await (const piece of body()) {
            if (settled) return;
            await write(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]));
          }
          await write("0\r\n\r\n");
        } else if (body !== undefined) {
          const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
          for (let i = 0; i < bytes.length && !settled; i += 1024 * 1024) await write(bytes.subarray(i, i + 1024 * 1024));
        }
      } catch {
        /* the server closed the connection: its answer (if any) is what counts */
      }
    });
  });
}

/** A complete HTTP response in `raw`, or undefined while it is not complete (`ended`: the connection is closed). */
function parseResponse(raw: Buffer, method: string, ended: boolean): Omit<RawResponse, "ms"> | undefined {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const lines = raw.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "")?.[1] ?? 0);
  if (status >= 100 && status < 200) return parseResponse(raw.subarray(end + 4), method, ended);
  const headers: RawResponse["headers"] = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = Buffer.from(line.slice(colon + 1).trim(), "latin1").toString("utf8");
    if (key === "set-cookie") (headers["set-cookie"] ??= []).push(value);
    else headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  let rest = raw.subarray(end + 4);
  if (method === "HEAD" || status === 204 || status === 304) rest = Buffer.alloc(0);
  else if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
    const parts: Buffer[] = [];
    for (let p = 0; ;) {
      const eol = rest.indexOf("\r\n", p);
      if (eol < 0) return ended ? { status, headers, body: Buffer.concat(parts).toString("utf8") } : undefined;
      const size = parseInt(rest.subarray(p, eol).toString("latin1"), 16);
      if (size === 0) break;
      if (rest.length < eol + 2 + size + 2) return ended ? { status, headers, body: Buffer.concat(parts).toString("utf8") } : undefined;
      parts.push(rest.subarray(eol + 2, eol + 2 + size));
      p = eol + 2 + size + 2;
    }
    rest = Buffer.concat(parts);
  } else if (headers["content-length"] !== undefined) {
    const length = Number(headers["content-length"]);
    if (rest.length < length && !ended) return undefined;
    rest = rest.subarray(0, length);
  } else if (!ended) return undefined;
  return { status, headers, body: rest.toString("utf8") };
}

/** The server as a person starts it in development (`tsx server.ts --dev`: no build needed), on a free port. */
export async function startDevServer(env: Record<string, string>): Promise<{ base: string; child: ChildProcess; log: () => string }> {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  // The test runner's own variables stay out: the server must run as a person runs it.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "TEST"));
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts", "--dev"], {
    env: { ...inherited, NODE_ENV: "development", PORT: String(port), HOST: "127.0.0.1", SCHEDULER: "off", SECURE_COOKIES: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const base = `http://127.0.0.1:${port}`;
  for (const budget = timeBudget(180_000); !budget.exceeded();) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    try {
      if ((await rawRequest(base, { path: "/healthz", timeoutMs: 5000 })).status === 200) return { base, child, log: () => log };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start: ${log}`);
}

/** A process's resident memory in MB (0 when it is gone). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * Run `fn` while /healthz is asked every 200 ms and the server's memory sampled: the slowest health answer and the
 * highest memory seen during the attack, then the memory once the server has settled (at most `settleMs`).
 */
export async function underWatch<T>(
  base: string,
  pid: number,
  fn: () => Promise<T>,
  settle: { toMb?: number; settleMs?: number } = {},
): Promise<{ result: T; ms: number; worstHealthMs: number; healthFailures: number; rssBefore: number; rssPeak: number; rssAfter: number }> {
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  let worstHealthMs = 0;
  let healthFailures = 0;
  let stop = false;
  const poll = (async () => {
    while (!stop) {
      const t = performance.now();
      try {
        const r = await rawRequest(base, { path: "/healthz", timeoutMs: 30_000 });
        if (r.status !== 200) healthFailures++;
      } catch {
        healthFailures++;
      }
      worstHealthMs = Math.max(worstHealthMs, performance.now() - t);
      rssPeak = Math.max(rssPeak, rssMb(pid));
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const t0 = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t0;
    stop = true;
    await poll;
    let rssAfter = rssMb(pid);
    for (const budget = timeBudget(settle.settleMs ?? 15_000); rssAfter > (settle.toMb ?? rssBefore + 60) && !budget.exceeded();) {
      await new Promise((r) => setTimeout(r, 500));
      rssAfter = rssMb(pid);
    }
    return { result, ms, worstHealthMs, healthFailures, rssBefore, rssPeak, rssAfter };
  } finally {
    stop = true;
    await poll;
  }
}
