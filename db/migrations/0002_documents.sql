CREATE TABLE `procedures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`field` text NOT NULL,
	`processing_time` text,
	`online_level` text DEFAULT 'none' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `procedures_unit_code_uq` ON `procedures` (`unit_id`,`code`);--> statement-breakpoint
CREATE INDEX `procedures_unit_field_idx` ON `procedures` (`unit_id`,`field`);--> statement-breakpoint
CREATE TABLE `document_clauses` (
	`document_id` integer NOT NULL,
	`clause_code` text NOT NULL,
	PRIMARY KEY(`document_id`, `clause_code`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clause_code`) REFERENCES `iso_clauses`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_clauses_clause_idx` ON `document_clauses` (`clause_code`);--> statement-breakpoint
CREATE TABLE `document_procedures` (
	`document_id` integer NOT NULL,
	`procedure_id` integer NOT NULL,
	PRIMARY KEY(`document_id`, `procedure_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`procedure_id`) REFERENCES `procedures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_procedures_proc_idx` ON `document_procedures` (`procedure_id`);--> statement-breakpoint
CREATE TABLE `document_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`reviewer_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_reviews_doc_idx` ON `document_reviews` (`document_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `document_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`number` integer NOT NULL,
	`change_summary` text NOT NULL,
	`file_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`drafted_by_id` integer,
	`drafted_at` integer NOT NULL,
	`submitted_at` integer,
	`reviewed_by_id` integer,
	`reviewed_at` integer,
	`review_note` text,
	`approved_by_id` integer,
	`approved_at` integer,
	`effective_from` text,
	`effective_at` integer,
	`superseded_at` integer,
	`superseded_by_id` integer,
	`obsolete_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drafted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by_id`) REFERENCES `document_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_revisions_doc_number_uq` ON `document_revisions` (`document_id`,`number`);--> statement-breakpoint
CREATE INDEX `document_revisions_status_idx` ON `document_revisions` (`status`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`owner` text NOT NULL,
	`review_cycle_months` integer DEFAULT 12 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`current_revision_id` integer,
	`effective_from` text,
	`last_reviewed_on` text,
	`needs_revision` integer DEFAULT false NOT NULL,
	`next_review_on` text,
	`update_due_on` text,
	`withdrawn_at` integer,
	`withdrawn_by_id` integer,
	`withdraw_reason` text,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`current_revision_id`) REFERENCES `document_revisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_unit_code_uq` ON `documents` (`unit_id`,`code`);--> statement-breakpoint
CREATE INDEX `documents_unit_status_idx` ON `documents` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `documents_next_review_idx` ON `documents` (`next_review_on`);--> statement-breakpoint
CREATE INDEX `documents_update_due_idx` ON `documents` (`update_due_on`);--> statement-breakpoint
CREATE TABLE `legal_change_documents` (
	`legal_change_id` integer NOT NULL,
	`document_id` integer NOT NULL,
	`linked_at` integer NOT NULL,
	`resolved_revision_id` integer,
	`resolved_on` text,
	PRIMARY KEY(`legal_change_id`, `document_id`),
	FOREIGN KEY (`legal_change_id`) REFERENCES `legal_changes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_revision_id`) REFERENCES `document_revisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `legal_change_documents_doc_idx` ON `legal_change_documents` (`document_id`,`resolved_on`);--> statement-breakpoint
CREATE TABLE `legal_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`text_number` text NOT NULL,
	`title` text NOT NULL,
	`effective_on` text NOT NULL,
	`note` text,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `legal_changes_unit_idx` ON `legal_changes` (`unit_id`,`effective_on`);