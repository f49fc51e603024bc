-- 0013 leads: end customers who want to buy (met at a booth, on the
-- website, from a referral or a vendor campaign), offered to the partner
-- that covers them. A lead's current partner and state live on the lead;
-- every offer is a row of lead_offers (its outcome feeds the partners'
-- acceptance rates) and every step a row of lead_steps (the lead's own
-- timeline; the partner's timeline gets an event too).
CREATE TABLE leads (
	id              INTEGER PRIMARY KEY,
	company         TEXT NOT NULL CHECK (length(trim(company)) > 0),
	company_key     TEXT NOT NULL,               -- normalised name, for duplicates and protection windows
	tax_id          TEXT NOT NULL DEFAULT '',    -- ИНН
	website         TEXT NOT NULL DEFAULT '',
	contact_name    TEXT NOT NULL DEFAULT '',
	contact_role    TEXT NOT NULL DEFAULT '',
	contact_email   TEXT NOT NULL DEFAULT '',
	contact_phone   TEXT NOT NULL DEFAULT '',
	country         TEXT NOT NULL DEFAULT '',
	region          TEXT NOT NULL DEFAULT '',
	city            TEXT NOT NULL DEFAULT '',
	product         TEXT NOT NULL DEFAULT '',
	est_amount      INTEGER NOT NULL DEFAULT 0 CHECK (est_amount >= 0), -- minor units of currency
	currency        TEXT NOT NULL DEFAULT '',
	source          TEXT NOT NULL CHECK (source IN ('event','website','referral','campaign')),
	event_name      TEXT NOT NULL DEFAULT '',
	event_date      TEXT NOT NULL DEFAULT '',
	notes_internal  TEXT NOT NULL DEFAULT '',
	notes_shareable TEXT NOT NULL DEFAULT '',
	created_by      TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL,
	updated_at      TEXT NOT NULL,
	state           TEXT NOT NULL CHECK (state IN ('new','offered','accepted','declined','converted','lost')),
	partner_id      INTEGER REFERENCES partners(id) ON DELETE SET NULL,
	offered_on      TEXT NOT NULL DEFAULT '',
	expires_on      TEXT NOT NULL DEFAULT '',
	reason          TEXT NOT NULL DEFAULT '',    -- why declined or lost
	deal_id         INTEGER REFERENCES deals(id) ON DELETE SET NULL,
	CHECK (state NOT IN ('offered','accepted','converted') OR partner_id IS NOT NULL),
	CHECK (state != 'converted' OR deal_id IS NOT NULL),
	CHECK (state NOT IN ('declined','lost') OR length(trim(reason)) > 0),
	CHECK (source != 'event' OR length(trim(event_name)) > 0)
);
CREATE INDEX leads_state ON leads(state, expires_on);
CREATE INDEX leads_partner ON leads(partner_id, state);
CREATE INDEX leads_event ON leads(event_name);
CREATE INDEX leads_company ON leads(company_key);
CREATE INDEX leads_deal ON leads(deal_id);

CREATE TABLE lead_offers (
	id          INTEGER PRIMARY KEY,
	lead_id     INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
	partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	offered_on  TEXT NOT NULL,
	expires_on  TEXT NOT NULL,
	outcome     TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open','accepted','declined','expired','returned','withdrawn')),
	decided_on  TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '',
	CHECK (expires_on >= offered_on)
);
CREATE INDEX lead_offers_lead ON lead_offers(lead_id);
CREATE INDEX lead_offers_partner ON lead_offers(partner_id, outcome);
CREATE UNIQUE INDEX lead_offers_one_open ON lead_offers(lead_id) WHERE outcome = 'open';

CREATE TABLE lead_steps (
	id          INTEGER PRIMARY KEY,
	lead_id     INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
	at          TEXT NOT NULL,
	kind        TEXT NOT NULL,
	from_state  TEXT NOT NULL DEFAULT '',
	to_state    TEXT NOT NULL DEFAULT '',
	partner_id  INTEGER REFERENCES partners(id) ON DELETE SET NULL,
	author      TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX lead_steps_lead ON lead_steps(lead_id, at);
