-- Recruitment: where each prospect came from, and the weighted fit
-- scorecard it is vetted against. Scorecards are internal: nothing here
-- may reach a partner document.

CREATE TABLE prospect_sources (
	partner_id  INTEGER PRIMARY KEY REFERENCES partners(id) ON DELETE CASCADE,
	source      TEXT NOT NULL CHECK (source IN ('inbound','event','referral','outbound')),
	event_name  TEXT NOT NULL DEFAULT '',   -- source 'event'
	event_date  TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, source 'event'
	referred_by TEXT NOT NULL DEFAULT '',   -- source 'referral'
	interest    TEXT NOT NULL DEFAULT '',   -- what the prospect said it wants
	captured_at TEXT NOT NULL               -- RFC 3339 UTC
);
CREATE INDEX prospect_sources_event ON prospect_sources(event_name);

CREATE TABLE scorecard_criteria (
	id       INTEGER PRIMARY KEY,
	position INTEGER NOT NULL,
	name_en  TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
	name_ru  TEXT NOT NULL CHECK (length(trim(name_ru)) > 0),
	weight   INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100)
);

INSERT INTO scorecard_criteria (position, name_en, name_ru, weight) VALUES
	(1, 'Region coverage', 'Покрытие региона', 20),
	(2, 'Vertical fit', 'Соответствие отраслям', 15),
	(3, 'Technical capability', 'Техническая компетенция', 20),
	(4, 'Customer base', 'Клиентская база', 15),
	(5, 'Sales capacity', 'Ресурсы продаж', 15),
	(6, 'Willingness to commit / culture', 'Готовность к обязательствам / культура', 15);

CREATE TABLE scorecard_scores (
	partner_id   INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
	criterion_id INTEGER NOT NULL REFERENCES scorecard_criteria(id) ON DELETE CASCADE,
	score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
	comment      TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (partner_id, criterion_id)
);
