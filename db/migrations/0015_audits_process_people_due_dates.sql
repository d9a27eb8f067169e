-- Who owns and who takes part in each process document: an auditor may not audit a process of theirs (ISO 9001 9.2.2).
CREATE TABLE `document_people` (
	`document_id` integer NOT NULL REFERENCES `documents`(`id`),
	`user_id` integer NOT NULL REFERENCES `users`(`id`),
	`role` text NOT NULL CHECK (`role` IN ('owner', 'participant')),
	PRIMARY KEY(`document_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `document_people_user_idx` ON `document_people` (`user_id`);
--> statement-breakpoint
-- A unit's policy for the due date of internal findings (days after the finding), per grade; no row = the defaults.
CREATE TABLE `finding_due_policies` (
	`unit_id` integer PRIMARY KEY NOT NULL REFERENCES `units`(`id`),
	`major_days` integer NOT NULL DEFAULT 30,
	`minor_days` integer NOT NULL DEFAULT 60,
	`other_days` integer NOT NULL DEFAULT 90,
	`updated_by_id` integer REFERENCES `users`(`id`),
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `findings` ADD `due_reason` text;
--> statement-breakpoint
ALTER TABLE `corrective_actions` ADD `late_reason` text;
--> statement-breakpoint
ALTER TABLE `inspections` ADD `report_due_on` text;
--> statement-breakpoint
ALTER TABLE `inspections` ADD `reported_back_on` text;
--> statement-breakpoint
ALTER TABLE `inspections` ADD `report_back_note` text;
--> statement-breakpoint
-- The legal deadline of the report back: two months after the minutes were signed (a day past the month's end is clamped).
UPDATE `inspections` SET `report_due_on` = CASE
	WHEN strftime('%d', date(`minutes_signed_on`, '+2 months')) = strftime('%d', `minutes_signed_on`) THEN date(`minutes_signed_on`, '+2 months')
	ELSE date(`minutes_signed_on`, 'start of month', '+3 months', '-1 day') END
WHERE `minutes_signed_on` IS NOT NULL;
--> statement-breakpoint
-- Inspection findings without a due date take the inspection's legal deadline.
UPDATE `findings` SET `action_due_on` = (
	SELECT i.`report_due_on` FROM `inspection_findings` x JOIN `inspections` i ON i.`id` = x.`inspection_id` WHERE x.`finding_id` = `findings`.`id`)
WHERE `action_due_on` IS NULL AND `source` = 'inspection';
--> statement-breakpoint
-- Every other finding without a due date: its unit's policy (30 days for a major nonconformity, 60 for a minor, 90 otherwise).
UPDATE `findings` SET `action_due_on` = date(`found_on`, '+' || (
	CASE `grade_code`
		WHEN 'major' THEN coalesce((SELECT p.`major_days` FROM `finding_due_policies` p WHERE p.`unit_id` = `findings`.`unit_id`), 30)
		WHEN 'minor' THEN coalesce((SELECT p.`minor_days` FROM `finding_due_policies` p WHERE p.`unit_id` = `findings`.`unit_id`), 60)
		ELSE coalesce((SELECT p.`other_days` FROM `finding_due_policies` p WHERE p.`unit_id` = `findings`.`unit_id`), 90) END
	) || ' days')
WHERE `action_due_on` IS NULL;
--> statement-breakpoint
-- The best report-back day known for past inspections: the day the last of their findings was acted upon (every
-- finding closed, or all of its corrective actions implemented); none while a finding still waits.
UPDATE `inspections` SET `reported_back_on` = (
	SELECT max(coalesce(
		(SELECT max(ca.`implemented_on`) FROM `corrective_actions` ca WHERE ca.`finding_id` = f.`id`),
		date(f.`closed_at` / 1000, 'unixepoch', '+7 hours')))
	FROM `inspection_findings` x JOIN `findings` f ON f.`id` = x.`finding_id` WHERE x.`inspection_id` = `inspections`.`id`)
WHERE `minutes_signed_on` IS NOT NULL
	AND EXISTS (SELECT 1 FROM `inspection_findings` x WHERE x.`inspection_id` = `inspections`.`id`)
	AND NOT EXISTS (
		SELECT 1 FROM `inspection_findings` x JOIN `findings` f ON f.`id` = x.`finding_id`
		WHERE x.`inspection_id` = `inspections`.`id` AND f.`status` <> 'closed' AND (
			NOT EXISTS (SELECT 1 FROM `corrective_actions` ca WHERE ca.`finding_id` = f.`id`)
			OR EXISTS (SELECT 1 FROM `corrective_actions` ca WHERE ca.`finding_id` = f.`id` AND ca.`implemented_on` IS NULL)));
