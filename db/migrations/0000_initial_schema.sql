CREATE TABLE `unit_lineage` (
	`unit_id` integer NOT NULL,
	`predecessor_id` integer NOT NULL,
	`note` text,
	PRIMARY KEY(`unit_id`, `predecessor_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`predecessor_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_lineage_pred_idx` ON `unit_lineage` (`predecessor_id`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`path` text NOT NULL,
	`depth` integer NOT NULL,
	`place_name` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code_uq` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `units_parent_idx` ON `units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `units_path_idx` ON `units` (`path`);--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`username` text NOT NULL,
	`ip` text NOT NULL,
	`ok` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_attempts_ip_at_idx` ON `login_attempts` (`ip`,`at`);--> statement-breakpoint
CREATE INDEX `login_attempts_user_at_idx` ON `login_attempts` (`username`,`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`title` text,
	`email` text,
	`unit_id` integer NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`password_changed_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit_idx` ON `users` (`unit_id`,`role`);--> statement-breakpoint
CREATE TABLE `trail` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_user_id` integer,
	`actor_name` text NOT NULL,
	`unit_id` integer,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trail_entity_idx` ON `trail` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `trail_unit_idx` ON `trail` (`unit_id`,`id`);--> statement-breakpoint
CREATE INDEX `trail_at_idx` ON `trail` (`at`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`period_key` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`trigger` text NOT NULL,
	`owner` text NOT NULL,
	`started_at` integer NOT NULL,
	`heartbeat_at` integer NOT NULL,
	`finished_at` integer,
	`error` text,
	`output` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_runs_job_period_uq` ON `job_runs` (`job`,`period_key`);--> statement-breakpoint
CREATE INDEX `job_runs_started_idx` ON `job_runs` (`started_at`);--> statement-breakpoint
CREATE TABLE `finding_grades` (
	`code` text PRIMARY KEY NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`requires_action` integer NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `iso_clauses` (
	`code` text PRIMARY KEY NOT NULL,
	`parent_code` text,
	`title_vi` text NOT NULL,
	`title_en` text NOT NULL,
	`sort_order` integer NOT NULL,
	`usually_excluded` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`source` text NOT NULL,
	`grade_code` text NOT NULL,
	`clause_code` text,
	`description` text NOT NULL,
	`evidence` text,
	`found_on` text NOT NULL,
	`action_due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`raised_by_id` integer,
	`closed_at` integer,
	`closed_by_id` integer,
	`close_note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grade_code`) REFERENCES `finding_grades`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clause_code`) REFERENCES `iso_clauses`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `findings_unit_found_idx` ON `findings` (`unit_id`,`found_on`);--> statement-breakpoint
CREATE INDEX `findings_status_idx` ON `findings` (`status`,`unit_id`);--> statement-breakpoint
CREATE INDEX `findings_source_idx` ON `findings` (`source`,`found_on`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`ext` text NOT NULL,
	`original_name` text NOT NULL,
	`unit_id` integer NOT NULL,
	`uploaded_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `files_sha_idx` ON `files` (`sha256`);--> statement-breakpoint
CREATE INDEX `files_unit_idx` ON `files` (`unit_id`);--> statement-breakpoint
CREATE TABLE `quality_objectives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`measure` text NOT NULL,
	`target` real NOT NULL,
	`manual_value` real,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quality_objectives_unit_year_idx` ON `quality_objectives` (`unit_id`,`year`);--> statement-breakpoint
CREATE TABLE `service_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`month` text NOT NULL,
	`received` integer NOT NULL,
	`resolved_early` integer NOT NULL,
	`resolved_on_time` integer NOT NULL,
	`resolved_overdue` integer NOT NULL,
	`received_online` integer NOT NULL,
	`returned_by_post` integer NOT NULL,
	`feedback_received` integer DEFAULT 0 NOT NULL,
	`feedback_on_time` integer DEFAULT 0 NOT NULL,
	`surveyed` integer,
	`satisfied` integer,
	`source_file_id` integer,
	`updated_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_figures_unit_month_uq` ON `service_figures` (`unit_id`,`month`);--> statement-breakpoint
CREATE INDEX `service_figures_month_idx` ON `service_figures` (`month`);--> statement-breakpoint
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
--> statement-breakpoint
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
CREATE INDEX `reports_status_idx` ON `reports` (`status`,`created_at`);--> statement-breakpoint
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
CREATE INDEX `legal_changes_unit_idx` ON `legal_changes` (`unit_id`,`effective_on`);--> statement-breakpoint
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