-- MDF (market development funds): funds, requests, claims with proof files,
-- payments and the ledger every balance is computed from. Balances are never
-- stored: they are sums of mdf_ledger by bucket.

CREATE TABLE mdf_funds (
	id             INTEGER PRIMARY KEY,
	name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
	period_kind    TEXT NOT NULL CHECK (period_kind IN ('quarter','year')),
	fiscal_year    INTEGER NOT NULL,           -- calendar year the fiscal year starts in
	quarter        INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4), -- 0 for a year fund
	starts_on      TEXT NOT NULL,              -- YYYY-MM-DD, first day of the period
	ends_on        TEXT NOT NULL,              -- YYYY-MM-DD, last day of the period
	currency       TEXT NOT NULL,
	budget         INTEGER NOT NULL CHECK (budget >= 0),           -- minor units
	model          TEXT NOT NULL CHECK (model IN ('discretionary','accrual','both')),
	activity_types TEXT NOT NULL DEFAULT '',   -- comma-separated activity kinds
	share_bp       INTEGER NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
	claim_days     INTEGER NOT NULL CHECK (claim_days >= 0),
	accrual_cap    INTEGER NOT NULL DEFAULT 0 CHECK (accrual_cap >= 0), -- per partner; 0 = none
	created_at     TEXT NOT NULL
);

CREATE TABLE mdf_requests (
	id                INTEGER PRIMARY KEY,
	fund_id           INTEGER NOT NULL REFERENCES mdf_funds(id) ON DELETE RESTRICT,
	partner_id        INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	activity          TEXT NOT NULL CHECK (activity IN ('event','webinar','trade_show','digital','content','sales_rep','training','other')),
	description       TEXT NOT NULL DEFAULT '',
	starts_on         TEXT NOT NULL,
	ends_on           TEXT NOT NULL,
	requested         INTEGER NOT NULL CHECK (requested > 0),
	approved_amount   INTEGER NOT NULL DEFAULT 0 CHECK (approved_amount >= 0 AND approved_amount <= requested),
	expected_leads    INTEGER NOT NULL DEFAULT 0 CHECK (expected_leads >= 0),
	expected_pipeline INTEGER NOT NULL DEFAULT 0 CHECK (expected_pipeline >= 0),
	state             TEXT NOT NULL CHECK (state IN ('draft','submitted','approved','rejected','cancelled','expired')),
	reason            TEXT NOT NULL DEFAULT '',
	submitted_on      TEXT NOT NULL DEFAULT '',
	approved_on       TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD; '' = never approved
	closed_on         TEXT NOT NULL DEFAULT '',  -- rejected, cancelled or expired on
	created_at        TEXT NOT NULL,
	updated_at        TEXT NOT NULL
);
CREATE INDEX mdf_requests_partner ON mdf_requests(partner_id, state);
CREATE INDEX mdf_requests_fund ON mdf_requests(fund_id, state);

CREATE TABLE mdf_payments (
	id        INTEGER PRIMARY KEY,
	paid_on   TEXT NOT NULL,
	reference TEXT NOT NULL CHECK (length(trim(reference)) > 0),
	total     INTEGER NOT NULL CHECK (total >= 0),
	created_at TEXT NOT NULL
);

CREATE TABLE mdf_claims (
	id           INTEGER PRIMARY KEY,
	request_id   INTEGER NOT NULL REFERENCES mdf_requests(id) ON DELETE CASCADE,
	actual_cost  INTEGER NOT NULL CHECK (actual_cost >= 0),
	leads        INTEGER NOT NULL DEFAULT 0 CHECK (leads >= 0),
	note         TEXT NOT NULL DEFAULT '',
	state        TEXT NOT NULL CHECK (state IN ('submitted','info','approved','rejected','paid')),
	reimbursable INTEGER NOT NULL DEFAULT 0 CHECK (reimbursable >= 0),
	reason       TEXT NOT NULL DEFAULT '',
	submitted_on TEXT NOT NULL,
	decided_on   TEXT NOT NULL DEFAULT '',
	payment_id   INTEGER REFERENCES mdf_payments(id) ON DELETE RESTRICT,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX mdf_claims_request ON mdf_claims(request_id, state);

CREATE TABLE mdf_proofs (
	id       INTEGER PRIMARY KEY,
	claim_id INTEGER NOT NULL REFERENCES mdf_claims(id) ON DELETE CASCADE,
	name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
	size     INTEGER NOT NULL CHECK (size >= 0),
	sha256   TEXT NOT NULL,                      -- hex
	content  BLOB NOT NULL,
	added_at TEXT NOT NULL
);
CREATE INDEX mdf_proofs_claim ON mdf_proofs(claim_id);

-- Every movement of money. bucket is where it lands: allocated (allocation,
-- accrual, adjustment), pending (reserved by submitted requests), approved
-- (approved, not yet paid) or paid. A movement between buckets is two rows.
CREATE TABLE mdf_ledger (
	id         INTEGER PRIMARY KEY,
	fund_id    INTEGER NOT NULL REFERENCES mdf_funds(id) ON DELETE RESTRICT,
	partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('allocation','accrual','reservation','release','approval','payment','adjustment')),
	bucket     TEXT NOT NULL CHECK (bucket IN ('allocated','pending','approved','paid')),
	amount     INTEGER NOT NULL,               -- signed minor units
	request_id INTEGER REFERENCES mdf_requests(id) ON DELETE SET NULL,
	claim_id   INTEGER REFERENCES mdf_claims(id) ON DELETE SET NULL,
	payment_id INTEGER REFERENCES mdf_payments(id) ON DELETE SET NULL,
	on_date    TEXT NOT NULL,                  -- YYYY-MM-DD the movement counts on
	reason     TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
-- covering index: balances are summed from it without touching the table
CREATE INDEX mdf_ledger_fund_partner ON mdf_ledger(fund_id, partner_id, bucket, amount);
CREATE INDEX mdf_ledger_partner ON mdf_ledger(partner_id);
CREATE INDEX mdf_ledger_request ON mdf_ledger(request_id);
