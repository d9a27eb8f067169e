// npm run db:seed — load the demo data into the (migrated) database under DATA_DIR, if it has no units yet, with
// keyed trail rows and the demo signing keys, as the server's own first start does (seedDataFolder).
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { holdDataFolder } from "~/lib/data-lock.server";
import { openDatabase } from "./client";
import { seedDataFolder } from "./seed";

const config = readConfig();
holdDataFolder(config.dataDir, "seed", now());
const db = openDatabase(config.dbFile, { migrationsDir: config.migrationsDir });
const done = await seedDataFolder(db, config.dataDir, now());
console.log(done ? "demo data loaded" : "database already has units: nothing loaded");
db.$client.close();
