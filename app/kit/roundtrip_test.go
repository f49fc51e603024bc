package kit_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/kit"
	"channeldesk/data"
)

// partnerFile is a kit opened as a partner opens it.
type partnerFile struct {
	t    testing.TB
	f    *excelize.File
	used map[string]int // tag → rows of it already filled
}

func openKit(t testing.TB, path string) *partnerFile {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return &partnerFile{t: t, f: f, used: map[string]int{}}
}

// next finds the next unfilled row tagged tag on sheet.
func (p *partnerFile) next(sheet, tag string) int {
	p.t.Helper()
	rows, _ := p.f.GetRows(sheet)
	seen := 0
	for i, r := range rows {
		if len(r) > 0 && r[0] == tag {
			if seen == p.used[sheet+tag] {
				p.used[sheet+tag]++
				return i + 1
			}
			seen++
		}
	}
	p.t.Fatalf("no free row %q on %s", tag, sheet)
	return 0
}

// fill types values into a row from column C; a value starting with "f:"
// is entered as a formula, an int as a number, anything else as text.
func (p *partnerFile) fill(sheet string, row, from int, vals ...any) {
	for i, v := range vals {
		ref, _ := excelize.CoordinatesToCellName(from+i, row)
		switch x := v.(type) {
		case nil:
		case string:
			if strings.HasPrefix(x, "f:") {
				p.f.SetCellFormula(sheet, ref, x[2:])
			} else {
				p.f.SetCellStr(sheet, ref, x)
			}
		default:
			p.f.SetCellValue(sheet, ref, x)
		}
	}
}

func (p *partnerFile) save(path string) {
	p.t.Helper()
	if err := p.f.SaveAs(path); err != nil {
		p.t.Fatal(err)
	}
	p.f.Close()
}

const (
	shDeals  = "Deal registrations"
	shMDF    = "MDF"
	shPlan   = "Plan actuals"
	shPeople = "Contacts and certifications"
)

// fillAsPartner fills a kit the way partner A would: every kind of row,
// some wrong on purpose.
func fillAsPartner(t testing.TB, w *world, in, out string) {
	p := openKit(t, in)
	p.fill(shDeals, p.next(shDeals, "D"), 3, "Acme Corp", "7707083893", "acme.example", "Desk", "1 200,50", "EUR", "2026-12-01", "Jane Doe", "f:1+1")
	p.fill(shDeals, p.next(shDeals, "D"), 3, "Globex", "", "", "Vault", 5000, nil, "2026-11-30")
	p.fill(shDeals, p.next(shDeals, "D"), 3, "=HYPERLINK(\"http://x\")", "", "", "Desk", "$1,200.50")
	p.fill(shDeals, p.next(shDeals, "D"), 3, "Initech", "", "", "Desk", "12abc")
	p.fill(shMDF, p.next(shMDF, "Q"), 3, "Webinar", "Autumn webinar", "2026-09-01", "2026-09-02", 3000, 1500, 40)
	p.fill(shMDF, p.next(shMDF, "Q"), 3, "Event", "Big expo", "2026-09-10", "2026-09-12", 90000, 90000)
	p.fill(shMDF, p.next(shMDF, "C:"+fmt.Sprint(w.claimReq)), 9, 2000, 25, "photos.zip, leads.xlsx")
	p.fill(shPlan, p.next(shPlan, "P:"+fmt.Sprint(w.objective)), 8, nil, 3)
	p.fill(shPeople, p.next(shPeople, "K:"+fmt.Sprint(w.ann)), 3, "Ann Archer", "Head of sales")
	p.fill(shPeople, p.next(shPeople, "K:"+fmt.Sprint(w.boris)), 7, "Yes")
	p.fill(shPeople, p.next(shPeople, "K:"), 3, "Nina New", "Presales", "nina@alpha.example", "+7 495 000-00-00")
	p.fill(shPeople, p.next(shPeople, "T"), 3, "Nina New", "Desk Certified Engineer", "Pro", "2026-06-01", "2028-06-01")
	p.fill(shPeople, p.next(shPeople, "T"), 3, "Nobody Known", "Desk Sales", "", "2026-06-01")
	p.save(out)
}

