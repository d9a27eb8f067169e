CREATE TABLE `compliance_facts` (
	`unit_id` integer PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`facts` text NOT NULL,
	`computed_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
