package plan_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
)

// internalField is a column whose text must never reach a partner's
// document, planted in every row the where clause selects.
type internalField struct {
	table, column, where, what string
}

// internalFields is every internal text the program stores. A new
// internal column belongs here.
var internalFields = []internalField{
	{"events", "body", "", "timeline notes, escalations, status reasons"},
	{"events", "author", "", "timeline authors"},
	{"onboarding_tasks", "reason", "", "blocked/skipped task reasons"},
	{"onboarding_tasks", "done_by", "", "who completed a task"},
	{"scorecard_scores", "comment", "", "scorecard comments"},
	{"scorecard_criteria", "name_en", "", "scorecard criteria"},
	{"scorecard_criteria", "name_ru", "", "scorecard criteria"},
	{"plan_checkins", "notes", "shareable = 0", "internal check-in notes"},
	{"deals", "reason", "", "deal rejection and loss reasons"},
	{"deal_conflicts", "note", "", "deal conflict notes"},
	{"partners", "tags", "", "tags"},
	{"partners", "account_manager", "", "the internal account manager"},
	{"today_marks", "reason", "", "why a Today item was dismissed"},
	{"today_marks", "label", "", "how a snoozed or dismissed Today item read"},
	{"today_marks", "ref", "", "a Today item's key (holds its text)"},
	{"tier_changes", "reason", "", "tier change reasons"},
	{"tier_changes", "author", "", "tier change authors"},
	{"prospect_sources", "event_name", "", "recruitment source: event"},
	{"prospect_sources", "referred_by", "", "recruitment source: referrer"},
	{"prospect_sources", "interest", "", "recruitment source: interest"},
	{"mdf_requests", "reason", "", "MDF rejection reasons"},
	{"mdf_claims", "note", "", "MDF claim notes"},
	{"mdf_claims", "reason", "", "MDF claim decisions"},
	{"mdf_ledger", "reason", "", "MDF adjustment reasons"},
	{"mdf_payments", "reference", "", "MDF payment references"},
	{"mdf_proofs", "name", "", "MDF proof file names"},
	{"mdf_funds", "name", "", "MDF fund names (budget lines)"},
	{"leads", "notes_internal", "", "internal lead notes"},
	{"leads", "reason", "", "why a lead was declined or lost"},
	{"leads", "created_by", "", "who captured a lead"},
	{"lead_offers", "reason", "", "lead decline reasons"},
	{"lead_steps", "body", "", "lead timeline notes"},
	{"lead_steps", "author", "", "lead timeline authors"},
	{"team_conflicts", "kept", "", "team sync: a conflicting value (any field)"},
	{"team_conflicts", "other", "", "team sync: a conflicting value (any field)"},
	{"team_conflicts", "base", "", "team sync: a conflicting value (any field)"},
	{"team_conflicts", "detail", "", "team sync: why a change was refused"},
	{"team_conflicts", "kept_by", "", "team sync: authors"},
	{"team_conflicts", "other_by", "", "team sync: authors"},
	{"team_conflicts", "resolved_by", "", "team sync: authors"},
	{"team_pending", "base", "", "team sync: a record's value before a change (any field)"},
	{"team_self", "member_name", "", "team sync: this laptop's person"},
	{"team_self", "last_error", "", "team sync: the last failure"},
}

// partnerField is shareable text of one partner: it may appear in that
// partner's document, never in another's. join names the partner id.
type partnerField struct {
	table, column, partnerID, where string
}

var partnerFields = []partnerField{
	{"partners", "name", "id", ""},
	{"partners", "legal_name", "id", ""},
	{"partners", "city", "id", ""},
	{"partners", "website", "id", ""},
	{"contacts", "name", "partner_id", ""},
	{"contacts", "email", "partner_id", ""},
	{"contacts", "role", "partner_id", ""},
	{"deals", "customer", "partner_id", ""},
	{"deals", "product", "partner_id", ""},
	{"mdf_requests", "description", "partner_id", ""},
	{"plans", "rep_commitment", "partner_id", ""},
	{"plan_objectives", "title", "(SELECT partner_id FROM plans WHERE plans.id = plan_id)", ""},
	{"plan_commitments", "body", "(SELECT partner_id FROM plans WHERE plans.id = plan_id)", ""},
	{"plan_checkins", "notes", "(SELECT partner_id FROM plans WHERE plans.id = plan_id)", "shareable = 1"},
	{"kit_rows", "summary", "partner_id", ""},
	{"kit_rows", "reason", "partner_id", ""},
	{"application_answers", "answer", "partner_id", ""},
	{"leads", "company", "partner_id", "partner_id IS NOT NULL"},
	{"leads", "contact_name", "partner_id", "partner_id IS NOT NULL"},
	{"leads", "contact_email", "partner_id", "partner_id IS NOT NULL"},
	{"leads", "notes_shareable", "partner_id", "partner_id IS NOT NULL"},
}

