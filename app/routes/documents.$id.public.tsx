import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { setFilePublic } from "~/modules/documents/publish-file.server";
import { PublishFileSchema } from "~/modules/documents/schema";
import { handle, idParam, requireCtx, submit } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";

/** POST only (the button on the document page): whether the unit's public page offers the document's file. */
export const action = handle(async ({ request, params }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "documents.draft");
  const id = idParam(params.id);
  return submit(await request.formData(), PublishFileSchema, (value) => {
    setFilePublic(ctx, id, value.public === "1");
    return redirectWithFlash(`/documents/${id}`, { key: value.public === "1" ? "documents.public.published" : "documents.public.unpublished" });
  });
});

export const loader = handle(async ({ request, params }: LoaderFunctionArgs) => {
  await requireCtx(request);
  return redirect(`/documents/${idParam(params.id)}`);
});
