-- Onboarding: editable templates, per-partner checklist tasks.
-- The checklist header (onboarding_checklists) and certifications are in 0002.

-- An edited template for a partner type; types without a row use the
-- default shipped in assets/onboarding. body is the template as JSON.
CREATE TABLE onboarding_templates (
	partner_type TEXT PRIMARY KEY CHECK (partner_type IN ('reseller','distributor','referral','msp','integrator','service')),
	name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
	body         TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);

-- A checklist's tasks are copies of template tasks, so editing a template
-- never rewrites a running checklist.
CREATE TABLE onboarding_tasks (
	id           INTEGER PRIMARY KEY,
	checklist_id INTEGER NOT NULL REFERENCES onboarding_checklists(id) ON DELETE CASCADE,
	stage        INTEGER NOT NULL DEFAULT 0,      -- stage order
	stage_en     TEXT NOT NULL DEFAULT '',
	stage_ru     TEXT NOT NULL DEFAULT '',
	position     INTEGER NOT NULL DEFAULT 0,      -- order inside the checklist
	title_en     TEXT NOT NULL CHECK (length(trim(title_en)) > 0),
	title_ru     TEXT NOT NULL CHECK (length(trim(title_ru)) > 0),
	kind         TEXT NOT NULL CHECK (kind IN ('agreement','portal_access','sales_training','tech_training','certification','marketing_kit','first_deal','first_mdf','custom')),
	owner        TEXT NOT NULL CHECK (owner IN ('vendor','partner')),
	due_on       TEXT NOT NULL,                   -- YYYY-MM-DD
	product      TEXT NOT NULL DEFAULT '',        -- '' applies to every partner
	required     INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0,1)),
	target       INTEGER NOT NULL DEFAULT 0 CHECK (target >= 0),  -- people to certify
	state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','waiting','done','blocked','skipped')),
	reason       TEXT NOT NULL DEFAULT '',        -- why blocked or skipped
	done_on      TEXT NOT NULL DEFAULT '',        -- YYYY-MM-DD, done or skipped
	done_by      TEXT NOT NULL DEFAULT '',        -- who, or 'auto' for a rule
	CHECK (state NOT IN ('blocked','skipped') OR length(trim(reason)) > 0)
);
CREATE INDEX onboarding_tasks_checklist ON onboarding_tasks(checklist_id, position);
CREATE INDEX certifications_expiry ON certifications(expires_on);
