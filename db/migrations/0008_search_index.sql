-- Accent-insensitive search (decision 0009): one contentless FTS5 index per searched table, its rowid the record's
-- id. The tokenizer folds case and diacritics (remove_diacritics 2: "Tư pháp" is "tu phap"); đ has no
-- decomposition in Unicode, so it is replaced by d before indexing (and in the query: app/lib/search.ts).
-- Triggers keep each index in the writing transaction, whoever writes (the app, the seed, the bench generator).
-- Existing rows are indexed at the end.
CREATE VIRTUAL TABLE `documents_fts` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `documents_fts_insert` AFTER INSERT ON `documents`
BEGIN
  INSERT INTO `documents_fts`(rowid, body) VALUES (new.id, replace(replace(new.code || ' ' || new.title || ' ' || new.owner, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_update` AFTER UPDATE OF code, title, owner ON `documents`
BEGIN
  DELETE FROM `documents_fts` WHERE rowid = old.id;
  INSERT INTO `documents_fts`(rowid, body) VALUES (new.id, replace(replace(new.code || ' ' || new.title || ' ' || new.owner, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `documents_fts_delete` AFTER DELETE ON `documents`
BEGIN
  DELETE FROM `documents_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `documents_fts`(rowid, body) SELECT id, replace(replace(code || ' ' || title || ' ' || owner, 'đ', 'd'), 'Đ', 'D') FROM `documents`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `procedures_fts` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_insert` AFTER INSERT ON `procedures`
BEGIN
  INSERT INTO `procedures_fts`(rowid, body) VALUES (new.id, replace(replace(new.code || ' ' || new.name || ' ' || new.field, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_update` AFTER UPDATE OF code, name, field ON `procedures`
BEGIN
  DELETE FROM `procedures_fts` WHERE rowid = old.id;
  INSERT INTO `procedures_fts`(rowid, body) VALUES (new.id, replace(replace(new.code || ' ' || new.name || ' ' || new.field, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `procedures_fts_delete` AFTER DELETE ON `procedures`
BEGIN
  DELETE FROM `procedures_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `procedures_fts`(rowid, body) SELECT id, replace(replace(code || ' ' || name || ' ' || field, 'đ', 'd'), 'Đ', 'D') FROM `procedures`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `findings_fts` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `findings_fts_insert` AFTER INSERT ON `findings`
BEGIN
  INSERT INTO `findings_fts`(rowid, body) VALUES (new.id, replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `findings_fts_update` AFTER UPDATE OF description ON `findings`
BEGIN
  DELETE FROM `findings_fts` WHERE rowid = old.id;
  INSERT INTO `findings_fts`(rowid, body) VALUES (new.id, replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `findings_fts_delete` AFTER DELETE ON `findings`
BEGIN
  DELETE FROM `findings_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `findings_fts`(rowid, body) SELECT id, replace(replace(description, 'đ', 'd'), 'Đ', 'D') FROM `findings`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `corrective_actions_fts` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `corrective_actions_fts_insert` AFTER INSERT ON `corrective_actions`
BEGIN
  INSERT INTO `corrective_actions_fts`(rowid, body) VALUES (new.id, replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `corrective_actions_fts_update` AFTER UPDATE OF description ON `corrective_actions`
BEGIN
  DELETE FROM `corrective_actions_fts` WHERE rowid = old.id;
  INSERT INTO `corrective_actions_fts`(rowid, body) VALUES (new.id, replace(replace(new.description, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `corrective_actions_fts_delete` AFTER DELETE ON `corrective_actions`
BEGIN
  DELETE FROM `corrective_actions_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `corrective_actions_fts`(rowid, body) SELECT id, replace(replace(description, 'đ', 'd'), 'Đ', 'D') FROM `corrective_actions`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `units_fts` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `units_fts_insert` AFTER INSERT ON `units`
BEGIN
  INSERT INTO `units_fts`(rowid, body) VALUES (new.id, replace(replace(new.code || ' ' || new.name || ' ' || new.place_name, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `units_fts_update` AFTER UPDATE OF code, name, place_name ON `units`
BEGIN
  DELETE FROM `units_fts` WHERE rowid = old.id;
  INSERT INTO `units_fts`(rowid, body) VALUES (new.id, replace(replace(new.code || ' ' || new.name || ' ' || new.place_name, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `units_fts_delete` AFTER DELETE ON `units`
BEGIN
  DELETE FROM `units_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `units_fts`(rowid, body) SELECT id, replace(replace(code || ' ' || name || ' ' || place_name, 'đ', 'd'), 'Đ', 'D') FROM `units`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `users_fts` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `users_fts_insert` AFTER INSERT ON `users`
BEGIN
  INSERT INTO `users_fts`(rowid, body) VALUES (new.id, replace(replace(new.username || ' ' || new.full_name, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `users_fts_update` AFTER UPDATE OF username, full_name ON `users`
BEGIN
  DELETE FROM `users_fts` WHERE rowid = old.id;
  INSERT INTO `users_fts`(rowid, body) VALUES (new.id, replace(replace(new.username || ' ' || new.full_name, 'đ', 'd'), 'Đ', 'D'));
END;
--> statement-breakpoint
CREATE TRIGGER `users_fts_delete` AFTER DELETE ON `users`
BEGIN
  DELETE FROM `users_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `users_fts`(rowid, body) SELECT id, replace(replace(username || ' ' || full_name, 'đ', 'd'), 'Đ', 'D') FROM `users`;