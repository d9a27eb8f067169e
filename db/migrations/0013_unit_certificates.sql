CREATE TABLE `unit_certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`subject` text NOT NULL,
	`subject_dn` text NOT NULL,
	`issuer_dn` text NOT NULL,
	`serial` text NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_to` integer NOT NULL,
	`is_demo` integer DEFAULT 0 NOT NULL,
	`fingerprint` text NOT NULL,
	`chain_pem` text NOT NULL,
	`key_file` text NOT NULL,
	`uploaded_by_id` integer,
	`created_at` integer NOT NULL,
	`replaced_at` integer,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_certificates_current_uq` ON `unit_certificates` (`unit_id`) WHERE replaced_at IS NULL;
--> statement-breakpoint
CREATE INDEX `unit_certificates_unit_idx` ON `unit_certificates` (`unit_id`,`created_at`);
--> statement-breakpoint
ALTER TABLE `reports` ADD `certificate_id` integer REFERENCES unit_certificates(id);
--> statement-breakpoint
ALTER TABLE `reports` ADD `unsigned_reason` text;
