// npm run db:migrate — apply pending migrations to the database under DATA_DIR (the server also does this at start).
import { readConfig } from "~/lib/config.server";
import { appliedMigrations, openDatabase } from "./client";

const config = readConfig();
const db = openDatabase(config.dbFile, { migrationsDir: config.migrationsDir });
console.log(`${config.dbFile}: ${appliedMigrations(db)} migrations applied`);
db.$client.close();
