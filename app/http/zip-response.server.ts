import { Readable } from "node:stream";
import { contentDisposition } from "~/modules/files/store.server";

/**
 * A ZIP archive answered as it is written: the body is the archive's stream (never whole in memory), its length
 * unknown, so it goes out chunked. A reader who disconnects stops the stream and the files it was reading.
 */
export function zipResponse(fileName: string, stream: Readable): Response {
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(fileName),
      "Cache-Control": "private, max-age=0",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
