DROP INDEX `corrective_actions_unit_status_idx`;--> statement-breakpoint
CREATE INDEX `corrective_actions_unit_status_due_idx` ON `corrective_actions` (`unit_id`,`status`,`due_on`);