func exportA(t testing.TB, w *world) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kit.xlsx")
	if _, err := kit.ExportFile(context.Background(), w.s, w.a, path, kit.Options{}); err != nil {
		t.Fatal(err)
	}
	return path
}

func importFile(t testing.TB, s *data.Store, path string, opt kit.ImportOptions) (*kit.Preview, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return kit.Import(context.Background(), s, f, opt)
}

func errKey(err error) string {
	if e, ok := data.AsError(err); ok {
		return e.Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func counts(t testing.TB, s *data.Store) string {
	t.Helper()
	tables := []string{"deals", "mdf_requests", "mdf_claims", "contacts", "certifications", "events", "kit_rows"}
	n, err := s.RowCounts(context.Background(), tables...)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tb := range tables {
		out = append(out, fmt.Sprintf("%s=%d", tb, n[tb]))
	}
	return strings.Join(out, " ")
}

// TestKitRoundTrip makes partner A's kit, fills it in as the partner
// would, previews it (nothing changes), imports it (every kind of row
// lands or is refused with its reason) and imports it again (nothing new).
func TestKitRoundTrip(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	fillAsPartner(t, w, exportA(t, w), filled)

	before := counts(t, w.s)
	pv, err := importFile(t, w.s, filled, kit.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if after := counts(t, w.s); after != before {
		t.Fatalf("the preview changed the database:\n%s\n%s", before, after)
	}
	want := map[string]string{ // summary prefix → refusal key ("" = accepted)
		"Acme Corp": "", "Globex": "", "=HYPERLINK": "", "Initech": "err.kit_money",
		"Webinar": "", "Event": "err.mdf_shortfall_partner", "#": "", "New customers: Logos": "",
		"Ann Archer": "", "Boris Brown": "", "Nina New · Presales": "", "Nina New · Desk": "", "Nobody Known": "err.kit_person_unknown",
	}
	checkItems(t, pv, want)
	for _, it := range pv.Items {
		if strings.HasPrefix(it.Summary, "Acme") && !strings.Contains(it.Summary, "=1+1") {
			t.Errorf("the formula typed in the notes is not kept as its text: %q", it.Summary)
		}
		if strings.HasPrefix(it.Summary, "Globex") && errKey(it.Warning) != "err.kit_deal_conflict" {
			t.Errorf("the Globex registration is not flagged as a conflict: %v", it.Warning)
		}
	}

	pv, err = importFile(t, w.s, filled, kit.ImportOptions{Commit: true})
	if err != nil {
		t.Fatal(err)
	}
	checkItems(t, pv, want)
	checkLanded(t, w)
	var events int
	evs, _ := w.s.Events(ctx, w.a)
	for _, e := range evs {
		if e.Kind == data.EventKit {
			events++
		}
	}
	if events != 10 {
		t.Errorf("%d timeline entries from the kit, want one per accepted row (10)", events)
	}
	if rej, _ := w.s.KitRejections(ctx, w.a); len(rej) != 3 {
		t.Errorf("%d rejections kept for the next kit, want 3", len(rej))
	}

	before = counts(t, w.s)
	pv, err = importFile(t, w.s, filled, kit.ImportOptions{Commit: true})
	if err != nil {
		t.Fatal(err)
	}
	if after := counts(t, w.s); after != before {
		t.Errorf("importing the same kit again changed the database:\n%s\n%s", before, after)
	}
	for _, it := range pv.Items {
		if !it.Done {
			t.Errorf("row %s:%d handled again on the second import", it.Sheet, it.Line)
		}
	}
}

func checkItems(t *testing.T, pv *kit.Preview, want map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, it := range pv.Items {
		for prefix, key := range want {
			if !strings.HasPrefix(it.Summary, prefix) {
				continue
			}
			seen[prefix] = true
			if got := errKey(it.Err); got != key {
				t.Errorf("%s row %d (%s): refusal %q, want %q", it.Sheet, it.Line, it.Summary, got, key)
			}
		}
	}
	for prefix := range want {
		if !seen[prefix] {
			t.Errorf("no preview row for %q; rows: %v", prefix, summaries(pv))
		}
	}
	if len(pv.Items) != len(want) {
		t.Errorf("%d preview rows, want %d: %v", len(pv.Items), len(want), summaries(pv))
	}
}

func summaries(pv *kit.Preview) []string {
	var out []string
	for _, it := range pv.Items {
		out = append(out, it.Summary+" ["+errKey(it.Err)+"]")
	}
	return out
}

// checkLanded looks at what the import stored, as the manager would.
func checkLanded(t *testing.T, w *world) {
	t.Helper()
	ctx := context.Background()
	deals, _ := w.s.Deals(ctx, data.DealFilter{PartnerID: w.a})
	got := map[string]data.Deal{}
	for _, d := range deals {
		got[d.Customer] = d
	}
	if d := got["Acme Corp"]; d.Amount != 1200_50 || d.ExpectedCloseOn != "2026-12-01" || d.State != data.DealSubmitted || d.CustomerTaxID != "7707083893" {
		t.Errorf("Acme Corp registration: %+v", d)
	}
	if d, ok := got[`=HYPERLINK("http://x")`]; !ok || d.Amount != 1200_50 {
		t.Errorf("formula-looking customer not kept as text: %v", got)
	}
	if d := got["Globex"]; d.Conflict == nil {
		t.Error("Globex registration stored without its conflict")
	}
	var reqs []data.MDFRequest
	all, _ := w.s.MDFRequestsBy(ctx, data.MDFRequestFilter{PartnerID: w.a})
	for _, r := range all {
		if r.Description == "Autumn webinar" {
			reqs = append(reqs, r)
		}
	}
	if len(reqs) != 1 || reqs[0].State != data.RequestSubmitted || reqs[0].Requested != 1500_00 || reqs[0].ExpectedLeads != 40 {
		t.Errorf("webinar request: %+v", reqs)
	}
	claims, _ := w.s.MDFClaimsBy(ctx, data.MDFClaimFilter{PartnerID: w.a})
	if len(claims) != 1 || claims[0].ActualCost != 2000_00 || claims[0].Leads != 25 || !strings.Contains(claims[0].Note, "photos.zip") {
		t.Errorf("claim: %+v", claims)
	}
	plan, _ := w.s.PlanFor(ctx, w.a, 2026)
	if o := plan.Objectives[1]; o.Actuals != [4]int64{1, 3, 0, 0} {
		t.Errorf("plan actuals %v, want Q2 = 3", o.Actuals)
	}
	cs, _ := w.s.Contacts(ctx, w.a)
	names := map[string]string{}
	for _, c := range data.CurrentContacts(cs) {
		names[c.Name] = c.Role
	}
	if names["Ann Archer"] != "Head of sales" || names["Nina New"] != "Presales" || len(names) != 2 {
		t.Errorf("current contacts after import: %v (Boris left)", names)
	}
	// Boris is kept, marked as gone on the import's day, last in the list.
	if len(cs) != 3 || cs[2].Name != "Boris Brown" || cs[2].LeftOn != w.s.Today() {
		t.Errorf("contacts after import: %+v, want Boris Brown kept as left on %s", cs, w.s.Today())
	}
	c, err := kit.Load(ctx, w.s, w.a, kit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Contacts {
		if p.Name == "Boris Brown" {
			t.Error("the next kit still lists Boris, who left")
		}
	}
	certs, _ := w.s.Certifications(ctx, w.a)
	if len(certs) != 1 || certs[0].ContactName != "Nina New" || certs[0].ExpiresOn != "2028-06-01" {
		t.Errorf("certifications: %+v", certs)
	}
}