// internalPhrases are computed internal texts (demotion risk, the at-risk
// status) in both languages.
var internalPhrases = []string{"Demotion", "demotion", "Риск понижения", "понижени", "At risk", "Под угрозой"}

var (
	internalToken = regexp.MustCompile(`LK(\d+)R(\d+)Q`)
	partnerToken  = regexp.MustCompile(`PX(\d+)Q`)
)

// plantSentinels appends a token to every internal field (LK<field>R<row>Q)
// and to every partner-scoped shareable field (PX<partner>Q), and returns
// how many rows each internal field got.
func plantSentinels(t *testing.T, s *data.Store) map[int]int64 {
	t.Helper()
	counts := map[int]int64{}
	for i, f := range internalFields {
		q := fmt.Sprintf(`UPDATE %s SET %s = %s || ' LK%dR' || rowid || 'Q'`, f.table, f.column, f.column, i)
		if f.where != "" {
			q += " WHERE " + f.where
		}
		res, err := s.DB().Exec(q)
		if err != nil {
			t.Fatalf("%s.%s: %v", f.table, f.column, err)
		}
		counts[i], _ = res.RowsAffected()
	}
	for _, f := range partnerFields {
		q := fmt.Sprintf(`UPDATE %s SET %s = %s || ' PX' || %s || 'Q'`, f.table, f.column, f.column, f.partnerID)
		if f.where != "" {
			q += " WHERE " + f.where
		}
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatalf("%s.%s: %v", f.table, f.column, err)
		}
	}
	return counts
}

// addInternalRows makes sure every internal field has at least one row,
// whatever the demo data happens to hold: each partner gets a note, an
// escalation, a blocked task, a scorecard, an internal check-in, a
// rejected and a lost deal, a tier change and an MDF adjustment.
func addInternalRows(t *testing.T, s *data.Store) {
	t.Helper()
	stmts := []string{
		`INSERT INTO events (partner_id, kind, at, author, body) SELECT id, 'note', '2026-03-01T00:00:00Z', 'manager', 'note' FROM partners`,
		`INSERT INTO events (partner_id, kind, at, author, body) SELECT id, 'escalation', '2026-03-02T00:00:00Z', 'manager', 'escalated' FROM partners`,
		`UPDATE onboarding_tasks SET state = 'blocked', reason = 'waiting' WHERE id IN (SELECT min(id) FROM onboarding_tasks GROUP BY checklist_id)`,
		`INSERT OR IGNORE INTO scorecard_criteria (position, name_en, name_ru, weight) VALUES (99, 'Culture', 'Культура', 10)`,
		`INSERT OR IGNORE INTO scorecard_scores (partner_id, criterion_id, score, comment) SELECT p.id, c.id, 3, 'weak' FROM partners p, scorecard_criteria c`,
		`INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on, reason, created_at, updated_at)
			SELECT id, 'Rejected customer', 'rej' || id, 1000, 'rejected', '2026-02-01', '', 'duplicate', '', '' FROM partners`,
		`INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on, reason, created_at, updated_at)
			SELECT id, 'Lost customer', 'lost' || id, 1000, 'lost', '2026-02-01', '2026-03-01', 'price', '', '' FROM partners`,
		`INSERT INTO tier_changes (partner_id, from_tier_id, to_tier_id, changed_at, reason, author)
			SELECT id, NULL, tier_id, '2026-01-01T00:00:00Z', 'promoted', 'manager' FROM partners WHERE tier_id IS NOT NULL`,
		`INSERT INTO today_marks (kind, ref, partner_id, label, action, reason, at)
			SELECT 'escalation', id || '|2026-03-02|escalated', id, 'escalated', 'dismiss', 'handled', '2026-03-03T00:00:00Z' FROM partners`,
		`INSERT INTO team_conflicts (tbl, row_key, field, kept, other, base, kept_by, other_by, resolved_by, detail, reason, found_at)
			SELECT 'partners', json_array(id), 'city', '"a"', '"b"', '"c"', 'x', 'y', 'z', 'rule', 'rule', '2026-03-03T00:00:00Z' FROM partners`,
		`INSERT INTO team_pending (tbl, row_key, base, at) SELECT 'partners', json_array(id), '{}', '2026-03-03T00:00:00Z' FROM partners`,
		`INSERT INTO team_self (id, member_no, member_name, url, team_id, last_error) VALUES (1, 1, 'Anna', 'postgres://h/db', 't', 'down')`,
		// a conflict whatever the demo's customers happen to be
		`INSERT INTO deal_conflicts (earlier_deal_id, later_deal_id, found_at)
			SELECT min(id), max(id), '2026-03-01T00:00:00Z' FROM deals WHERE customer = 'Lost customer'`,
	}
	for _, q := range stmts {
		if _, err := s.DB().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// pdfPlainText extracts a PDF's text in reading order (pdftotext) and its
// metadata (pdfinfo: title, author, subject), which a reader sees too.
func pdfPlainText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", path, err)
	}
	return string(out) + "\n" + string(info)
}

