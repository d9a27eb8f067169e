import { Readable } from "node:stream";
import yazl from "yazl";
import { sanitiseName } from "../files/store.server";

/** One paper of an archive: a file on disk (read when its turn comes) or a few bytes made for the archive. */
export type ZipItem = { name: string; path?: string; bytes?: Buffer };

/**
 * A ZIP archive as a stream: entries are written one after the other as the reader takes them, files read from disk
 * in their turn (yazl pipes each with backpressure), so the archive is never whole in memory however many papers it
 * holds. Names are folders + sanitised file names (no traversal, no control characters); a repeated name gets
 * " (2)". Files that are compressed already (PDF, Office, images) are stored, not deflated again.
 */
export function zipStream(items: ZipItem[], mtime: Date): Readable {
  const zip = new yazl.ZipFile();
  const used = new Set<string>();
  for (const item of items) {
    const name = uniqueName(safePath(item.name), used);
    const compress = !/\.(pdf|docx|xlsx|zip|png|jpe?g|webp)$/i.test(name);
    const opts = { compress, mtime };
    if (item.bytes) zip.addBuffer(item.bytes, name, opts);
    else if (item.path) zip.addFile(item.path, name, opts);
  }
  zip.end();
  return zip.outputStream as Readable;
}

function safePath(name: string): string {
  return name
    .split("/")
    .map((part) => sanitiseName(part))
    .join("/");
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > name.lastIndexOf("/") + 1 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}
