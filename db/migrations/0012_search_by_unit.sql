-- Search within a scope (decision 0009): the indexes of unit-owned records (documents, procedures, findings,
-- corrective actions) also hold the record's unit as a word ("u42"), so that a search intersects the postings of
-- its words with those of the reader's units inside the index, instead of listing every match in the country
-- first. Each index is made again with a `unit` column, its triggers too, and the existing rows indexed.
DROP TRIGGER `documents_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `documents_fts_update`;
--> statement-breakpoint
DROP TRIGGER `documents_fts_delete`;
--> statement-breakpoint
DROP TABLE `documents_fts`;
--> statement-breakpoint
DROP TRIGGER `procedures_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `procedures_fts_update`;
--> statement-breakpoint
DROP TRIGGER `procedures_fts_delete`;
--> statement-breakpoint
DROP TABLE `procedures_fts`;
--> statement-breakpoint
DROP TRIGGER `findings_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `findings_fts_update`;
--> statement-breakpoint
DROP TRIGGER `findings_fts_delete`;
--> statement-breakpoint
DROP TABLE `findings_fts`;
--> statement-breakpoint
DROP TRIGGER `corrective_actions_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `corrective_actions_fts_update`;
--> statement-breakpoint
DROP TRIGGER `corrective_actions_fts_delete`;
--> statement-breakpoint
DROP TABLE `corrective_actions_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `documents_fts` USING fts5(body, unit, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `documents_fts_insert` AFTER INSERT ON `documents`
BEGIN
  INSERT INTO `documents_fts`(rowid, body, unit) VALUES (new.id, replace(replace(new.code || ' ' || new.title || ' ' || new.owner, 'đ', 'd'), 'Đ', 'D'), 'u' || new.unit_id);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_update` AFTER UPDATE OF code, title, owner, unit_id ON `documents`
BEGIN
  DELETE FROM `documents_fts` WHERE rowid = old.id;
  INSERT INTO `documents_fts`(rowid, body, unit) VALUES (new.id, replace(replace(new.code || ' ' || new.title || ' ' || new.owner, 'đ', 'd'), 'Đ', 'D'), 'u' || new.unit_id);
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_delete` AFTER DELETE ON `documents`
BEGIN
  DELETE FROM `documents_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `documents_fts`(rowid, body, unit) SELECT id, replace(replace(code || ' ' || title || ' ' || owner, 'đ', 'd'), 'Đ', 'D'), 'u' || unit_id FROM `documents`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `procedures_fts` USING fts5(body, unit, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_insert` AFTER INSERT ON `procedures`
BEGIN
  INSERT INTO `procedures_fts`(rowid, body, unit) VALUES (new.id, replace(replace(new.code || ' ' || new.name || ' ' || new.field, 'đ', 'd'), 'Đ', 'D'), 'u' || new.unit_id);
END;
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_update` AFTER UPDATE OF code, name, field, unit_id ON `procedures`
BEGIN
  DELETE FROM `procedures_fts` WHERE rowid = old.id;
  INSERT INTO `procedures_fts`(rowid, body, unit) VALUES (new.id, replace(replace(new.code || ' ' || new.name || ' ' || new.field, 'đ', 'd'), 'Đ', 'D'), 'u' || new.unit_id);
END;
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_delete` AFTER DELETE ON `procedures`
BEGIN
  DELETE FROM `procedures_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `procedures_fts`(rowid, body, unit) SELECT id, replace(replace(code || ' ' || name || ' ' || field, 'đ', 'd'), 'Đ', 'D'), 'u' || unit_id FROM `procedures`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `findings_fts` USING fts5(body, unit, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `findings_fts_insert` AFTER INSERT ON `findings`
BEGIN
  INSERT INTO `findings_fts`(rowid, body, unit) VALUES (new.id, replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'), 'u' || new.unit_id);
END;
--> statement-breakpoint
CREATE TRIGGER `findings_fts_update` AFTER UPDATE OF description, unit_id ON `findings`
BEGIN
  DELETE FROM `findings_fts` WHERE rowid = old.id;
  INSERT INTO `findings_fts`(rowid, body, unit) VALUES (new.id, replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'), 'u' || new.unit_id);
END;
--> statement-breakpoint
CREATE TRIGGER `findings_fts_delete` AFTER DELETE ON `findings`
BEGIN
  DELETE FROM `findings_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `findings_fts`(rowid, body, unit) SELECT id, replace(replace(description, 'đ', 'd'), 'Đ', 'D'), 'u' || unit_id FROM `findings`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `corrective_actions_fts` USING fts5(body, unit, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `corrective_actions_fts_insert` AFTER INSERT ON `corrective_actions`
BEGIN
  INSERT INTO `corrective_actions_fts`(rowid, body, unit) VALUES (new.id, replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'), 'u' || new.unit_id);
END;
--> statement-breakpoint
CREATE TRIGGER `corrective_actions_fts_update` AFTER UPDATE OF description, unit_id ON `corrective_actions`
BEGIN
  DELETE FROM `corrective_actions_fts` WHERE rowid = old.id;
  INSERT INTO `corrective_actions_fts`(rowid, body, unit) VALUES (new.id, replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'), 'u' || new.unit_id);
END;
--> statement-breakpoint
CREATE TRIGGER `corrective_actions_fts_delete` AFTER DELETE ON `corrective_actions`
BEGIN
  DELETE FROM `corrective_actions_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `corrective_actions_fts`(rowid, body, unit) SELECT id, replace(replace(description, 'đ', 'd'), 'Đ', 'D'), 'u' || unit_id FROM `corrective_actions`;