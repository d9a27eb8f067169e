import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getJob } from "#jobs/schedule";
import { runJob } from "#jobs/runner";
import { jobsOverview, periodRun } from "#jobs/overview.server";
import { config } from "~/lib/config.server";
import { handle, requireCtx } from "~/http/edge.server";
import { redirectWithFlash } from "~/http/flash.server";
import { jobLabel, makeT, periodLabel } from "~/i18n";
import { getLang } from "~/http/i18n.server";
import { useT } from "~/i18n/react";
import { formatDateTime } from "~/lib/time";
import { TableWrap } from "~/components/table-wrap";
import { titled } from "~/i18n/meta";

export const meta: MetaFunction = titled("title.admin.jobs");

export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const ctx = await requireCtx(request, "jobs.read");
  return jobsOverview(ctx.db, ctx.now);
});

/** Run a job's current period now (exactly once: an already produced period is reported as skipped). */
export const action = handle(async ({ request }: ActionFunctionArgs) => {
  const ctx = await requireCtx(request, "jobs.read");
  const job = getJob(String((await request.formData()).get("job") ?? ""));
  if (!job) throw new Response("errors.notFound", { status: 404 });
  const periodKey = job.periodKey(ctx.now);
  const outcome = await runJob(ctx.db, config(), job, periodKey, "manual", undefined, { force: true });
  // The flash names the job and its period in words (the person's language now); a skip says why.
  const t = makeT(await getLang(request));
  const params = { job: jobLabel(t, job.name), period: periodLabel(t, periodKey), error: outcome.error ?? "" };
  if (outcome.status !== "skipped") {
    return redirectWithFlash("/admin/jobs", { key: `jobs.ran.${outcome.status}`, params, kind: outcome.status === "failed" ? "error" : "success" });
  }
  const run = periodRun(ctx.db, job.name, periodKey);
  const key = run?.status === "succeeded" ? "jobs.ran.skippedDone" : run?.status === "running" ? "jobs.ran.skippedRunning" : "jobs.ran.skipped";
  const at = run?.status === "succeeded" ? (run.finishedAt ?? run.startedAt) : (run?.startedAt ?? 0);
  return redirectWithFlash("/admin/jobs", { key, params: { ...params, at: formatDateTime(at) } });
});

export default function Jobs() {
  const { jobs, runs } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("jobs.title")}</h1>
      <TableWrap label={t("jobs.title")}>
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t("jobs.job")}</th>
              <th scope="col">{t("jobs.schedule")}</th>
              <th scope="col">{t("jobs.nextRun")}</th>
              <th scope="col">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.name}>
                <td data-label={t("jobs.job")}>
                  <strong>{jobLabel(t, j.name)}</strong>
                  <div className="muted">{t(`jobs.description.${j.name}`)}</div>
                </td>
                <td data-label={t("jobs.schedule")}>{t(j.schedule.key, j.schedule.params)}</td>
                <td data-label={t("jobs.nextRun")}>{formatDateTime(j.nextRun) || "—"}</td>
                <td data-label={t("common.actions")}>
                  <Form method="post">
                    <input type="hidden" name="job" value={j.name} />
                    <button type="submit" className="secondary">
                      {t("jobs.runNow")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t("jobs.runs")}</h2>
      <TableWrap label={t("jobs.runs")}>
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">{t("jobs.job")}</th>
              <th scope="col">{t("jobs.period")}</th>
              <th scope="col">{t("common.status")}</th>
              <th scope="col">{t("jobs.trigger")}</th>
              <th scope="col">{t("jobs.started")}</th>
              <th scope="col">{t("jobs.finished")}</th>
              <th scope="col" className="num">
                {t("jobs.attempts")}
              </th>
              <th scope="col">{t("jobs.error")}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td data-label={t("jobs.job")}>{jobLabel(t, r.job)}</td>
                <td data-label={t("jobs.period")}>{periodLabel(t, r.periodKey)}</td>
                <td data-label={t("common.status")}>
                  <span className={`badge ${r.status === "succeeded" ? "badge-ok" : r.status === "failed" ? "badge-bad" : "badge-warn"}`}>
                    {t(`jobs.status.${r.status}`)}
                  </span>
                </td>
                <td data-label={t("jobs.trigger")}>{t(`jobs.trigger.${r.trigger}`)}</td>
                <td data-label={t("jobs.started")}>{formatDateTime(r.startedAt)}</td>
                <td data-label={t("jobs.finished")}>{formatDateTime(r.finishedAt)}</td>
                <td data-label={t("jobs.attempts")} className="num">
                  {r.attempts}
                </td>
                <td data-label={t("jobs.error")}>{r.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
