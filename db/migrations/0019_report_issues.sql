-- Issue 14 item 4: a report a unit sends (unit, area, yearly) goes draft → issued. One row per (kind, unit, period)
-- holds the narrative the officer writes (situation, results, difficulties, proposals) and, once the head issues
-- it, its number (NN/BC-UBND, per unit and year, no gaps: seq allocated inside the issuing transaction; the unique
-- index refuses a duplicate under concurrency), its date, its signer and the archived report row. Existing
-- reports were never issued this way: nothing to migrate (their rows stay what they were).
CREATE TABLE `report_issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`unit_id` integer NOT NULL REFERENCES `units`(`id`),
	`period_key` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`situation` text,
	`results` text,
	`difficulties` text,
	`proposals` text,
	`issued_year` integer,
	`issued_seq` integer,
	`number` text,
	`issued_on` text,
	`issued_by_id` integer REFERENCES `users`(`id`),
	`capacity` text,
	`report_id` integer REFERENCES `reports`(`id`),
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_issues_period_uq` ON `report_issues` (`kind`,`unit_id`,`period_key`);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_issues_number_uq` ON `report_issues` (`unit_id`,`issued_year`,`issued_seq`) WHERE issued_seq IS NOT NULL;
