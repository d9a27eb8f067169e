CREATE TABLE `ca_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`added_by_id` integer,
	`added_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `corrective_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ca_evidence_action_idx` ON `ca_evidence` (`action_id`);--> statement-breakpoint
CREATE TABLE `ca_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`requested_by_id` integer NOT NULL,
	`requested_at` integer NOT NULL,
	`current_due_on` text NOT NULL,
	`proposed_due_on` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decided_by_id` integer,
	`decided_at` integer,
	`decision_note` text,
	FOREIGN KEY (`action_id`) REFERENCES `corrective_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ca_extensions_action_idx` ON `ca_extensions` (`action_id`);--> statement-breakpoint
CREATE INDEX `ca_extensions_unit_status_idx` ON `ca_extensions` (`unit_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `ca_extensions_pending_uq` ON `ca_extensions` (`action_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `ca_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`correction` text,
	`root_cause_method` text DEFAULT 'five_whys' NOT NULL,
	`whys` text,
	`root_cause` text,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ca_requests_finding_uq` ON `ca_requests` (`finding_id`);--> statement-breakpoint
CREATE INDEX `ca_requests_unit_idx` ON `ca_requests` (`unit_id`);--> statement-breakpoint
CREATE TABLE `ca_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`verifier_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`note` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `corrective_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verifier_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ca_reviews_action_idx` ON `ca_reviews` (`action_id`,`at`);--> statement-breakpoint
CREATE TABLE `ca_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`signer_id` integer NOT NULL,
	`signer_name` text NOT NULL,
	`signer_title` text,
	`capacity` text NOT NULL,
	`comment` text,
	`content_hash` text NOT NULL,
	`content` text NOT NULL,
	`signed_at` integer NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `corrective_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ca_signatures_action_idx` ON `ca_signatures` (`action_id`,`signed_at`);--> statement-breakpoint
CREATE TABLE `corrective_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`finding_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`overdue_since` text,
	`started_at` integer,
	`implemented_at` integer,
	`implemented_on` text,
	`implemented_by_id` integer,
	`implementation_note` text,
	`verified_at` integer,
	`verified_by_id` integer,
	`closed_at` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `ca_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`implemented_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `corrective_actions_finding_idx` ON `corrective_actions` (`finding_id`);--> statement-breakpoint
CREATE INDEX `corrective_actions_unit_status_idx` ON `corrective_actions` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `corrective_actions_owner_idx` ON `corrective_actions` (`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `corrective_actions_due_idx` ON `corrective_actions` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`kind` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`link` text,
	`unit_id` integer,
	`dedupe_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`mailed_at` integer,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_recipient_key_uq` ON `notifications` (`recipient_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_recipient_unread_idx` ON `notifications` (`recipient_id`,`read_at`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_mail_idx` ON `notifications` (`mailed_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
