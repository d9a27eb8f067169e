import { unstable_composeUploadHandlers, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import { config } from "~/lib/config.server";

/**
 * Parse a multipart form with files kept in memory up to the configured limit (UPLOAD_MAX_MB). A file over the
 * limit does not fail the request: the form comes back with `tooLarge` naming the field, so the page can say so
 * beside it and keep the other input. A malformed body comes back empty (`malformed`).
 */
export async function parseMultipart(request: Request): Promise<{ formData: FormData; tooLarge?: string; malformed?: boolean }> {
  const maxPartSize = config().uploadMaxBytes;
  try {
    const formData = await unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(unstable_createMemoryUploadHandler({ maxPartSize })));
    return { formData };
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return { formData: new FormData(), tooLarge: e.field };
    // A body that is not valid multipart (a hostile or broken client): answer as for an empty form, which every
    // caller rejects with field errors (400), never a 500.
    return { formData: new FormData(), malformed: true };
  }
}
