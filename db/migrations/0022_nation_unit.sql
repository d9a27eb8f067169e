-- Issue 19 item 2: a national view. The Ministry of Science and Technology (Bộ Khoa học và Công nghệ, unit kind
-- "ministry") becomes the root of the unit tree: every province sits under it, so its inspectors read every province by
-- the one scope rule there is (a unit's own subtree, decision 0001), and a province still reads only its own subtree
-- (decision 0018). An installation that already has units gets the root here and every path rewritten under it
-- (/<province>/… → /<ministry>/<province>/…, the provinces' parent set); an empty database gets it from the seed (or
-- from an administrator). Depth keeps counting from the provinces (0): the ministry's is -1, so every indented list
-- reads as before. Nothing else stores a path: records point at units by id.
INSERT INTO `units` (`code`, `name`, `kind`, `parent_id`, `path`, `depth`, `place_name`, `valid_from`, `valid_to`, `created_at`, `updated_at`)
SELECT 'BKHCN', 'Bộ Khoa học và Công nghệ', 'ministry', NULL, '/pending/', -1, 'Hà Nội', NULL, NULL, 1796200022000, 1796200022000
WHERE EXISTS (SELECT 1 FROM `units`) AND NOT EXISTS (SELECT 1 FROM `units` WHERE `kind` = 'ministry');
--> statement-breakpoint
UPDATE `units` SET `path` = '/' || `id` || '/' WHERE `kind` = 'ministry' AND `path` = '/pending/';
--> statement-breakpoint
UPDATE `units`
SET `path` = (SELECT m.`path` FROM `units` m WHERE m.`kind` = 'ministry') || substr(`path`, 2)
WHERE `kind` <> 'ministry' AND EXISTS (SELECT 1 FROM `units` m WHERE m.`kind` = 'ministry');
--> statement-breakpoint
UPDATE `units` SET `parent_id` = (SELECT m.`id` FROM `units` m WHERE m.`kind` = 'ministry')
WHERE `parent_id` IS NULL AND `kind` <> 'ministry' AND EXISTS (SELECT 1 FROM `units` m WHERE m.`kind` = 'ministry');
--> statement-breakpoint
-- Facts are kept per unit id and day; the tree above the provinces changed: gather them again.
DELETE FROM `compliance_facts`;
