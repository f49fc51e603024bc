-- 0010 imports: Russian tax IDs and the address on the partner, and the
-- record ID each partner has in the systems it was imported from, so a
-- newer export of the same system updates it in place.
ALTER TABLE partners ADD COLUMN inn TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN kpp TEXT NOT NULL DEFAULT '';
ALTER TABLE partners ADD COLUMN address TEXT NOT NULL DEFAULT '';
CREATE INDEX partners_inn ON partners(inn) WHERE inn <> '';
CREATE TABLE partner_source_ids (
	source     TEXT NOT NULL CHECK (length(source) > 0),
	record_id  TEXT NOT NULL CHECK (length(record_id) > 0),
	partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	PRIMARY KEY (source, record_id)
);
CREATE INDEX partner_source_ids_partner ON partner_source_ids(partner_id);
-- A saved import mapping: which field each column fills and what values
-- of category columns become, recognised by the file's set of headers.
CREATE TABLE import_profiles (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
	header_key TEXT NOT NULL,
	columns    TEXT NOT NULL DEFAULT '{}',
	value_map  TEXT NOT NULL DEFAULT '{}',
	source     TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL
);
CREATE INDEX import_profiles_header ON import_profiles(header_key);
