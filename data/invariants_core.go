package data

// badDate is true (in SQL) when column x is not a real YYYY-MM-DD date.
func badDate(x string) string { return "(date(" + x + ") IS NOT " + x + ")" }

// badOptDate is badDate for a date that may be empty.
func badOptDate(x string) string { return "(" + x + " != '' AND " + badDate(x) + ")" }

// The invariants of the shared tables (0001 and 0002): no orphans, states
// consistent with their dates, no negative amounts.
var coreInvariants = []Invariant{
	{Name: "partners.tier_missing", Query: `SELECT p.id, p.tier_id FROM partners p
		WHERE p.tier_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tiers t WHERE t.id = p.tier_id)`},
	{Name: "partners.updated_before_created", Query: `SELECT id, created_at, updated_at FROM partners WHERE updated_at < created_at`},
	{Name: "contacts.orphan", Query: `SELECT c.id, c.partner_id FROM contacts c
		WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = c.partner_id)`},
	{Name: "contacts.several_primary", Query: `SELECT partner_id, count(*) AS primaries FROM contacts
		WHERE is_primary = 1 GROUP BY partner_id HAVING count(*) > 1`},
	{Name: "events.orphan", Query: `SELECT e.id, e.partner_id FROM events e
		WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = e.partner_id)`},
	{Name: "events.bad_status", Query: `SELECT id, partner_id, from_status, to_status FROM events WHERE kind != 'deal'
		AND ((from_status != '' AND from_status NOT IN ` + statusList + `)
		   OR (to_status != '' AND to_status NOT IN ` + statusList + `))`},
	{Name: "events.bad_deal_state", Query: `SELECT id, partner_id, from_status, to_status FROM events WHERE kind = 'deal'
		AND ((from_status != '' AND from_status NOT IN ` + dealStateList + `) OR to_status NOT IN ` + dealStateList + `)`},
	{Name: "deals.orphan", Query: `SELECT d.id, d.partner_id FROM deals d
		WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = d.partner_id)`},
	{Name: "deals.negative_amount", Query: `SELECT id, amount FROM deals WHERE amount < 0`},
	{Name: "deals.bad_date", Query: `SELECT id, registered_on, expected_close_on, approved_on, protected_until, closed_on FROM deals
		WHERE ` + badDate("registered_on") + ` OR ` + badOptDate("expected_close_on") + ` OR ` + badOptDate("approved_on") +
		` OR ` + badOptDate("protected_until") + ` OR ` + badOptDate("closed_on")},
	{Name: "deals.closed_without_date", Query: `SELECT id, state FROM deals WHERE state IN ('won','lost') AND closed_on = ''`},
	{Name: "deals.open_with_close_date", Query: `SELECT id, state, closed_on FROM deals
		WHERE state IN ('submitted','approved') AND closed_on != ''`},
	{Name: "deals.approved_without_protection", Query: `SELECT id, approved_on, protected_until FROM deals
		WHERE state = 'approved' AND (approved_on = '' OR protected_until = '')`},
	{Name: "deals.protection_before_approval", Query: `SELECT id, approved_on, protected_until FROM deals
		WHERE approved_on != '' AND protected_until != '' AND protected_until < approved_on`},
	{Name: "deals.closed_before_registered", Query: `SELECT id, registered_on, closed_on FROM deals
		WHERE closed_on != '' AND closed_on < registered_on`},
	{Name: "tier_requirements.orphan", Query: `SELECT r.id, r.tier_id FROM tier_requirements r
		WHERE NOT EXISTS (SELECT 1 FROM tiers t WHERE t.id = r.tier_id)`},
	{Name: "tier_requirements.negative", Query: `SELECT id, tier_id, threshold FROM tier_requirements WHERE threshold < 0`},
	{Name: "tiers.bad_rate", Query: `SELECT id, discount_bp, mdf_accrual_bp FROM tiers
		WHERE discount_bp NOT BETWEEN 0 AND 10000 OR mdf_accrual_bp NOT BETWEEN 0 AND 10000`},
	{Name: "tier_changes.orphan", Query: `SELECT c.id, c.partner_id FROM tier_changes c
		WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = c.partner_id)`},
	{Name: "certifications.orphan", Query: `SELECT c.id, c.contact_id FROM certifications c
		WHERE NOT EXISTS (SELECT 1 FROM contacts k WHERE k.id = c.contact_id)`},
	{Name: "certifications.bad_date", Query: `SELECT id, earned_on, expires_on FROM certifications
		WHERE ` + badDate("earned_on") + ` OR ` + badOptDate("expires_on")},
	{Name: "certifications.expires_before_earned", Query: `SELECT id, earned_on, expires_on FROM certifications
		WHERE expires_on != '' AND expires_on < earned_on`},
	{Name: "onboarding_checklists.orphan", Query: `SELECT o.id, o.partner_id FROM onboarding_checklists o
		WHERE NOT EXISTS (SELECT 1 FROM partners p WHERE p.id = o.partner_id)`},
	{Name: "onboarding_checklists.bad_date", Query: `SELECT id, started_on, completed_on FROM onboarding_checklists
		WHERE ` + badDate("started_on") + ` OR ` + badOptDate("completed_on")},
	{Name: "onboarding_checklists.completed_before_started", Query: `SELECT id, started_on, completed_on FROM onboarding_checklists
		WHERE completed_on != '' AND completed_on < started_on`},
	{Name: "onboarding_checklists.completed_before_approval", Query: `SELECT o.id, o.partner_id, p.status FROM onboarding_checklists o
		JOIN partners p ON p.id = o.partner_id
		WHERE o.completed_on != '' AND p.status IN ('prospect','applied','vetting','declined')`},
}

const statusList = `('prospect','applied','vetting','onboarding','active','at_risk','offboarded','declined')`

// dealStateList is every deal state, for SQL; deal steps in the timeline
// keep deal states where status changes keep partner statuses.
const dealStateList = `('submitted','approved','won','lost','expired','rejected')`
