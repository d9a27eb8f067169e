import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { UnitForm } from "~/components/unit-form";
import { requireCapability } from "~/modules/permissions";
import { unitFormOptions } from "~/modules/units/form-options.server";
import { createUnit } from "~/modules/units/save-unit.server";
import { UnitSchema } from "~/modules/units/schema";
import { scopeFor } from "~/modules/units/scope.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { attempt, invalid, parseForm, rethrowAsResponse } from "~/utils/forms.server";
import { useT } from "~/utils/i18n";
import { ctxFor, requireUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Thêm đơn vị · ISO Xã" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    requireCapability(user, "units.manage");
  } catch (e) {
    rethrowAsResponse(e);
  }
  const db = getDb();
  return unitFormOptions(db, scopeFor(db, user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), UnitSchema);
  if (submission.status !== "success") return invalid(submission);
  return attempt(submission, async () => {
    const unit = createUnit(ctxFor(user), submission.value);
    return redirectWithFlash(`/units/${unit.id}`, { key: "common.saved" });
  });
}

export default function NewUnit() {
  const options = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("units.new")}</h1>
      <UnitForm lastResult={useActionData<typeof action>()} parents={options.parents} predecessorChoices={options.predecessorChoices} cancelTo="/units" />
    </>
  );
}