// squeeze removes every space and line break, so that a token wrapped over
// two lines is still found.

func squeeze(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), "")
}

// TestPlanPDFLeaksNothingInternal plants a sentinel in every internal field
// and in every partner's shareable fields, exports the plans of all
// partners in both languages, and searches every document: no internal
// sentinel and no other partner's sentinel may appear, and the partner's
// own name sentinel must (otherwise the search could never fail).
func TestPlanPDFLeaksNothingInternal(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " not installed (make deps installs poppler-utils)")
		}
	}
	ctx := context.Background()
	s := openStore(t)
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 24, Seed: 9, Today: today}); err != nil {
		t.Fatal(err)
	}
	addInternalRows(t, s)
	counts := plantSentinels(t, s)
	for i, f := range internalFields {
		if counts[i] == 0 {
			t.Errorf("no row carries a sentinel in %s.%s (%s): the test would not notice its leak", f.table, f.column, f.what)
		}
	}
	// The control: an internal-looking sentinel in a shareable field of one
	// partner must be found in that partner's documents.
	control := fmt.Sprintf("LK%dR1Q", len(internalFields))
	var controlID int64
	if err := s.DB().QueryRow(`SELECT id FROM partners WHERE status IN ('active','at_risk') ORDER BY id LIMIT 1`).Scan(&controlID); err != nil {
		t.Fatal(err)
	}
	exec1(t, s, `UPDATE partners SET city = city || ' '|| ? WHERE id = ?`, control, controlID)

	docs := exportEveryPlan(t, s)
	var controlFound int
	for _, d := range docs {
		txt := pdfPlainText(t, d.path)
		flat := squeeze(txt)
		for _, m := range internalToken.FindAllStringSubmatch(flat, -1) {
			if m[0] == control && d.partner == controlID {
				controlFound++
				continue
			}
			i, _ := strconv.Atoi(m[1])
			what := "?"
			if i < len(internalFields) {
				f := internalFields[i]
				what = fmt.Sprintf("%s.%s (%s) row %s", f.table, f.column, f.what, m[2])
			}
			t.Errorf("%s: internal sentinel %s from %s", d.name, m[0], what)
		}
		own := false
		for _, m := range partnerToken.FindAllStringSubmatch(flat, -1) {
			id, _ := strconv.ParseInt(m[1], 10, 64)
			if id == d.partner {
				own = true
			} else {
				t.Errorf("%s: another partner's data (partner %d)", d.name, id)
			}
		}
		if !own {
			t.Errorf("%s: the partner's own sentinel is missing: the search finds nothing", d.name)
		}
		for _, ph := range internalPhrases {
			if strings.Contains(txt, ph) {
				t.Errorf("%s: internal text %q", d.name, ph)
			}
		}
	}
	if controlFound == 0 {
		t.Error("the control sentinel in a shareable field was not found: the search cannot fail")
	}
	t.Logf("%d documents searched", len(docs))
}

type exportedDoc struct {
	name    string
	path    string
	partner int64
}

