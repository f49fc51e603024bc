-- Tables that several areas read: certifications (onboarding owns them),
-- deals and tiers (the deals & tiers area owns them), the onboarding
-- checklist header. Owners add what else they need in later migrations.

CREATE TABLE certifications (
	id         INTEGER PRIMARY KEY,
	contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
	name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
	level      TEXT NOT NULL DEFAULT '',
	earned_on  TEXT NOT NULL,            -- YYYY-MM-DD
	expires_on TEXT NOT NULL DEFAULT ''  -- YYYY-MM-DD; '' never expires
);
CREATE INDEX certifications_contact ON certifications(contact_id);

CREATE TABLE deals (
	id                INTEGER PRIMARY KEY,
	partner_id        INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	customer          TEXT NOT NULL CHECK (length(trim(customer)) > 0),
	customer_key      TEXT NOT NULL,              -- normalised name for matching
	customer_tax_id   TEXT NOT NULL DEFAULT '',
	customer_domain   TEXT NOT NULL DEFAULT '',
	product           TEXT NOT NULL DEFAULT '',
	amount            INTEGER NOT NULL CHECK (amount >= 0),  -- minor units
	state             TEXT NOT NULL CHECK (state IN ('submitted','approved','won','lost','expired','rejected')),
	registered_on     TEXT NOT NULL,              -- YYYY-MM-DD
	expected_close_on TEXT NOT NULL DEFAULT '',
	approved_on       TEXT NOT NULL DEFAULT '',
	protected_until   TEXT NOT NULL DEFAULT '',
	closed_on         TEXT NOT NULL DEFAULT '',   -- won/lost date
	reason            TEXT NOT NULL DEFAULT '',   -- rejection or loss reason
	mdf_request_id    INTEGER,                    -- MDF activity the deal is attributed to
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL
);
CREATE INDEX deals_partner_state ON deals(partner_id, state, closed_on);
CREATE INDEX deals_customer_key ON deals(customer_key);
CREATE INDEX deals_state_closed ON deals(state, closed_on);

CREATE TABLE tiers (
	id             INTEGER PRIMARY KEY,
	rank           INTEGER NOT NULL UNIQUE,     -- higher is better
	name_en        TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
	name_ru        TEXT NOT NULL CHECK (length(trim(name_ru)) > 0),
	color          TEXT NOT NULL DEFAULT '#888888',
	discount_bp    INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),    -- basis points
	mdf_accrual_bp INTEGER NOT NULL DEFAULT 0 CHECK (mdf_accrual_bp BETWEEN 0 AND 10000), -- basis points of won revenue
	benefits_en    TEXT NOT NULL DEFAULT '',    -- one benefit per line
	benefits_ru    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tier_requirements (
	id        INTEGER PRIMARY KEY,
	tier_id   INTEGER NOT NULL REFERENCES tiers(id) ON DELETE CASCADE,
	kind      TEXT NOT NULL CHECK (kind IN ('revenue_12m','deals_12m','certified_people','onboarding_completed','custom')),
	threshold INTEGER NOT NULL CHECK (threshold >= 0),  -- minor units for revenue
	label_en  TEXT NOT NULL DEFAULT '',                  -- custom requirements say what they count
	label_ru  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tier_requirements_tier ON tier_requirements(tier_id);

ALTER TABLE partners ADD COLUMN tier_id INTEGER REFERENCES tiers(id) ON DELETE SET NULL;

CREATE TABLE tier_changes (
	id           INTEGER PRIMARY KEY,
	partner_id   INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	from_tier_id INTEGER REFERENCES tiers(id) ON DELETE SET NULL,
	to_tier_id   INTEGER REFERENCES tiers(id) ON DELETE SET NULL,
	changed_at   TEXT NOT NULL,
	reason       TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tier_changes_partner ON tier_changes(partner_id, changed_at);

CREATE TABLE onboarding_checklists (
	id            INTEGER PRIMARY KEY,
	partner_id    INTEGER NOT NULL UNIQUE REFERENCES partners(id) ON DELETE CASCADE,
	template_name TEXT NOT NULL DEFAULT '',
	started_on    TEXT NOT NULL,             -- YYYY-MM-DD
	completed_on  TEXT NOT NULL DEFAULT ''   -- set when every required task is done
);
