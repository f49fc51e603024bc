-- foreign_keys: off
-- 0014: a partner may have no type (''), as an import leaves a company
-- whose CRM category means nothing to us when the user says so. SQLite
-- cannot loosen a CHECK in place, so the table is rebuilt the way its
-- documentation says (create, copy, drop, rename) with foreign keys off
-- for this migration only: dropping the old table must not cascade to
-- the contacts, deals, events… that reference partners(id). The runner
-- checks every foreign key before it commits.
CREATE TABLE partners_new (
	id              INTEGER PRIMARY KEY,
	name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
	legal_name      TEXT NOT NULL DEFAULT '',
	type            TEXT NOT NULL DEFAULT '' CHECK (type IN ('','reseller','distributor','referral','msp','integrator','service')),
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
	updated_at      TEXT NOT NULL,
	tier_id         INTEGER REFERENCES tiers(id) ON DELETE SET NULL,
	inn             TEXT NOT NULL DEFAULT '',
	kpp             TEXT NOT NULL DEFAULT '',
	address         TEXT NOT NULL DEFAULT ''
);
INSERT INTO partners_new (id, name, legal_name, type, status, country, region, city, website, verticals, capabilities,
	products, tags, doc_lang, account_manager, created_at, updated_at, tier_id, inn, kpp, address)
SELECT id, name, legal_name, type, status, country, region, city, website, verticals, capabilities,
	products, tags, doc_lang, account_manager, created_at, updated_at, tier_id, inn, kpp, address FROM partners;
DROP TABLE partners;
ALTER TABLE partners_new RENAME TO partners;
CREATE INDEX partners_status ON partners(status);
CREATE INDEX partners_inn ON partners(inn) WHERE inn <> '';
-- What each record's fields said in the export they were last imported
-- from (JSON, field → value): a stored value that differs from it was
-- edited in ChannelDesk since, and a re-import shows it before replacing it.
-- (rebuilt rather than altered, so the whole migration reads the same
-- on any file it finds: the copy keeps the IDs.)
CREATE TABLE partner_source_ids_new (
	source     TEXT NOT NULL CHECK (length(source) > 0),
	record_id  TEXT NOT NULL CHECK (length(record_id) > 0),
	partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	imported   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (source, record_id)
);
INSERT INTO partner_source_ids_new (source, record_id, partner_id) SELECT source, record_id, partner_id FROM partner_source_ids;
DROP TABLE partner_source_ids;
ALTER TABLE partner_source_ids_new RENAME TO partner_source_ids;
CREATE INDEX partner_source_ids_partner ON partner_source_ids(partner_id);
-- The record ID each contact has in the system it was imported from, so
-- a newer contacts export updates the person instead of adding a second.
CREATE TABLE IF NOT EXISTS contact_source_ids (
	source     TEXT NOT NULL CHECK (length(source) > 0),
	record_id  TEXT NOT NULL CHECK (length(record_id) > 0),
	contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
	PRIMARY KEY (source, record_id)
);
CREATE INDEX IF NOT EXISTS contact_source_ids_contact ON contact_source_ids(contact_id);
