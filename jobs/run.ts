// npm run job -- <name> [periodKey] [--force] — run one job by hand, through the same exactly-once record.
import { openDataFolder } from "~/modules/data-folder.server";
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { runJob } from "./runner";
import { getJob, JOBS } from "./schedule";

const [name, maybePeriod] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const force = process.argv.includes("--force");
const job = name ? getJob(name) : undefined;
if (!job) {
  console.error(`usage: npm run job -- <name> [periodKey] [--force]\njobs: ${JOBS.map((j) => j.name).join(", ")}`);
  process.exit(2);
}
const config = readConfig();
const db = await openDataFolder(config, now, "job");
const periodKey = maybePeriod ?? job.periodKey(now());
const outcome = await runJob(db, config, job, periodKey, "manual", undefined, { force });
console.log(JSON.stringify({ job: job.name, periodKey, ...outcome }, null, 2));
db.$client.close();
process.exit(outcome.status === "failed" ? 1 : 0);
