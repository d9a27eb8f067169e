// npm run db:seed — load the demo data into the (migrated) database under DATA_DIR, if it has no units yet.
import { readConfig } from "~/lib/config.server";
import { openDatabase } from "./client";
import { seedDemo } from "./seed";

const config = readConfig();
const db = openDatabase(config.dbFile, { migrationsDir: config.migrationsDir });
const done = await seedDemo(db);
console.log(done ? "demo data loaded" : "database already has units: nothing loaded");
db.$client.close();
