CREATE TABLE `form_submissions` (
	`token` text PRIMARY KEY NOT NULL,
	`actor_user_id` integer NOT NULL,
	`result` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `form_submissions_at_idx` ON `form_submissions` (`at`);