-- 0016 team: what a laptop needs to sync with the team's PostgreSQL server.
-- All but team_conflicts stay on this laptop (data/team.go lists the
-- local-only tables); the capture triggers themselves are made by
-- `team init`/`team join` and again at every open of a team database.

-- This laptop's membership; no row: not in a team. The password is never
-- here (keychain, PGPASSWORD or ~/.pgpass).
CREATE TABLE team_self (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	member_no   INTEGER NOT NULL CHECK (member_no BETWEEN 1 AND 99),
	member_name TEXT NOT NULL CHECK (length(trim(member_name)) > 0),
	url         TEXT NOT NULL,
	team_id     TEXT NOT NULL,
	last_seq    INTEGER NOT NULL DEFAULT 0,
	last_sync   TEXT NOT NULL DEFAULT '',
	last_error  TEXT NOT NULL DEFAULT '',
	check_due   INTEGER NOT NULL DEFAULT 0 CHECK (check_due IN (0,1))
);

-- Rows changed here since the last sync: the row's value the server last
-- had (base; NULL when the row is new here) and the store transaction of
-- the latest change (grp), so a change that breaks a rule is undone whole.
CREATE TABLE team_pending (
	id      INTEGER PRIMARY KEY,
	tbl     TEXT NOT NULL,
	row_key TEXT NOT NULL,
	base    TEXT,
	grp     INTEGER NOT NULL DEFAULT 0,
	at      TEXT NOT NULL,
	UNIQUE (tbl, row_key)
);

-- A row while pulled changes are being written: the triggers skip them.
CREATE TABLE team_guard (on_ INTEGER PRIMARY KEY);

-- Counts store transactions in team mode (team_pending.grp).
CREATE TABLE team_clock (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO team_clock (id, n) VALUES (1, 0);

-- A field two people changed since they last synced (or a record edited
-- by one and deleted by another, or a change a rule refused): the value
-- kept and the other one, who typed each and when, and the value both
-- started from. Synced, so everyone sees it and anyone resolves it.
CREATE TABLE team_conflicts (
	id          INTEGER PRIMARY KEY,
	tbl         TEXT NOT NULL,
	row_key     TEXT NOT NULL,
	field       TEXT NOT NULL,               -- '*': the whole record
	kept        TEXT,                        -- JSON; NULL: deleted
	other       TEXT,                        -- JSON; NULL: deleted
	base        TEXT,                        -- JSON; NULL: did not exist
	kept_by     TEXT NOT NULL DEFAULT '',
	kept_at     TEXT NOT NULL DEFAULT '',
	other_by    TEXT NOT NULL DEFAULT '',
	other_at    TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '' CHECK (reason IN ('', 'both_changed', 'edit_deleted', 'deleted_edited', 'duplicate', 'rule')),
	detail      TEXT NOT NULL DEFAULT '',
	found_at    TEXT NOT NULL,
	resolution  TEXT NOT NULL DEFAULT '' CHECK (resolution IN ('', 'theirs', 'mine', 'new')),
	resolved_by TEXT NOT NULL DEFAULT '',
	resolved_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX team_conflicts_open ON team_conflicts(resolution, found_at);
