-- 0012 week: Today items the manager snoozed or dismissed, and an index
-- for each partner's last contact (latest call, meeting or e-mail).
CREATE TABLE today_marks (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (length(kind) > 0),
	ref        TEXT NOT NULL CHECK (length(ref) > 0),
	partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	label      TEXT NOT NULL DEFAULT '',
	action     TEXT NOT NULL CHECK (action IN ('snooze', 'dismiss')),
	until      TEXT NOT NULL DEFAULT '',
	reason     TEXT NOT NULL DEFAULT '',
	at         TEXT NOT NULL,
	UNIQUE (kind, ref),
	CHECK (action = 'snooze' AND length(until) = 10 OR action = 'dismiss' AND length(trim(reason)) > 0)
);
CREATE INDEX today_marks_partner ON today_marks(partner_id);
CREATE INDEX events_contact ON events(kind, partner_id, at);
