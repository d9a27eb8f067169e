import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { History } from "~/components/history";
import { ObjectiveForm } from "~/components/objective-form";
import { getObjectiveInScopeOrThrow } from "~/modules/objectives/queries.server";
import { updateObjective } from "~/modules/objectives/save-objective.server";
import { ObjectiveSchema } from "~/modules/objectives/schema";
import { requireCapability } from "~/modules/permissions";
import { userUnitOptions } from "~/modules/people/form-options.server";
import { historyOf } from "~/modules/trail/queries.server";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Mục tiêu chất lượng · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const db = getDb();
  try {
    requireCapability(user, "qms.write");
    const scope = scopeFor(db, user);
    const o = getObjectiveInScopeOrThrow(db, scope, id);
    return {
      objective: { ...o, unitId: String(o.unitId), year: String(o.year), target: String(o.target), manualValue: o.manualValue === null ? "" : String(o.manualValue), note: o.note ?? "" },
      units: userUnitOptions(db, scope, new Date(), o.unitId),
      history: historyOf(db, "quality_objective", id),
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  try {
    requireCapability(user, "qms.write");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const submission = parseForm(await request.formData(), ObjectiveSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const o = updateObjective(ctxFor(user), id, submission.value);
    return redirectWithFlash(`/objectives?year=${o.year}`, { key: "common.saved" });
  });
}

export default function EditObjective() {
  const { objective, units, history } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("objectives.edit")}</h1>
      <ObjectiveForm lastResult={useActionData<typeof action>()} units={units} defaultValue={objective} submitLabel={t("action.save")} />
      <History entries={history} />
    </>
  );
}
