import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProcedureForm } from "~/components/documents/procedure-form";
import { writableUnits } from "~/modules/documents/queries.server";
import { requireCapability } from "~/modules/permissions";
import { createProcedure } from "~/modules/procedures/save-procedure.server";
import { ProcedureSchema } from "~/modules/procedures/schema";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { vnDay } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Thêm TTHC · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "procedures.write");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const db = getDb();
  const units = writableUnits(db, scopeFor(db, user), vnDay(new Date()));
  return { units, defaultUnit: units.find((u) => u.id === user.unitId)?.id ?? units[0]?.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), ProcedureSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, () => {
    const p = createProcedure(ctxFor(user), submission.value);
    return redirectWithFlash(`/procedures/${p.id}`, { key: "procedures.saved" });
  });
}

export default function NewProcedure() {
  const { units, defaultUnit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("procedures.new")}</h1>
      <ProcedureForm lastResult={useActionData<typeof action>()} units={units} defaultValue={{ unitId: String(defaultUnit ?? ""), onlineLevel: "none", active: "on" }} cancelTo="/procedures" />
    </>
  );
}
