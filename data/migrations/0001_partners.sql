-- Partners, their contacts, their timeline and the program settings.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE partners (
	id              INTEGER PRIMARY KEY,
	name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
	legal_name      TEXT NOT NULL DEFAULT '',
	type            TEXT NOT NULL CHECK (type IN ('reseller','distributor','referral','msp','integrator','service')),
	status          TEXT NOT NULL CHECK (status IN ('prospect','applied','vetting','onboarding','active','at_risk','offboarded','declined')),
	country         TEXT NOT NULL DEFAULT '',
	region          TEXT NOT NULL DEFAULT '',
	city            TEXT NOT NULL DEFAULT '',
	website         TEXT NOT NULL DEFAULT '',
	verticals       TEXT NOT NULL DEFAULT '',
	capabilities    TEXT NOT NULL DEFAULT '',
	products        TEXT NOT NULL DEFAULT '',
	tags            TEXT NOT NULL DEFAULT '',
	doc_lang        TEXT NOT NULL DEFAULT 'en' CHECK (doc_lang IN ('en','ru')),
	account_manager TEXT NOT NULL DEFAULT '',
	created_at      TEXT NOT NULL,
	updated_at      TEXT NOT NULL
);
CREATE INDEX partners_status ON partners(status);

CREATE TABLE contacts (
	id         INTEGER PRIMARY KEY,
	partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
	role       TEXT NOT NULL DEFAULT '',
	email      TEXT NOT NULL DEFAULT '',
	phone      TEXT NOT NULL DEFAULT '',
	is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0,1))
);
CREATE INDEX contacts_partner ON contacts(partner_id);

CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	partner_id  INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	kind        TEXT NOT NULL,
	at          TEXT NOT NULL,
	author      TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL DEFAULT '',
	shareable   INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0,1)),
	open        INTEGER NOT NULL DEFAULT 0 CHECK (open IN (0,1)),
	from_status TEXT NOT NULL DEFAULT '',
	to_status   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_partner ON events(partner_id, at);
