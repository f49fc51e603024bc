-- Deals and tiers: what 0002 left to their owner. Conflicts between deal
-- registrations, the custom numbers entered per partner for custom tier
-- requirements, and tier suggestions the manager dismissed.

-- A custom requirement counts one named metric; tiers may share it
-- ("customer references": 1 for Silver, 3 for Gold).
ALTER TABLE tier_requirements ADD COLUMN metric TEXT NOT NULL DEFAULT '';

CREATE TABLE partner_metric_values (
	partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	metric     TEXT NOT NULL CHECK (length(trim(metric)) > 0),
	value      INTEGER NOT NULL CHECK (value >= 0),
	updated_at TEXT NOT NULL,
	PRIMARY KEY (partner_id, metric)
);

-- A later registration of the same end customer by another partner while
-- an earlier one is protected. Both deals show it; the manager resolves it.
CREATE TABLE deal_conflicts (
	id              INTEGER PRIMARY KEY,
	earlier_deal_id INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
	later_deal_id   INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
	found_at        TEXT NOT NULL,
	resolution      TEXT NOT NULL DEFAULT '' CHECK (resolution IN ('','earlier','later','both')),
	resolved_at     TEXT NOT NULL DEFAULT '',
	note            TEXT NOT NULL DEFAULT '',
	UNIQUE (earlier_deal_id, later_deal_id)
);
CREATE INDEX deal_conflicts_later ON deal_conflicts(later_deal_id);

CREATE INDEX deals_registered ON deals(registered_on);

-- A suggestion the manager dismissed stays hidden until the suggested tier changes.
CREATE TABLE tier_dismissals (
	partner_id   INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	to_tier_id   INTEGER NOT NULL DEFAULT 0,  -- 0: no tier
	dismissed_at TEXT NOT NULL,
	PRIMARY KEY (partner_id, to_tier_id)
);

-- Tier evaluation reads won deals of the trailing window from this index alone.
CREATE INDEX deals_won_window ON deals(state, closed_on, partner_id, amount);
