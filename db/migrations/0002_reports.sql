CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`unit_id` integer NOT NULL,
	`period_key` text NOT NULL,
	`subject_id` integer,
	`status` text NOT NULL,
	`progress` text,
	`trigger` text NOT NULL,
	`requested_by_id` integer,
	`job_name` text,
	`verify_code` text NOT NULL,
	`sha256` text,
	`size` integer,
	`pages` integer,
	`file` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_verify_code_uq` ON `reports` (`verify_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_scheduled_uq` ON `reports` (`kind`,`unit_id`,`period_key`) WHERE trigger = 'schedule';--> statement-breakpoint
CREATE INDEX `reports_sha_idx` ON `reports` (`sha256`);--> statement-breakpoint
CREATE INDEX `reports_unit_created_idx` ON `reports` (`unit_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`,`created_at`);