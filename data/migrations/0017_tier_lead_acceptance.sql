-- foreign_keys: off
-- 0017: a tier may require a lead acceptance rate ("accepted at least X %
-- of the lead offers it decided in the last 12 months"), a new kind in
-- tier_requirements' CHECK. SQLite cannot change a CHECK in place, so the
-- table is rebuilt (create, copy with its IDs, drop, rename) with foreign
-- keys off for this migration only, as 0014 does; the runner checks every
-- reference before it commits. The threshold of this kind is a percent
-- (0–100), which the Go side checks too.
CREATE TABLE tier_requirements_new (
	id        INTEGER PRIMARY KEY,
	tier_id   INTEGER NOT NULL REFERENCES tiers(id) ON DELETE CASCADE,
	kind      TEXT NOT NULL CHECK (kind IN ('revenue_12m','deals_12m','certified_people','onboarding_completed','custom','lead_acceptance_12m')),
	threshold INTEGER NOT NULL CHECK (threshold >= 0),  -- minor units for revenue, percent for the acceptance rate
	label_en  TEXT NOT NULL DEFAULT '',                  -- custom requirements say what they count
	label_ru  TEXT NOT NULL DEFAULT '',
	metric    TEXT NOT NULL DEFAULT '',
	CHECK (kind <> 'lead_acceptance_12m' OR threshold <= 100)
);
INSERT INTO tier_requirements_new (id, tier_id, kind, threshold, label_en, label_ru, metric)
SELECT id, tier_id, kind, threshold, label_en, label_ru, metric FROM tier_requirements;
DROP TABLE tier_requirements;
ALTER TABLE tier_requirements_new RENAME TO tier_requirements;
CREATE INDEX tier_requirements_tier ON tier_requirements(tier_id);
