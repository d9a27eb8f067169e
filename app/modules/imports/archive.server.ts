import { config } from "~/lib/config.server";
import type { ArchiveEntry, ArchiveLimits } from "./archive-core";
import { readingTurn, runInWorker } from "./tabular.server";

export type { ArchiveEntry, ArchiveLimits };

/**
 * What an honest archive of a unit's documents never comes near (a commune keeps 20 to 40 documents of a few hundred
 * KB), and what one reading may cost: each file no larger than a single upload, 200 files, 200 MB unpacked in all.
 */
export function archiveLimits(): ArchiveLimits {
  const c = config();
  return {
    maxBytes: c.uploadMaxBytes,
    maxEntries: 200,
    maxEntryBytes: c.uploadMaxBytes,
    maxTotalBytes: 200 * 1024 * 1024,
    maxRatio: 100,
    timeMs: 20_000,
  };
}

/**
 * The files of an uploaded ZIP archive, read in a worker thread of its own under `limits` (archive-core.ts says what
 * is refused), one reading at a time with the spreadsheets. Throws TableReadError (key + params) when refused.
 */
export async function readArchiveFile(bytes: Buffer, limits: Partial<ArchiveLimits> = {}): Promise<ArchiveEntry[]> {
  const l = { ...archiveLimits(), ...limits };
  const release = await readingTurn();
  try {
    const entries = await runInWorker<ArchiveEntry[]>(
      "archive-worker.mjs",
      { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits: l },
      l.timeMs,
    );
    return entries.map((e) => ({ name: e.name, bytes: new Uint8Array(e.bytes) }));
  } finally {
    release();
  }
}
