package data

// The invariants of leads: offers, the lead's current partner and its
// timeline steps agree.
var leadInvariants = []Invariant{
	{Name: "events.bad_lead_state", Query: `SELECT id, partner_id, from_status, to_status FROM events WHERE kind = 'lead'
		AND (from_status NOT IN ('new','offered','accepted','declined','converted','lost')
		  OR to_status NOT IN ('new','offered','accepted','declined','converted','lost'))`},
	{Name: "leads.offered_without_open_offer", Query: `SELECT l.id, l.partner_id FROM leads l WHERE l.state = 'offered'
		AND NOT EXISTS (SELECT 1 FROM lead_offers o WHERE o.lead_id = l.id AND o.outcome = 'open' AND o.partner_id = l.partner_id)`},
	{Name: "leads.open_offer_not_offered", Query: `SELECT o.id, o.lead_id FROM lead_offers o JOIN leads l ON l.id = o.lead_id
		WHERE o.outcome = 'open' AND l.state != 'offered'`},
	{Name: "leads.offer_dates", Query: `SELECT id, offered_on, expires_on, decided_on FROM lead_offers
		WHERE ` + badDate("offered_on") + ` OR ` + badDate("expires_on") + ` OR ` + badOptDate("decided_on")},
	{Name: "leads.converted_deal_other_partner", Query: `SELECT l.id, l.partner_id, d.partner_id FROM leads l
		JOIN deals d ON d.id = l.deal_id WHERE l.state = 'converted' AND d.partner_id != l.partner_id`},
	{Name: "leads.negative_size", Query: `SELECT id, est_amount FROM leads WHERE est_amount < 0`},
}
