CREATE TABLE `audit_checklist_evidence` (
	`item_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`item_id`, `file_id`),
	FOREIGN KEY (`item_id`) REFERENCES `audit_checklist_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_checklist_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`clause_code` text,
	`process_id` integer,
	`question` text NOT NULL,
	`sort_order` integer NOT NULL,
	`result` text,
	`notes` text,
	`answered_by_id` integer,
	`answered_at` integer,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`clause_code`) REFERENCES `iso_clauses`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`process_id`) REFERENCES `audit_scope_processes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_checklist_items_audit_idx` ON `audit_checklist_items` (`audit_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `audit_findings` (
	`finding_id` integer PRIMARY KEY NOT NULL,
	`audit_id` integer NOT NULL,
	`checklist_item_id` integer,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checklist_item_id`) REFERENCES `audit_checklist_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_findings_audit_idx` ON `audit_findings` (`audit_id`);--> statement-breakpoint
CREATE INDEX `audit_findings_item_idx` ON `audit_findings` (`checklist_item_id`);--> statement-breakpoint
CREATE TABLE `audit_programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`objectives` text,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_programmes_unit_year_uq` ON `audit_programmes` (`unit_id`,`year`);--> statement-breakpoint
CREATE TABLE `audit_question_bank` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`applies_to` text NOT NULL,
	`clause_code` text,
	`question` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`clause_code`) REFERENCES `iso_clauses`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_question_bank_clause_idx` ON `audit_question_bank` (`clause_code`,`sort_order`);--> statement-breakpoint
CREATE TABLE `audit_scope_clauses` (
	`audit_id` integer NOT NULL,
	`clause_code` text NOT NULL,
	PRIMARY KEY(`audit_id`, `clause_code`),
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`clause_code`) REFERENCES `iso_clauses`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_scope_processes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audit_id` integer NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`document_id` integer,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_scope_processes_audit_idx` ON `audit_scope_processes` (`audit_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `audit_scope_processes_document_idx` ON `audit_scope_processes` (`document_id`);--> statement-breakpoint
CREATE TABLE `audit_team_members` (
	`audit_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`audit_id`, `user_id`),
	FOREIGN KEY (`audit_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_team_members_user_idx` ON `audit_team_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `audits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`title` text NOT NULL,
	`objectives` text,
	`start_on` text NOT NULL,
	`end_on` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`lead_auditor_id` integer NOT NULL,
	`conclusion` text,
	`reported_on` text,
	`closed_at` integer,
	`copied_from_id` integer,
	`planned_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `audit_programmes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_auditor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`copied_from_id`) REFERENCES `audits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`planned_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audits_unit_status_idx` ON `audits` (`unit_id`,`status`,`reported_on`);--> statement-breakpoint
CREATE INDEX `audits_programme_idx` ON `audits` (`programme_id`);--> statement-breakpoint
CREATE INDEX `audits_lead_idx` ON `audits` (`lead_auditor_id`);--> statement-breakpoint
CREATE TABLE `inspection_findings` (
	`finding_id` integer PRIMARY KEY NOT NULL,
	`inspection_id` integer NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_findings_inspection_idx` ON `inspection_findings` (`inspection_id`);--> statement-breakpoint
CREATE TABLE `inspection_plan_units` (
	`plan_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`method` text NOT NULL,
	`planned_month` integer,
	PRIMARY KEY(`plan_id`, `unit_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `inspection_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_plan_units_unit_idx` ON `inspection_plan_units` (`unit_id`);--> statement-breakpoint
CREATE TABLE `inspection_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`document_number` text,
	`issued_on` text,
	`notes` text,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_plans_unit_year_uq` ON `inspection_plans` (`unit_id`,`year`);--> statement-breakpoint
CREATE TABLE `inspection_team_members` (
	`inspection_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`is_lead` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`inspection_id`, `user_id`),
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer,
	`unit_id` integer NOT NULL,
	`by_unit_id` integer NOT NULL,
	`method` text NOT NULL,
	`decision_number` text NOT NULL,
	`decision_on` text NOT NULL,
	`planned_on` text,
	`minutes_signed_on` text,
	`minutes_summary` text,
	`minutes_file_id` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `inspection_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`minutes_file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspections_unit_idx` ON `inspections` (`unit_id`,`decision_on`);--> statement-breakpoint
CREATE INDEX `inspections_plan_idx` ON `inspections` (`plan_id`);--> statement-breakpoint
CREATE INDEX `inspections_by_unit_idx` ON `inspections` (`by_unit_id`);--> statement-breakpoint
CREATE TABLE `conformity_announcements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`decision_number` text NOT NULL,
	`decided_on` text NOT NULL,
	`scope` text NOT NULL,
	`notified_on` text,
	`posted_on` text,
	`file_id` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conformity_announcements_unit_idx` ON `conformity_announcements` (`unit_id`,`decided_on`);--> statement-breakpoint
CREATE TABLE `effectiveness_confirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`confirmed_on` text NOT NULL,
	`confirmed_by_id` integer NOT NULL,
	`signed_name` text NOT NULL,
	`signed_title` text,
	`statement` text NOT NULL,
	`document_number` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `effectiveness_confirmations_unit_idx` ON `effectiveness_confirmations` (`unit_id`,`confirmed_on`);--> statement-breakpoint
CREATE TABLE `management_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`chaired_by` text NOT NULL,
	`participants` text,
	`inputs` text NOT NULL,
	`decisions` text NOT NULL,
	`file_id` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `management_reviews_unit_idx` ON `management_reviews` (`unit_id`,`held_on`);