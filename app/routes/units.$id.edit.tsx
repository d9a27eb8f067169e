import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UnitForm } from "~/components/unit-form";
import { requireCapability } from "~/modules/permissions";
import { unitFormOptions } from "~/modules/units/form-options.server";
import { predecessorIdsOf } from "~/modules/units/queries.server";
import { updateUnit } from "~/modules/units/save-unit.server";
import { UnitSchema } from "~/modules/units/schema";
import { getUnitInScopeOrThrow, scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, idParam, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";
import { dayToInput } from "~/utils/zod";

export const meta: MetaFunction = () => [{ title: "Sửa đơn vị · ISO Xã" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const db = getDb();
  try {
    requireCapability(user, "units.manage");
    const scope = scopeFor(db, user);
    const unit = getUnitInScopeOrThrow(db, scope, id);
    return {
      unit: {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentId: unit.parentId ? String(unit.parentId) : "",
        placeName: unit.placeName,
        validFrom: dayToInput(unit.validFrom),
        validTo: dayToInput(unit.validTo),
        predecessorIds: predecessorIdsOf(db, id).map(String),
      },
      ...unitFormOptions(db, scope, unit.path),
    };
  } catch (e) {
    rethrowAsResponse(e);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const submission = parseForm(await request.formData(), UnitSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    updateUnit(ctxFor(user), id, submission.value);
    return redirectWithFlash(`/units/${id}`, { key: "common.saved" });
  });
}

export default function EditUnit() {
  const { unit, parents, predecessorChoices } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>
        {t("units.edit")}: {unit.name}
      </h1>
      <UnitForm
        lastResult={useActionData<typeof action>()}
        defaultValue={unit}
        parents={parents}
        predecessorChoices={predecessorChoices}
        cancelTo={`/units/${unit.id}`}
      />
    </>
  );
}
