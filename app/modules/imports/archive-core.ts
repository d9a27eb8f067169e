import yauzl from "yauzl";
import { TableReadError } from "./tabular-core";
import { timeBudget, type Budget } from "../../lib/budget"; // relative: the worker thread loads this file through tsx, no alias

/*
 * Reading a ZIP archive someone uploaded (a unit's existing documents), under hard limits. Runs inside a worker thread
 * (archive-worker.mjs, started by archive.server.ts like the spreadsheet reader): a hostile archive costs that
 * thread, never the web server. yauzl reads the central directory; every entry is judged on what the directory
 * declares before a byte of it is inflated, and yauzl stops any entry that inflates past its declared size.
 */

export type ArchiveLimits = {
  /** The archive as uploaded. */
  maxBytes: number;
  /** Files in the archive (folders and system litter such as __MACOSX/ and .DS_Store are not counted). */
  maxEntries: number;
  /** One file once unpacked: the single-upload limit. */
  maxEntryBytes: number;
  /** All files once unpacked. */
  maxTotalBytes: number;
  /** Unpacked size / packed size of one entry over which it is a bomb (PDF, DOCX, XLSX are compressed already). */
  maxRatio: number;
  timeMs: number;
};

export type ArchiveEntry = { name: string; bytes: Uint8Array };

/** Why an archive is refused: `message` is the i18n key, `params` name the entry and the limit. */
export function archiveError(key: string, params: Record<string, string | number> = {}): TableReadError {
  return Object.assign(new TableReadError(key), { params });
}

/** Entries a ZIP made by Windows Explorer or macOS Finder carries besides the files. */
function isLitter(name: string): boolean {
  return name.startsWith("__MACOSX/") || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(name) || /(^|\/)\._/.test(name);
}

/**
 * The files of an archive, names as stored (folders kept in the name), bytes inflated. Refused as a whole, naming the
 * entry: an unsafe name (absolute, "..", a drive letter, control characters), an encrypted or oddly compressed
 * entry, more than `maxEntries` files, a file or the sum over the limits, a ratio past `maxRatio`, or an entry that
 * inflates to more than it declared (a directory that lies about a bomb).
 */
export async function readArchive(bytes: Buffer, limits: ArchiveLimits, time: Budget = timeBudget(limits.timeMs)): Promise<ArchiveEntry[]> {
  if (bytes.length > limits.maxBytes) throw archiveError("imports.archive.tooBig", { max: mb(limits.maxBytes) });
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw archiveError("imports.archive.format");
  }
  const out: ArchiveEntry[] = [];
  let total = 0;
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      if (time.exceeded()) throw archiveError("imports.errors.tooSlow");
      const name = entryName(entry);
      if (name.endsWith("/") || isLitter(name)) continue;
      if (out.length >= limits.maxEntries) throw archiveError("imports.archive.tooManyEntries", { max: limits.maxEntries });
      if (entry.isEncrypted()) throw archiveError("imports.archive.encrypted", { name });
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw archiveError("imports.archive.method", { name });
      if (entry.uncompressedSize > limits.maxEntryBytes) throw archiveError("imports.archive.entryTooBig", { name, max: mb(limits.maxEntryBytes) });
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) throw archiveError("imports.archive.totalTooBig", { max: mb(limits.maxTotalBytes) });
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
        throw archiveError("imports.archive.bomb", { name });
      }
      out.push({ name, bytes: await inflate(zip, entry, name) });
    }
  } finally {
    zip.close();
  }
  return out;
}

const mb = (n: number) => Math.round(n / (1024 * 1024));

/** The entry's name decoded (UTF-8 flag or CP437, as yauzl does) and checked; backslashes read as folders. */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  const shown = name.replace(/\p{Cc}|\p{Cf}/gu, "?").slice(0, 200);
  // eslint-disable-next-line no-control-regex -- a control character in a stored name is refused
  if (/[\u0000-\u001f\u007f]/.test(name) || /(^|\/)\.\.?(\/|$)/.test(name)) throw archiveError("imports.archive.unsafeName", { name: shown });
  if (yauzl.validateFileName(name) !== null) throw archiveError("imports.archive.unsafeName", { name: shown });
  if (Buffer.byteLength(name) > 1024) throw archiveError("imports.archive.unsafeName", { name: shown });
  return name;
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (e: yauzl.Entry) => done(() => resolve(e));
    const onEnd = () => done(() => resolve(undefined));
    const onError = () => done(() => reject(archiveError("imports.archive.format")));
    const done = (fn: () => void) => {
      zip.off("entry", onEntry).off("end", onEnd).off("error", onError);
      fn();
    };
    zip.on("entry", onEntry).on("end", onEnd).on("error", onError);
    zip.readEntry();
  });
}

/** Inflate one entry; yauzl fails the stream the moment it passes the declared size (validateEntrySizes). */
function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(archiveError("imports.archive.format"));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (c: Buffer) => {
        size += c.length;
        if (size > entry.uncompressedSize) stream.destroy(archiveError("imports.archive.bomb", { name }));
        else chunks.push(c);
      });
      stream.on("error", (e) =>
        reject(
          e instanceof TableReadError
            ? e
            : /too many bytes/i.test(String(e))
              ? archiveError("imports.archive.bomb", { name })
              : archiveError("imports.archive.format"),
        ),
      );
      stream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    });
  });
}
