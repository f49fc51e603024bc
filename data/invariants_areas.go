package data

// The invariants of onboarding, plans, deal attribution to MDF and tier
// changes, which the shared checks do not cover.
var onboardingInvariants = []Invariant{
	{Name: "onboarding_tasks.orphan", Query: `SELECT t.id, t.checklist_id FROM onboarding_tasks t
		WHERE NOT EXISTS (SELECT 1 FROM onboarding_checklists c WHERE c.id = t.checklist_id)`},
	{Name: "onboarding_tasks.bad_date", Query: `SELECT id, due_on, done_on FROM onboarding_tasks
		WHERE ` + badDate("due_on") + ` OR ` + badOptDate("done_on")},
	{Name: "onboarding_tasks.done_without_date", Query: `SELECT id, state FROM onboarding_tasks
		WHERE state = 'done' AND done_on = ''`},
	{Name: "onboarding_tasks.open_with_date", Query: `SELECT id, state, done_on FROM onboarding_tasks
		WHERE state IN ('pending','waiting','blocked') AND done_on != ''`},
	{Name: "onboarding_checklists.completed_with_open_tasks", Query: `SELECT c.id, c.partner_id, c.completed_on,
		(SELECT count(*) FROM onboarding_tasks t WHERE t.checklist_id = c.id AND t.required = 1 AND t.state != 'done') AS open_required
		FROM onboarding_checklists c
		WHERE c.completed_on != '' AND EXISTS (SELECT 1 FROM onboarding_tasks t
			WHERE t.checklist_id = c.id AND t.required = 1 AND t.state != 'done')`},
	{Name: "onboarding_checklists.done_not_completed", Query: `SELECT c.id, c.partner_id FROM onboarding_checklists c
		WHERE c.completed_on = ''
		  AND EXISTS (SELECT 1 FROM onboarding_tasks t WHERE t.checklist_id = c.id AND t.required = 1)
		  AND NOT EXISTS (SELECT 1 FROM onboarding_tasks t WHERE t.checklist_id = c.id AND t.required = 1 AND t.state != 'done')`},
}

var planInvariants = []Invariant{
	{Name: "plans.agreed_without_date", Query: `SELECT id, partner_id, status FROM plans
		WHERE status IN ('agreed','completed') AND agreed_on = ''`},
	{Name: "plans.draft_with_agreed_date", Query: `SELECT id, partner_id, agreed_on FROM plans
		WHERE status = 'draft' AND agreed_on != ''`},
	{Name: "plans.agreed_revision_missing", Query: `SELECT p.id, p.partner_id, p.revision FROM plans p
		WHERE p.status IN ('agreed','completed')
		  AND NOT EXISTS (SELECT 1 FROM plan_revisions r WHERE r.plan_id = p.id AND r.revision = p.revision)`},
	{Name: "plans.previous_revision_missing", Query: `SELECT p.id, p.partner_id, p.revision FROM plans p
		WHERE p.revision > 1
		  AND NOT EXISTS (SELECT 1 FROM plan_revisions r WHERE r.plan_id = p.id AND r.revision = p.revision - 1)`},
	{Name: "plan_revisions.ahead_of_plan", Query: `SELECT r.plan_id, r.revision, p.revision AS plan_revision FROM plan_revisions r
		JOIN plans p ON p.id = r.plan_id WHERE r.revision > p.revision`},
	{Name: "plan_revisions.orphan", Query: `SELECT r.plan_id, r.revision FROM plan_revisions r
		WHERE NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = r.plan_id)`},
	{Name: "plan_revisions.bad_snapshot", Query: `SELECT plan_id, revision, agreed_on FROM plan_revisions
		WHERE NOT json_valid(snapshot) OR ` + badDate("agreed_on")},
}

var attributionInvariants = []Invariant{
	{Name: "deals.mdf_request_missing", Query: `SELECT d.id, d.mdf_request_id FROM deals d
		WHERE d.mdf_request_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mdf_requests m WHERE m.id = d.mdf_request_id)`},
	{Name: "deals.mdf_request_of_other_partner", Query: `SELECT d.id, d.partner_id, d.mdf_request_id, m.partner_id AS request_partner
		FROM deals d JOIN mdf_requests m ON m.id = d.mdf_request_id WHERE m.partner_id != d.partner_id`},
}

var tierChangeInvariants = []Invariant{
	{Name: "tier_changes.no_change", Query: `SELECT id, partner_id, from_tier_id, to_tier_id FROM tier_changes
		WHERE from_tier_id IS to_tier_id`},
	{Name: "tier_changes.unknown_tier", Query: `SELECT c.id, c.partner_id, c.from_tier_id, c.to_tier_id FROM tier_changes c
		WHERE (c.from_tier_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tiers t WHERE t.id = c.from_tier_id))
		   OR (c.to_tier_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tiers t WHERE t.id = c.to_tier_id))`},
	{Name: "tier_changes.latest_not_assigned", Query: `SELECT p.id AS partner_id, p.tier_id, c.to_tier_id AS latest_change_to
		FROM partners p JOIN tier_changes c ON c.id = (SELECT id FROM tier_changes WHERE partner_id = p.id
			ORDER BY changed_at DESC, id DESC LIMIT 1)
		WHERE c.to_tier_id IS NOT p.tier_id`},
}
