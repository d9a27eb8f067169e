// npm run scheduler — the scheduler alone, for deployments with several web processes started with SCHEDULER=off.
import { openDataFolder } from "~/modules/data-folder.server";
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { JOBS } from "./schedule";
import { startScheduler } from "./scheduler";

const config = readConfig();
const db = await openDataFolder(config, now, "scheduler");
const scheduler = startScheduler(db, config, JOBS);
for (const sig of ["SIGTERM", "SIGINT"] as const) {
  process.once(sig, () => {
    void scheduler.stop().then(() => {
      db.$client.close();
      process.exit(0);
    });
  });
}
