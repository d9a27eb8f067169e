// npm run db:seed — load the demo data into the (migrated) database under DATA_DIR, if it has no units yet.
import { now } from "~/lib/clock.server";
import { readConfig } from "~/lib/config.server";
import { holdDataFolder } from "~/lib/data-lock.server";
import { unitKeysDir } from "~/modules/certificates/sign.server";
import { prepareTrail } from "~/modules/trail/keying.server";
import { openDatabase } from "./client";
import { seedDemo } from "./seed";

const config = readConfig();
holdDataFolder(config.dataDir, "seed", now());
const db = openDatabase(config.dbFile, { migrationsDir: config.migrationsDir });
// The trail key first, as every writing process loads it (openDataFolder): the seed's trail rows are then keyed
// like the server's, never plain rows appended to a keyed chain.
prepareTrail(db, config.dataDir, now());
const done = await seedDemo(db, now(), { keysDir: unitKeysDir(config.dataDir) });
console.log(done ? "demo data loaded" : "database already has units: nothing loaded");
db.$client.close();
