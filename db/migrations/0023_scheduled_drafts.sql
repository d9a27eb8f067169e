-- Issue 14 item 4, decision 0017: the scheduler makes drafts of the reports a unit sends (unit, area, yearly), never
-- a sealed file. Reports archived before stay exactly as they are (evidence: rows, files and hashes untouched); the
-- app labels them "bản lưu tự động (trước khi có quy trình ban hành)" from what they are (a period report with no
-- report_issues row pointing at it). Only a scheduled period report left unfinished by the old scheduler (queued,
-- running after a crash, or failed) is closed as failed with the reason: nothing would ever finish it now, and the
-- period's report is its draft. It has no file and no hash, so nothing of evidence changes.
UPDATE `reports`
SET `status` = 'failed',
	`progress` = NULL,
	`owner` = NULL,
	`error` = 'Bản lưu tự động chưa hoàn thành khi chuyển sang quy trình ban hành (quyết định 0017): không làm tiếp. Báo cáo của kỳ này là bản dự thảo, do cán bộ của đơn vị viết và lãnh đạo ký ban hành.'
WHERE `trigger` = 'schedule' AND `status` <> 'done' AND `kind` IN ('unit', 'area', 'annual');
--> statement-breakpoint
-- The report a draft was issued as: the reports list and the verification page read the number through it.
CREATE INDEX `report_issues_report_idx` ON `report_issues` (`report_id`);
