CREATE TABLE `announcement_procedures` (
	`announcement_id` integer NOT NULL,
	`procedure_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`field` text NOT NULL,
	PRIMARY KEY(`announcement_id`, `procedure_id`),
	FOREIGN KEY (`announcement_id`) REFERENCES `conformity_announcements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `documents` ADD `public_file` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `conformity_announcements` ADD `issued_year` integer;--> statement-breakpoint
ALTER TABLE `conformity_announcements` ADD `issued_seq` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `conformity_announcements_number_uq` ON `conformity_announcements` (`unit_id`,`issued_year`,`issued_seq`);