// exportEveryPlan writes every partner's plan in both languages: the
// active ones through ExportAll, the others one by one.
func exportEveryPlan(t *testing.T, s *data.Store) []exportedDoc {
	t.Helper()
	ctx := context.Background()
	rows, err := s.PartnerRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var docs []exportedDoc
	for _, l := range []format.Lang{format.EN, format.RU} {
		dir := t.TempDir()
		paths, err := plan.ExportAll(ctx, s, dir, plan.Options{Lang: l, Today: today}, nil)
		if err != nil {
			t.Fatal(err)
		}
		active, _ := plan.ActivePartners(ctx, s)
		for i, p := range active {
			docs = append(docs, exportedDoc{name: string(l) + "/" + filepath.Base(paths[i]), path: paths[i], partner: p.ID})
		}
		inBatch := map[int64]bool{}
		for _, p := range active {
			inBatch[p.ID] = true
		}
		for _, r := range rows {
			if inBatch[r.ID] {
				continue
			}
			path := filepath.Join(dir, fmt.Sprintf("other-%d.pdf", r.ID))
			if err := plan.ExportFile(ctx, s, r.ID, path, plan.Options{Lang: l, Today: today}); err != nil {
				t.Fatal(err)
			}
			docs = append(docs, exportedDoc{name: fmt.Sprintf("%s/%s (%s)", l, r.Name, r.Status), path: path, partner: r.ID})
		}
		if len(paths) != len(active) {
			t.Fatalf("ExportAll wrote %d files for %d active partners", len(paths), len(active))
		}
	}
	if _, err := os.Stat(docs[0].path); err != nil {
		t.Fatal(err)
	}
	return docs
}

