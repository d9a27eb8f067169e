-- The unit a manual quality objective is counted in ("buổi", "lượt", "%"): a manual target is not a percentage
-- unless it says so. Computed measures keep their unit from the measure (rates in %, overdue dossiers as a count),
-- so they stay NULL. Existing manual objectives never recorded a unit: NULL (shown as a plain number), the best known.
ALTER TABLE `quality_objectives` ADD `target_unit` text;
