import type { z } from "zod";
import { config } from "~/lib/config.server";
import { submit } from "./edge.server";
import { parseMultipart } from "./uploads.server";

/** A file attached to a record, as the domain verbs take it: stored under the uploads folder, at most the upload limit. */
export type AttachedFile = { file: File; uploadsDir: string; maxBytes: number };

/** The form's `file` when one was chosen; an empty file input still sends a part, of size 0, which means none. */
export function attachedFile(formData: FormData): AttachedFile | undefined {
  const file = formData.get("file");
  return file && typeof file === "object" && (file as File).size > 0
    ? { file: file as File, uploadsDir: config().uploadsDir, maxBytes: config().uploadMaxBytes }
    : undefined;
}

/**
 * The action of a form that records something with one optional attached file (`RecordWithFileForm`): read the
 * multipart body (the upload limit applies), check the fields with the schema and run the verb with the value and
 * the file, as `submit` does. A file over the limit comes back beside the field (400), the rest of the input kept,
 * unless `onTooLarge` answers it otherwise.
 */
export async function submitWithFile<S extends z.ZodType, R, T = never>(
  request: Request,
  schema: S,
  run: (value: z.output<S>, file: AttachedFile | undefined) => R | Promise<R>,
  opts: { onTooLarge?: () => T | Promise<T> } = {},
) {
  const { formData, tooLarge } = await parseMultipart(request);
  if (tooLarge && opts.onTooLarge) return opts.onTooLarge();
  return submit(formData, schema, (value) => run(value, attachedFile(formData)), { tooLarge });
}