// otherColumns are the text columns that are neither internal nor one
// partner's shareable text: dates, states and keys (no free text), and the
// program's own shareable text (tiers, task titles, the vendor's contact).
var otherColumns = map[string]string{
	"partners.inn": "partner's own", "partners.kpp": "partner's own", "partners.address": "partner's own",
	"partner_source_ids.source": "import bookkeeping, never in a document", "partner_source_ids.record_id": "import bookkeeping, never in a document",
	"partner_source_ids.imported":  "import bookkeeping, never in a document",
	"contact_source_ids.source":    "import bookkeeping, never in a document",
	"contact_source_ids.record_id": "import bookkeeping, never in a document",
	"import_profiles.name":         "program", "import_profiles.source": "program", "import_profiles.header_key": "program",
	"import_profiles.columns": "program", "import_profiles.value_map": "program", "import_profiles.updated_at": "date",
	"today_marks.action": "enum", "today_marks.at": "date", "today_marks.kind": "enum", "today_marks.until": "date",
	"certifications.earned_on": "date", "certifications.expires_on": "date", "certifications.level": "partner's own, not shown",
	"certifications.name": "partner's own, not shown", "contacts.phone": "partner's own", "contacts.left_on": "date",
	"deal_conflicts.found_at": "date", "deal_conflicts.resolution": "enum", "deal_conflicts.resolved_at": "date",
	"deals.approved_on": "date", "deals.closed_on": "date", "deals.created_at": "date", "deals.customer_domain": "like customer",
	"deals.customer_key": "key", "deals.customer_tax_id": "like customer", "deals.expected_close_on": "date",
	"deals.protected_until": "date", "deals.registered_on": "date", "deals.state": "enum", "deals.updated_at": "date",
	"events.at": "date", "events.from_status": "enum", "events.kind": "enum", "events.to_status": "enum",
	"mdf_claims.created_at": "date", "mdf_claims.decided_on": "date", "mdf_claims.state": "enum", "mdf_claims.submitted_on": "date",
	"mdf_claims.updated_at": "date", "mdf_funds.activity_types": "enum list", "mdf_funds.created_at": "date",
	"mdf_funds.currency": "code", "mdf_funds.ends_on": "date", "mdf_funds.model": "enum", "mdf_funds.period_kind": "enum",
	"mdf_funds.starts_on": "date", "mdf_ledger.bucket": "enum", "mdf_ledger.created_at": "date", "mdf_ledger.kind": "enum",
	"mdf_ledger.on_date": "date", "mdf_payments.created_at": "date", "mdf_payments.paid_on": "date", "mdf_proofs.added_at": "date",
	"mdf_proofs.sha256": "hash", "mdf_requests.activity": "enum", "mdf_requests.approved_on": "date", "mdf_requests.closed_on": "date",
	"mdf_requests.created_at": "date", "mdf_requests.ends_on": "date", "mdf_requests.starts_on": "date", "mdf_requests.state": "enum",
	"mdf_requests.submitted_on": "date", "mdf_requests.updated_at": "date",
	"onboarding_checklists.completed_on": "date", "onboarding_checklists.started_on": "date",
	"onboarding_checklists.template_name": "program", "onboarding_tasks.done_on": "date", "onboarding_tasks.due_on": "date",
	"onboarding_tasks.kind": "enum", "onboarding_tasks.owner": "enum", "onboarding_tasks.product": "program",
	"onboarding_tasks.stage_en": "program", "onboarding_tasks.stage_ru": "program", "onboarding_tasks.state": "enum",
	"onboarding_tasks.title_en": "program", "onboarding_tasks.title_ru": "program", "onboarding_templates.body": "program",
	"onboarding_templates.name": "program", "onboarding_templates.partner_type": "enum", "onboarding_templates.updated_at": "date",
	"partner_metric_values.metric": "program", "partner_metric_values.updated_at": "date",
	"partners.capabilities": "partner's own", "partners.country": "partner's own", "partners.created_at": "date",
	"partners.doc_lang": "enum", "partners.products": "partner's own", "partners.region": "partner's own",
	"partners.status": "enum (at risk is checked as a phrase)", "partners.type": "enum", "partners.updated_at": "date",
	"partners.verticals": "partner's own", "plan_checkin_statuses.status": "enum", "plan_checkins.attendees": "partner's own",
	"plan_checkins.held_on": "date", "plan_commitments.kind": "enum", "plan_commitments.side": "enum", "plan_objectives.measure": "enum",
	"plan_revisions.agreed_on": "date", "plan_revisions.snapshot": "the agreed plan (shareable fields only)",
	"plans.agreed_on": "date", "plans.created_at": "date", "plans.status": "enum", "plans.updated_at": "date",
	"plans.vendor_contact_email": "program", "plans.vendor_contact_name": "program", "plans.vendor_contact_phone": "program",
	"plans.vendor_contact_role": "program", "prospect_sources.captured_at": "date", "prospect_sources.event_date": "date",
	"prospect_sources.source": "enum", "schema_migrations.applied_at": "date", "schema_migrations.name": "program",
	"settings.key": "program", "settings.value": "program", "tier_changes.changed_at": "date", "tier_dismissals.dismissed_at": "date",
	"tier_requirements.kind": "enum", "tier_requirements.label_en": "program", "tier_requirements.label_ru": "program",
	"tier_requirements.metric": "program", "tiers.benefits_en": "program", "tiers.benefits_ru": "program", "tiers.color": "program",
	"tiers.name_en": "program", "tiers.name_ru": "program",
	"kit_rows.kit_id": "key", "kit_rows.sheet": "enum", "kit_rows.row_hash": "hash", "kit_rows.kit_date": "date",
	"kit_rows.outcome": "enum", "kit_rows.at": "date", "application_answers.question": "program",
	"leads.company_key": "key", "leads.tax_id": "like company", "leads.website": "like company",
	"leads.contact_role": "like contact name", "leads.contact_phone": "like contact e-mail",
	"leads.country": "customer's own", "leads.region": "customer's own", "leads.city": "customer's own",
	"leads.product": "program", "leads.currency": "code", "leads.source": "enum", "leads.event_name": "program (the vendor's event)",
	"leads.event_date": "date", "leads.created_at": "date", "leads.updated_at": "date", "leads.state": "enum",
	"leads.offered_on": "date", "leads.expires_on": "date",
	"lead_offers.offered_on": "date", "lead_offers.expires_on": "date", "lead_offers.outcome": "enum",
	"lead_offers.decided_on": "date", "lead_steps.at": "date", "lead_steps.kind": "enum", "lead_steps.from_state": "enum",
	"lead_steps.to_state": "enum",
	"team_conflicts.tbl":  "key", "team_conflicts.row_key": "key", "team_conflicts.field": "key", "team_conflicts.reason": "enum",
	"team_conflicts.kept_at": "date", "team_conflicts.other_at": "date", "team_conflicts.found_at": "date",
	"team_conflicts.resolution": "enum", "team_conflicts.resolved_at": "date", "team_pending.tbl": "key",
	"team_pending.row_key": "key", "team_pending.at": "date", "team_self.url": "server address, never in a document",
	"team_self.team_id": "key", "team_self.last_sync": "date",
}

// TestEveryTextColumnIsClassified makes every area decide, for each text
// column it adds, whether it is internal (planted by the leak test), one
// partner's shareable text (planted per partner) or neither.
func TestEveryTextColumnIsClassified(t *testing.T) {
	s := openStore(t)
	known := map[string]bool{}
	for _, f := range internalFields {
		known[f.table+"."+f.column] = true
	}
	for _, f := range partnerFields {
		known[f.table+"."+f.column] = true
	}
	for c := range otherColumns {
		known[c] = true
	}
	rows, err := s.DB().Query(`SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND upper(c.type) = 'TEXT' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var col string
		if err := rows.Scan(&col); err != nil {
			t.Fatal(err)
		}
		if !known[col] {
			t.Errorf("text column %s is not classified in leak_test.go: internal (internalFields), one partner's shareable text (partnerFields) or neither (otherColumns)", col)
		}
	}
}
