-- Joint business plans: one per partner per fiscal year, with objectives,
-- commitments, quarterly check-ins and frozen agreed revisions.

CREATE TABLE plans (
	id                   INTEGER PRIMARY KEY,
	partner_id           INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	fiscal_year          INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100), -- named after the year it starts in
	status               TEXT NOT NULL CHECK (status IN ('draft','agreed','completed')),
	revision             INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),         -- the revision being worked on or agreed
	agreed_on            TEXT NOT NULL DEFAULT '',                                  -- when the current revision was agreed
	vendor_contact_name  TEXT NOT NULL DEFAULT '',
	vendor_contact_role  TEXT NOT NULL DEFAULT '',
	vendor_contact_email TEXT NOT NULL DEFAULT '',
	vendor_contact_phone TEXT NOT NULL DEFAULT '',
	rep_share_bp         INTEGER NOT NULL DEFAULT 0 CHECK (rep_share_bp IN (0, 5000, 7500)), -- co-funded sales rep
	rep_commitment       TEXT NOT NULL DEFAULT '',                                  -- what the rep commits to
	created_at           TEXT NOT NULL,
	updated_at           TEXT NOT NULL,
	UNIQUE (partner_id, fiscal_year)
);
CREATE INDEX plans_year ON plans(fiscal_year);

CREATE TABLE plan_objectives (
	id        INTEGER PRIMARY KEY,
	plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	measure   TEXT NOT NULL CHECK (measure IN ('revenue','new_customers','won_deals','certified_people','marketing_activities','custom')),
	title     TEXT NOT NULL DEFAULT '',
	weight    INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
	target_q1 INTEGER NOT NULL DEFAULT 0 CHECK (target_q1 >= 0), -- minor units for revenue
	target_q2 INTEGER NOT NULL DEFAULT 0 CHECK (target_q2 >= 0),
	target_q3 INTEGER NOT NULL DEFAULT 0 CHECK (target_q3 >= 0),
	target_q4 INTEGER NOT NULL DEFAULT 0 CHECK (target_q4 >= 0),
	actual_q1 INTEGER NOT NULL DEFAULT 0 CHECK (actual_q1 >= 0), -- entered; computed measures ignore them
	actual_q2 INTEGER NOT NULL DEFAULT 0 CHECK (actual_q2 >= 0),
	actual_q3 INTEGER NOT NULL DEFAULT 0 CHECK (actual_q3 >= 0),
	actual_q4 INTEGER NOT NULL DEFAULT 0 CHECK (actual_q4 >= 0)
);
CREATE INDEX plan_objectives_plan ON plan_objectives(plan_id, position);

CREATE TABLE plan_commitments (
	id       INTEGER PRIMARY KEY,
	plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	side     TEXT NOT NULL CHECK (side IN ('vendor','partner')),
	kind     TEXT NOT NULL CHECK (kind IN ('training','mdf','sales_rep','other')),
	body     TEXT NOT NULL CHECK (length(trim(body)) > 0)
);
CREATE INDEX plan_commitments_plan ON plan_commitments(plan_id, position);

CREATE TABLE plan_checkins (
	id        INTEGER PRIMARY KEY,
	plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	quarter   INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
	held_on   TEXT NOT NULL,                 -- YYYY-MM-DD
	attendees TEXT NOT NULL DEFAULT '',
	notes     TEXT NOT NULL DEFAULT '',
	shareable INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0,1)),
	UNIQUE (plan_id, quarter)
);

CREATE TABLE plan_checkin_statuses (
	checkin_id   INTEGER NOT NULL REFERENCES plan_checkins(id) ON DELETE CASCADE,
	objective_id INTEGER NOT NULL REFERENCES plan_objectives(id) ON DELETE CASCADE,
	status       TEXT NOT NULL CHECK (status IN ('on_track','at_risk','off_track')),
	PRIMARY KEY (checkin_id, objective_id)
);

-- An agreed revision, frozen: the plan as it was agreed, as JSON.
CREATE TABLE plan_revisions (
	plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	revision  INTEGER NOT NULL,
	agreed_on TEXT NOT NULL,
	snapshot  TEXT NOT NULL,
	PRIMARY KEY (plan_id, revision)
);
