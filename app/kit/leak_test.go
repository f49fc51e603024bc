package kit_test

import (
	"archive/zip"
	"context"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"channeldesk/app/format"
	"channeldesk/app/kit"
)

// kitInternal are the internal texts a kit could be tempted to show: a
// sentinel LK<i>R<rowid>Q is planted in each (app/plan/leak_test.go holds
// the program-wide classification of every text column).
var kitInternal = []struct{ table, column, where string }{
	{"events", "body", ""}, {"events", "author", ""},
	{"onboarding_tasks", "reason", ""}, {"onboarding_tasks", "done_by", ""},
	{"scorecard_scores", "comment", ""}, {"scorecard_criteria", "name_en", ""}, {"scorecard_criteria", "name_ru", ""},
	{"plan_checkins", "notes", "shareable = 0"},
	{"deals", "reason", ""}, {"deal_conflicts", "note", ""},
	{"partners", "tags", ""}, {"partners", "account_manager", ""},
	{"tier_changes", "reason", ""}, {"tier_changes", "author", ""},
	{"prospect_sources", "event_name", ""}, {"prospect_sources", "referred_by", ""}, {"prospect_sources", "interest", ""},
	{"mdf_requests", "reason", ""}, {"mdf_claims", "note", ""}, {"mdf_claims", "reason", ""},
	{"mdf_ledger", "reason", ""}, {"mdf_payments", "reference", ""}, {"mdf_proofs", "name", ""}, {"mdf_funds", "name", ""},
	{"leads", "notes_internal", ""}, {"leads", "reason", ""}, {"leads", "created_by", ""},
	{"lead_offers", "reason", ""}, {"lead_steps", "body", ""}, {"lead_steps", "author", ""},
}

// kitOwn is one partner's text: PX<partner>Q may appear only in its own kit.
// A lead's shareable fields belong to the partner it is offered to.
var kitOwn = []struct{ table, column, partnerID string }{
	{"leads", "company", "partner_id"}, {"leads", "contact_name", "partner_id"}, {"leads", "contact_email", "partner_id"},
	{"leads", "notes_shareable", "partner_id"},
	{"partners", "name", "id"}, {"contacts", "name", "partner_id"}, {"contacts", "email", "partner_id"},
	{"contacts", "role", "partner_id"}, {"deals", "customer", "partner_id"}, {"deals", "product", "partner_id"},
	{"mdf_requests", "description", "partner_id"},
	{"plan_objectives", "title", "(SELECT partner_id FROM plans WHERE plans.id = plan_id)"},
	{"kit_rows", "reason", "partner_id"},
}

var (
	lkToken = regexp.MustCompile(`LK(\d+)R(\d+)Q`)
	pxToken = regexp.MustCompile(`PX(\d+)Q`)
)

// xlsxText is every text inside a workbook — cells, shared strings,
// hidden sheets, validation lists, properties — unescaped.
func xlsxText(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var b strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, _ := io.ReadAll(r)
		r.Close()
		b.WriteString(html.UnescapeString(string(x)))
	}
	return b.String()
}

// TestKitLeaksNothingInternal plants a sentinel in every internal field
// and every partner's own text, exports every partner's kit in both
// languages and searches each file: no internal sentinel, no other
// partner's; the partner's own must be there (or the search cannot fail).
func TestKitLeaksNothingInternal(t *testing.T) {
	ctx := context.Background()
	s := demoStore(t, 16)
	for _, q := range []string{
		`INSERT INTO events (partner_id, kind, at, author, body) SELECT id, 'note', '2026-03-01T00:00:00Z', 'manager', 'note' FROM partners`,
		`INSERT OR IGNORE INTO scorecard_criteria (position, name_en, name_ru, weight) VALUES (99, 'Culture', 'Культура', 10)`,
		`INSERT OR IGNORE INTO scorecard_scores (partner_id, criterion_id, score, comment) SELECT p.id, c.id, 3, 'weak' FROM partners p, scorecard_criteria c`,
		`INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on, reason, created_at, updated_at)
			SELECT id, 'Rejected customer', 'rej' || id, 1000, 'rejected', '2026-02-01', '', 'duplicate', '', '' FROM partners`,
		`INSERT INTO deal_conflicts (earlier_deal_id, later_deal_id, found_at, note)
			SELECT min(id), max(id), '2026-03-01T00:00:00Z', 'conflict' FROM deals`,
		`INSERT INTO kit_rows (kit_id, sheet, row_hash, partner_id, kit_date, outcome, summary, reason, at)
			SELECT 'k' || id, 'deals', 'h', id, '2026-08-01', 'rejected', '4: x', 'why', '2026-08-02T00:00:00Z' FROM partners`,
	} {
		exec1(t, s, q)
	}
	for i, f := range kitInternal {
		q := fmt.Sprintf(`UPDATE %s SET %s = %s || ' LK%dR' || rowid || 'Q'`, f.table, f.column, f.column, i)
		if f.where != "" {
			q += " WHERE " + f.where
		}
		res, err := s.DB().Exec(q)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			t.Errorf("no row of %s.%s carries a sentinel: its leak would go unnoticed", f.table, f.column)
		}
	}
	for _, f := range kitOwn {
		exec1(t, s, fmt.Sprintf(`UPDATE %s SET %s = %s || ' PX' || %s || 'Q' WHERE %s IS NOT NULL`, f.table, f.column, f.column, f.partnerID, f.partnerID))
	}
	var offered int
	s.DB().QueryRow(`SELECT count(*) FROM leads WHERE state = 'offered' AND expires_on >= ?`, today.Format("2006-01-02")).Scan(&offered)
	if offered == 0 {
		t.Error("no open lead offer in the demo: the Leads for you sheet would go unsearched")
	}
	rows, err := s.PartnerRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, l := range []format.Lang{format.EN, format.RU} {
		dir := t.TempDir()
		paths, err := kit.ExportAll(ctx, s, rows, dir, kit.Options{Lang: l}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, path := range paths {
			checkKitText(t, filepath.Base(path), xlsxText(t, path), rows[i].ID)
			checked++
			// the e-mail draft lists the partner's open offers: the same rule
			d, err := kit.NewDraft(ctx, s, rows[i].ID, kit.MailOptions{Lang: l})
			if err != nil {
				t.Fatal(err)
			}
			checkKitText(t, filepath.Base(path)+" e-mail", d.Subject+"\n"+d.Body, rows[i].ID)
		}
	}
	t.Logf("%d kits searched", checked)
}

func checkKitText(t *testing.T, name, txt string, partner int64) {
	t.Helper()
	for _, m := range lkToken.FindAllStringSubmatch(txt, -1) {
		i, _ := strconv.Atoi(m[1])
		t.Errorf("%s: internal sentinel %s from %s.%s", name, m[0], kitInternal[i].table, kitInternal[i].column)
	}
	own := false
	for _, m := range pxToken.FindAllStringSubmatch(txt, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		if id != partner {
			t.Errorf("%s: another partner's data (partner %d)", name, id)
		}
		own = own || id == partner
	}
	if !own {
		t.Errorf("%s: the partner's own sentinel is missing: the search finds nothing", name)
	}
	for _, ph := range []string{"Demotion", "demotion", "Риск понижения", "понижени", "At risk", "Под угрозой", "at_risk"} {
		if strings.Contains(txt, ph) {
			t.Errorf("%s: internal text %q", name, ph)
		}
	}
}
