-- 0019 the dashboard's Today list over a large program: open escalations
-- were found by walking every escalation ever logged (events_contact leads
-- with kind, not open), and overdue onboarding tasks by walking every
-- checklist; on dataset L (38,000 events, 60,000 tasks) the two queries
-- took 28 and 19 ms in C SQLite, 1 ms each with these.
CREATE INDEX events_open_kind ON events(open, kind, at) WHERE open = 1;
CREATE INDEX onboarding_tasks_open_due ON onboarding_tasks(due_on)
	WHERE state IN ('pending', 'waiting', 'blocked') AND due_on <> '';
