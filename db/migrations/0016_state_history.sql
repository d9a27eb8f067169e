-- State as of a date (decision 0013): effective-dated rows of what the reports need of findings, corrective
-- actions and documents. A row holds the state from `from_at` (inclusive, ms) to `to_at` (exclusive; NULL =
-- still current). Triggers write them inside the statement (so inside the write transaction) of every change,
-- whatever verb made it: the time is the row's own `updated_at` (set from ctx.now by every write), the creation
-- time for a new row, and the day a record says it began when it says so (a finding's day found, the day a
-- document registered after the fact took effect). No foreign keys: history outlives what it describes.
CREATE TABLE `finding_states` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`status` text NOT NULL,
	`found_on` text NOT NULL,
	`action_due_on` text,
	`from_at` integer NOT NULL,
	`to_at` integer
);
--> statement-breakpoint
CREATE INDEX `finding_states_unit_idx` ON `finding_states` (`unit_id`, `from_at`);
--> statement-breakpoint
CREATE INDEX `finding_states_record_idx` ON `finding_states` (`finding_id`, `from_at`);
--> statement-breakpoint
CREATE TABLE `corrective_action_states` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`finding_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`status` text NOT NULL,
	`due_on` text NOT NULL,
	`implemented_on` text,
	`from_at` integer NOT NULL,
	`to_at` integer
);
--> statement-breakpoint
CREATE INDEX `corrective_action_states_unit_idx` ON `corrective_action_states` (`unit_id`, `from_at`);
--> statement-breakpoint
CREATE INDEX `corrective_action_states_record_idx` ON `corrective_action_states` (`action_id`, `from_at`);
--> statement-breakpoint
CREATE INDEX `corrective_action_states_finding_idx` ON `corrective_action_states` (`finding_id`, `from_at`);
--> statement-breakpoint
CREATE TABLE `document_states` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`status` text NOT NULL,
	`kind` text NOT NULL,
	`current_revision_id` integer,
	`effective_from` text,
	`next_review_on` text,
	`update_due_on` text,
	`from_at` integer NOT NULL,
	`to_at` integer
);
--> statement-breakpoint
CREATE INDEX `document_states_unit_idx` ON `document_states` (`unit_id`, `from_at`);
--> statement-breakpoint
CREATE INDEX `document_states_record_idx` ON `document_states` (`document_id`, `from_at`);
--> statement-breakpoint
-- A report reads a unit's signatures up to its date (one query for all of its actions).
CREATE INDEX `ca_signatures_unit_idx` ON `ca_signatures` (`unit_id`, `signed_at`);
--> statement-breakpoint
-- Lists tell apart units that share a name (an old commune and the new one named after it) by their validity.
CREATE INDEX `units_name_idx` ON `units` (`name`);
--> statement-breakpoint
CREATE TRIGGER finding_states_insert AFTER INSERT ON findings
BEGIN
  INSERT INTO finding_states (finding_id, unit_id, status, found_on, action_due_on, from_at, to_at)
  VALUES (NEW.id, NEW.unit_id, 'open', NEW.found_on, NEW.action_due_on,
    MIN(NEW.created_at, (CAST(strftime('%s', NEW.found_on) AS INTEGER) - 25200) * 1000),
    CASE WHEN NEW.status = 'closed' THEN coalesce(NEW.closed_at, NEW.created_at) END);
  INSERT INTO finding_states (finding_id, unit_id, status, found_on, action_due_on, from_at, to_at)
  SELECT NEW.id, NEW.unit_id, NEW.status, NEW.found_on, NEW.action_due_on, coalesce(NEW.closed_at, NEW.created_at), NULL WHERE NEW.status <> 'open';
END;
--> statement-breakpoint
CREATE TRIGGER finding_states_update AFTER UPDATE ON findings
WHEN OLD.status IS NOT NEW.status OR OLD.found_on IS NOT NEW.found_on OR OLD.action_due_on IS NOT NEW.action_due_on OR OLD.unit_id IS NOT NEW.unit_id
BEGIN
  UPDATE finding_states SET to_at = NEW.updated_at WHERE finding_id = NEW.id AND to_at IS NULL;
  INSERT INTO finding_states (finding_id, unit_id, status, found_on, action_due_on, from_at, to_at)
  VALUES (NEW.id, NEW.unit_id, NEW.status, NEW.found_on, NEW.action_due_on, NEW.updated_at, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER corrective_action_states_insert AFTER INSERT ON corrective_actions
BEGIN
  INSERT INTO corrective_action_states (action_id, finding_id, unit_id, status, due_on, implemented_on, from_at, to_at)
  VALUES (NEW.id, NEW.finding_id, NEW.unit_id, NEW.status, NEW.due_on, NEW.implemented_on, NEW.created_at, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER corrective_action_states_update AFTER UPDATE ON corrective_actions
WHEN OLD.status IS NOT NEW.status OR OLD.due_on IS NOT NEW.due_on OR OLD.implemented_on IS NOT NEW.implemented_on OR OLD.unit_id IS NOT NEW.unit_id
BEGIN
  UPDATE corrective_action_states SET to_at = NEW.updated_at WHERE action_id = NEW.id AND to_at IS NULL;
  INSERT INTO corrective_action_states (action_id, finding_id, unit_id, status, due_on, implemented_on, from_at, to_at)
  VALUES (NEW.id, NEW.finding_id, NEW.unit_id, NEW.status, NEW.due_on, NEW.implemented_on, NEW.updated_at, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER document_states_insert AFTER INSERT ON documents
BEGIN
  INSERT INTO document_states (document_id, unit_id, status, kind, current_revision_id, effective_from, next_review_on, update_due_on, from_at, to_at)
  VALUES (NEW.id, NEW.unit_id, NEW.status, NEW.kind, NEW.current_revision_id, NEW.effective_from, NEW.next_review_on, NEW.update_due_on,
    CASE WHEN NEW.status = 'effective' AND NEW.effective_from IS NOT NULL
      THEN MIN(NEW.created_at, (CAST(strftime('%s', NEW.effective_from) AS INTEGER) - 25200) * 1000) ELSE NEW.created_at END, NULL);
END;
--> statement-breakpoint
-- A document registered after the fact (approved on paper before the system) is in force from its effective day.
CREATE TRIGGER document_states_update AFTER UPDATE ON documents
WHEN OLD.status IS NOT NEW.status OR OLD.kind IS NOT NEW.kind OR OLD.current_revision_id IS NOT NEW.current_revision_id
  OR OLD.effective_from IS NOT NEW.effective_from OR OLD.next_review_on IS NOT NEW.next_review_on
  OR OLD.update_due_on IS NOT NEW.update_due_on OR OLD.unit_id IS NOT NEW.unit_id
BEGIN
  UPDATE document_states SET to_at =
    CASE WHEN OLD.status = 'draft' AND NEW.status = 'effective' AND NEW.effective_from IS NOT NULL
      THEN MIN(NEW.updated_at, (CAST(strftime('%s', NEW.effective_from) AS INTEGER) - 25200) * 1000) ELSE NEW.updated_at END
  WHERE document_id = NEW.id AND to_at IS NULL;
  INSERT INTO document_states (document_id, unit_id, status, kind, current_revision_id, effective_from, next_review_on, update_due_on, from_at, to_at)
  VALUES (NEW.id, NEW.unit_id, NEW.status, NEW.kind, NEW.current_revision_id, NEW.effective_from, NEW.next_review_on, NEW.update_due_on,
    CASE WHEN OLD.status = 'draft' AND NEW.status = 'effective' AND NEW.effective_from IS NOT NULL
      THEN MIN(NEW.updated_at, (CAST(strftime('%s', NEW.effective_from) AS INTEGER) - 25200) * 1000) ELSE NEW.updated_at END, NULL);
END;
--> statement-breakpoint
-- Existing records, with the best dates known. Findings: open from the day found (or their creation if earlier),
-- closed from closed_at.
INSERT INTO finding_states (finding_id, unit_id, status, found_on, action_due_on, from_at, to_at)
SELECT id, unit_id, 'open', found_on, action_due_on, MIN(created_at, (CAST(strftime('%s', found_on) AS INTEGER) - 25200) * 1000),
  CASE WHEN status <> 'open' THEN coalesce(closed_at, updated_at) END
FROM findings;
--> statement-breakpoint
INSERT INTO finding_states (finding_id, unit_id, status, found_on, action_due_on, from_at, to_at)
SELECT id, unit_id, status, found_on, action_due_on, coalesce(closed_at, updated_at), NULL FROM findings WHERE status <> 'open';
--> statement-breakpoint
-- Corrective actions: each step from the moment its own column records (created, first signature, started,
-- implemented, verified, closed), then the state now from the last change; each step lasts until the next.
INSERT INTO corrective_action_states (action_id, finding_id, unit_id, status, due_on, implemented_on, from_at, to_at)
SELECT action_id, finding_id, unit_id, status, due_on, implemented_on, at,
  CASE WHEN ord = 9 THEN NULL ELSE LEAD(at) OVER (PARTITION BY action_id ORDER BY at, ord) END
FROM (
  SELECT id AS action_id, finding_id, unit_id, 'proposed' AS status, due_on, NULL AS implemented_on, created_at AS at, 0 AS ord FROM corrective_actions
  UNION ALL
  SELECT a.id, a.finding_id, a.unit_id, 'acknowledged', a.due_on, NULL, s.first_at, 1
  FROM corrective_actions a JOIN (SELECT action_id, MIN(signed_at) AS first_at FROM ca_signatures GROUP BY action_id) s ON s.action_id = a.id
  WHERE a.status <> 'proposed' OR a.started_at IS NOT NULL
  UNION ALL
  SELECT id, finding_id, unit_id, 'in_progress', due_on, NULL, started_at, 2 FROM corrective_actions WHERE started_at IS NOT NULL
  UNION ALL
  SELECT id, finding_id, unit_id, 'implemented', due_on, implemented_on, implemented_at, 3 FROM corrective_actions WHERE implemented_at IS NOT NULL
  UNION ALL
  SELECT id, finding_id, unit_id, 'verified', due_on, implemented_on, verified_at, 4 FROM corrective_actions WHERE verified_at IS NOT NULL
  UNION ALL
  SELECT id, finding_id, unit_id, 'closed', due_on, implemented_on, closed_at, 5 FROM corrective_actions WHERE closed_at IS NOT NULL
  UNION ALL
  SELECT id, finding_id, unit_id, status, due_on, implemented_on, updated_at, 9 FROM corrective_actions
);
--> statement-breakpoint
-- Documents: a draft from creation, in force from the day its first revision took effect (as the register says),
-- withdrawn from its withdrawal; the clocks are today's (no earlier value is known).
INSERT INTO document_states (document_id, unit_id, status, kind, current_revision_id, effective_from, next_review_on, update_due_on, from_at, to_at)
SELECT id, unit_id, 'draft', kind, NULL, NULL, NULL, NULL, created_at, coalesce(first_at, withdrawn_at, CASE WHEN status <> 'draft' THEN updated_at END)
FROM (SELECT d.*, (SELECT MIN((CAST(strftime('%s', r.effective_from) AS INTEGER) - 25200) * 1000) FROM document_revisions r
        WHERE r.document_id = d.id AND r.effective_at IS NOT NULL AND r.effective_from IS NOT NULL) AS first_at
      FROM documents d);
--> statement-breakpoint
INSERT INTO document_states (document_id, unit_id, status, kind, current_revision_id, effective_from, next_review_on, update_due_on, from_at, to_at)
SELECT id, unit_id, 'effective', kind, current_revision_id, effective_from, next_review_on, update_due_on, first_at, withdrawn_at
FROM (SELECT d.*, (SELECT MIN((CAST(strftime('%s', r.effective_from) AS INTEGER) - 25200) * 1000) FROM document_revisions r
        WHERE r.document_id = d.id AND r.effective_at IS NOT NULL AND r.effective_from IS NOT NULL) AS first_at
      FROM documents d)
WHERE first_at IS NOT NULL;
--> statement-breakpoint
INSERT INTO document_states (document_id, unit_id, status, kind, current_revision_id, effective_from, next_review_on, update_due_on, from_at, to_at)
SELECT id, unit_id, status, kind, current_revision_id, effective_from, next_review_on, update_due_on, coalesce(withdrawn_at, updated_at), NULL
FROM documents WHERE status = 'obsolete';
