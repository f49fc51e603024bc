-- 0011 partner kit: every row of a returned kit that was handled, keyed
-- by the kit, the sheet and a hash of the row, so that importing the same
-- kit twice creates nothing; a rejected row keeps its reason, which the
-- partner's next kit shows.
CREATE TABLE kit_rows (
	kit_id     TEXT NOT NULL,
	sheet      TEXT NOT NULL,
	row_hash   TEXT NOT NULL,
	partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	kit_date   TEXT NOT NULL,
	outcome    TEXT NOT NULL CHECK (outcome IN ('accepted','rejected')),
	summary    TEXT NOT NULL DEFAULT '',
	reason     TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL,
	PRIMARY KEY (kit_id, sheet, row_hash)
);
CREATE INDEX kit_rows_partner ON kit_rows(partner_id, outcome, at);

-- A partner application returned through the kit machinery: the
-- applicant's answers in its own words, shown beside the scorecard.
CREATE TABLE application_answers (
	partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	question   TEXT NOT NULL,
	answer     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (partner_id, position)
);
