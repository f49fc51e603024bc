package importer_test

import (
	"channeldesk/internal/testutil"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// openStore is the shared temp store (internal/testutil).
var openStore = testutil.OpenStore

func read(t *testing.T, name string) *importer.Table {
	t.Helper()
	tab, err := importer.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return tab
}

func plan(t *testing.T, s *data.Store, name string) *importer.Preview {
	t.Helper()
	tab := read(t, name)
	p, err := importer.Plan(context.Background(), s, tab, importer.DetectMapping(tab.Header), importer.Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

func TestReadDetectsEncodingAndDelimiter(t *testing.T) {
	cases := map[string]struct {
		enc   string
		delim rune
		rows  int
		cell  string // first row, first column
	}{
		"own.csv":           {"utf-8", ',', 3, "Northwind Integrators"},
		"hubspot.csv":       {"utf-8 bom", ',', 3, "101"},
		"salesforce.csv":    {"utf-8", ',', 3, "Summit Systems Inc."},
		"ru-excel-1251.csv": {"windows-1251", ';', 3, "Альфа Софт"},
		"tab.tsv":           {"utf-8", '\t', 1, "Tab Partners"},
		"partners.xlsx":     {"xlsx", 0, 4, "Орбита Софт"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			tab := read(t, name)
			if tab.Encoding != c.enc || tab.Delimiter != c.delim || len(tab.Rows) != c.rows || tab.Rows[0][0] != c.cell {
				t.Errorf("got %s %q, %d rows, first %q; want %s %q, %d, %q",
					tab.Encoding, tab.Delimiter, len(tab.Rows), tab.Rows[0][0], c.enc, c.delim, c.rows, c.cell)
			}
		})
	}
}

func TestQuotedFieldsKeepCommasQuotesAndLineBreaks(t *testing.T) {
	tab := read(t, "salesforce.csv")
	desc := tab.Rows[0][8]
	if desc != "Two offices.\nStrong presales team, \"certified\"." {
		t.Errorf("description %q", desc)
	}
	if tab.RowNums[1] != 3 {
		t.Errorf("row after a two-line record is numbered %d, want 3 (spreadsheet rows)", tab.RowNums[1])
	}
	ru := read(t, "ru-excel-1251.csv")
	if got := ru.Rows[1][11]; got != "Многострочное\r\nпримечание" && got != "Многострочное\nпримечание" {
		t.Errorf("multi-line Cyrillic note %q", got)
	}
}

func TestXLSXRowNumbersSkipBlankRows(t *testing.T) {
	tab := read(t, "partners.xlsx")
	want := []int{2, 3, 5, 6}
	for i, n := range want {
		if tab.RowNums[i] != n {
			t.Fatalf("row numbers %v, want %v", tab.RowNums, want)
		}
	}
	if tab.Rows[1][6] != "74955550103" {
		t.Errorf("a number cell reads %q", tab.Rows[1][6])
	}
}

func TestDetectMapping(t *testing.T) {
	cases := map[string]map[string]importer.Field{
		"own.csv": {"name": importer.FName, "contact_email": importer.FContactEmail, "notes": importer.FNotes,
			"verticals": importer.FVerticals},
		"hubspot.csv": {"Company name": importer.FName, "Company Domain Name": importer.FWebsite,
			"Lifecycle Stage": importer.FStatus, "Country/Region": importer.FCountry, "State/Region": importer.FRegion,
			"Company owner": importer.FAccountMgr, "Record ID": importer.FRecordID, "Number of Employees": importer.Ignore},
		"salesforce.csv": {"Account Name": importer.FName, "Billing City": importer.FCity, "Type": importer.FType,
			"Account Owner": importer.FAccountMgr, "Industry": importer.FVerticals, "Phone": importer.FContactPhone},
		"ru-excel-1251.csv": {"Название": importer.FName, "Тип партнёра": importer.FType, "E-mail": importer.FContactEmail,
			"Контактное лицо": importer.FContactName, "Юридическое лицо": importer.FLegalName, "Примечание": importer.FNotes},
		"partners.xlsx": {"Наименование": importer.FName, "Электронная почта": importer.FContactEmail, "Сайт": importer.FWebsite},
	}
	for name, want := range cases {
		tab := read(t, name)
		m := importer.DetectMapping(tab.Header)
		for i, h := range tab.Header {
			if f, ok := want[h]; ok && m[i] != f {
				t.Errorf("%s: column %q maps to %q, want %q", name, h, m[i], f)
			}
		}
	}
}

func TestMatchValuesInBothLanguages(t *testing.T) {
	types := map[string]data.PartnerType{"Реселлер": data.TypeReseller, "Channel Partner / Reseller": data.TypeReseller,
		"ДИСТРИБЬЮТОР": data.TypeDistributor, "Системный интегратор": data.TypeIntegrator, "MSP": data.TypeMSP,
		"Installation Partner": data.TypeIntegrator, "Реферальный партнёр": data.TypeReferral, "service": data.TypeService}
	for v, want := range types {
		if got, ok := importer.MatchType(v); !ok || got != want {
			t.Errorf("MatchType(%q) = %q %v, want %q", v, got, ok, want)
		}
	}
	if _, ok := importer.MatchType("franchise"); ok {
		t.Error("an unknown type matched")
	}
	statuses := map[string]data.Status{"Потенциальный": data.StatusProspect, "На проверке": data.StatusVetting,
		"Lead": data.StatusProspect, "customer": data.StatusActive, "Отклонён": data.StatusDeclined, "At risk": data.StatusAtRisk}
	for v, want := range statuses {
		if got, ok := importer.MatchStatus(v); !ok || got != want {
			t.Errorf("MatchStatus(%q) = %q %v, want %q", v, got, ok, want)
		}
	}
}

func TestPreviewNamesEveryBadRow(t *testing.T) {
	s := openStore(t)
	p := plan(t, s, "bad.csv")
	type want struct {
		action importer.Action
		column string
		key    string
	}
	wants := map[int]want{
		2:  {importer.Create, "", ""},
		3:  {importer.Reject, "name", "err.required"},
		4:  {importer.Reject, "contact_email", "err.email"},
		5:  {importer.Create, "", ""},
		6:  {importer.Create, "", ""},
		7:  {importer.Reject, "name", "err.too_long"},
		8:  {importer.Reject, "", "err.recruit_extra_cells"},
		9:  {importer.Create, "", ""},
		11: {importer.Merge, "", ""},
		12: {importer.Merge, "", ""},
	}
	if len(p.Rows) != len(wants) {
		t.Fatalf("%d rows, want %d", len(p.Rows), len(wants))
	}
	for _, r := range p.Rows {
		w, ok := wants[r.Num]
		if !ok {
			t.Errorf("unexpected row %d", r.Num)
			continue
		}
		key := ""
		if r.Err != nil {
			key = r.Err.Key
		}
		if r.Action != w.action || r.Column != w.column || key != w.key {
			t.Errorf("row %d: action %d column %q key %q; want %d %q %q", r.Num, r.Action, r.Column, key, w.action, w.column, w.key)
		}
	}
	if p.Created != 4 || p.Merged != 2 || p.Rejected != 4 || p.Warned != 2 {
		t.Errorf("counts %d/%d/%d, %d warned", p.Created, p.Merged, p.Rejected, p.Warned)
	}
	if r := p.Rows[7]; r.Partner.Name != `=HYPERLINK("http://evil.example","Click")` {
		t.Errorf("formula-looking name changed: %q", r.Partner.Name)
	}
	if r := p.Rows[8]; r.MergeRow != 0 || r.Contact != nil {
		t.Errorf("same company again: merges into row index %d with contact %v, want 0 and no new contact", r.MergeRow, r.Contact)
	}
}

func count(t *testing.T, s *data.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportThenReimportCreatesNoDuplicates(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"own.csv", "hubspot.csv", "salesforce.csv", "ru-excel-1251.csv", "tab.tsv", "partners.xlsx", "bad.csv"} {
		t.Run(name, func(t *testing.T) {
			s := openStore(t)
			p := plan(t, s, name)
			res, err := importer.Apply(ctx, s, p, "tester", nil)
			if err != nil {
				t.Fatal(err)
			}
			partners, contacts, events := count(t, s, "partners"), count(t, s, "contacts"), count(t, s, "events")
			if res.Created != partners || res.Created != p.Created || res.Skipped != p.Rejected {
				t.Errorf("result %+v, preview %d/%d/%d, stored %d", res, p.Created, p.Merged, p.Rejected, partners)
			}
			again := plan(t, s, name)
			if again.Created != 0 || again.Merged+again.Updated != p.Created+p.Merged {
				t.Errorf("re-import preview: %d created, %d merged, %d updated", again.Created, again.Merged, again.Updated)
			}
			if _, err := importer.Apply(ctx, s, again, "tester", nil); err != nil {
				t.Fatal(err)
			}
			if count(t, s, "partners") != partners || count(t, s, "contacts") != contacts || count(t, s, "events") != events {
				t.Errorf("re-import added rows")
			}
		})
	}
}

func TestCyrillicSurvivesTheImport(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if _, err := importer.Apply(ctx, s, plan(t, s, "ru-excel-1251.csv"), "", nil); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.PartnerRows(ctx)
	got := map[string]data.PartnerRow{}
	for _, r := range rows {
		got[r.Name] = r
	}
	g, ok := got["Гранит Системы"]
	if !ok || g.Type != data.TypeIntegrator || g.Status != data.StatusActive || g.City != "Екатеринбург" {
		t.Fatalf("stored %+v", rows)
	}
	if !strings.Contains(g.Contacts, "Сергей Иванов") {
		t.Errorf("contact %q", g.Contacts)
	}
	p, _ := s.Partner(ctx, g.ID)
	if p.DocLang != "ru" || p.LegalName != "АО «Гранит Системы»" {
		t.Errorf("partner %+v", p)
	}
	ev, _ := s.Events(ctx, g.ID)
	if len(ev) != 1 || !strings.HasPrefix(ev[0].Body, "Многострочное") || ev[0].Shareable {
		t.Errorf("note %+v, want one internal note", ev)
	}
}

func TestMergeFillsBlanksOnly(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	existing := &data.Partner{Name: "Northwind Integrators GmbH", Type: data.TypeMSP, Status: data.StatusActive, City: "Hamburg"}
	if err := s.CreatePartner(ctx, existing); err != nil {
		t.Fatal(err)
	}
	p := plan(t, s, "own.csv")
	if p.Rows[0].Action != importer.Merge || p.Rows[0].MergeID != existing.ID {
		t.Fatalf("row 2 not merged into the stored partner: %+v", p.Rows[0])
	}
	if _, err := importer.Apply(ctx, s, p, "", nil); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Partner(ctx, existing.ID)
	if got.City != "Hamburg" || got.Type != data.TypeMSP || got.Country != "Germany" || got.Website != "northwind.example" {
		t.Errorf("merged partner %+v: kept fields must stay, blanks filled", got)
	}
	cs, _ := s.Contacts(ctx, existing.ID)
	if len(cs) != 1 || cs[0].Email != "anna.weber@northwind.example" {
		t.Errorf("contacts %+v", cs)
	}
}

func TestCancelledImportWritesNothing(t *testing.T) {
	s := openStore(t)
	p := plan(t, s, "own.csv")
	ctx, cancel := context.WithCancel(context.Background())
	_, err := importer.Apply(ctx, s, p, "", func(done, total int) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if n := count(t, s, "partners"); n != 0 {
		t.Errorf("%d partners written by a cancelled import", n)
	}
}

func TestOverrideMapping(t *testing.T) {
	header := []string{"Firma", "Ort", "name"}
	m := importer.DetectMapping(header)
	if m[0] != importer.Ignore || m[2] != importer.FName {
		t.Fatalf("detected %v", m)
	}
	if !m.Override(header, "firma", importer.FName) || !m.Override(header, "Ort", importer.FCity) {
		t.Fatal("override not applied")
	}
	if m[0] != importer.FName || m[1] != importer.FCity || m[2] != importer.Ignore {
		t.Errorf("after override %v: the name moves, the old name column is ignored", m)
	}
	if m.Override(header, "missing", importer.FCity) {
		t.Error("an unknown column was accepted")
	}
}

func TestNoNameColumnIsRefused(t *testing.T) {
	s := openStore(t)
	tab, _ := importer.ReadCSV(strings.NewReader("Firma,Ort\nA,B\n"))
	_, err := importer.Plan(context.Background(), s, tab, importer.DetectMapping(tab.Header), importer.Options{})
	if e, ok := data.AsError(err); !ok || e.Key != "err.recruit_no_name_column" {
		t.Errorf("err %v", err)
	}
}

func TestPhoneOnlyContactIsKept(t *testing.T) {
	s := openStore(t)
	p := plan(t, s, "salesforce.csv")
	c := p.Rows[0].Contact
	if c == nil || c.Phone != "+44 113 555 0199" || c.Name != "Summit Systems Inc." {
		t.Errorf("switchboard contact %+v", c)
	}
	if p.Rows[1].Contact != nil {
		t.Errorf("a row without contact data got one: %+v", p.Rows[1].Contact)
	}
}

func TestBitrixAndAmoHeaders(t *testing.T) {
	header := []string{"Название компании", "Тип компании", "Сфера деятельности", "Рабочий телефон", "Рабочий e-mail",
		"Корпоративный сайт", "Ответственный", "Комментарий"}
	want := importer.Mapping{importer.FName, importer.FType, importer.FVerticals, importer.FContactPhone,
		importer.FContactEmail, importer.FWebsite, importer.FAccountMgr, importer.FNotes}
	got := importer.DetectMapping(header)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%q maps to %q, want %q", header[i], got[i], want[i])
		}
	}
}

func TestPlanStopsWhenCancelled(t *testing.T) {
	s := openStore(t)
	tab := read(t, "own.csv")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := importer.Plan(ctx, s, tab, importer.DetectMapping(tab.Header), importer.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v", err)
	}
}

// How each prospect was found comes from the source column in either
// language or a CRM's words, or from an event or referrer column; other
// prospects, and those whose source nobody can place, were found by
// research; active partners get no source; a bad event date is a named
// rejection.
func TestImportRecordsProspectSources(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := plan(t, s, "sources.csv")
	want := map[string]string{
		"ООО «Вектор»":   "event|ITSummit 2026|2026-10-15|",
		"Nordlicht GmbH": "event|Trade Show||",
		"АО «Полюс»":     "referral|||Игорь Смирнов",
		"Bluefin Ltd":    "referral|||Partner Referral",
		"Cedar Labs":     "inbound|||",
		"ИП Орлов":       "outbound|||",
		"Zenith Systems": "none",
		"Lumen Partners": "event|CeBIT Moscow||",
		"Омега Трейд":    "outbound|||", // «Голубиная почта» is no source we know
	}
	rejected := map[int]string{}
	for _, r := range p.Rows {
		if r.Action == importer.Reject {
			rejected[r.Num] = r.Column + ": " + r.Err.Key
		}
	}
	if len(rejected) != 1 || rejected[10] != "Дата мероприятия: err.recruit_date" {
		t.Errorf("rejected rows %v; want only 10 (bad event date)", rejected)
	}
	if _, err := importer.Apply(ctx, s, p, "", nil); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	rows, err := s.DB().Query(`SELECT p.name, coalesce(ps.source, 'none'), coalesce(ps.event_name, ''), coalesce(ps.event_date, ''),
		coalesce(ps.referred_by, '') FROM partners p LEFT JOIN prospect_sources ps ON ps.partner_id = p.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, src, ev, date, ref string
		rows.Scan(&name, &src, &ev, &date, &ref)
		got[name] = src + "|" + ev + "|" + date + "|" + ref
		if src == "none" {
			got[name] = "none"
		}
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: source %q, want %q", name, got[name], w)
		}
	}
	// A capture made by hand is never overwritten by a re-import.
	var id int64
	s.DB().QueryRow(`SELECT id FROM partners WHERE name = 'Cedar Labs'`).Scan(&id)
	if err := s.SaveProspectSource(ctx, &data.ProspectSource{PartnerID: id, Source: data.SourceEvent, EventName: "Booth"}); err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Apply(ctx, s, plan(t, s, "sources.csv"), "", nil); err != nil {
		t.Fatal(err)
	}
	if ps, _ := s.ProspectSourceOf(ctx, id); ps == nil || ps.EventName != "Booth" {
		t.Errorf("re-import replaced the captured source: %+v", ps)
	}
}

// A row merged into a known partner never gets the default source: only
// a source the file states fills the partner's blank.
func TestImportMergeInventsNoSource(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	known := &data.Partner{Name: "Northwind Integrators GmbH", Type: data.TypeMSP, Status: data.StatusActive}
	told := &data.Partner{Name: "Orbita Soft", Type: data.TypeReseller, Status: data.StatusVetting}
	for _, p := range []*data.Partner{known, told} {
		if err := s.CreatePartner(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	tab, err := importer.ReadCSV(strings.NewReader("Company,Lead Source\nNorthwind Integrators,\nOrbita Soft,Other\nOrbita Soft LLC,Trade Show\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := importer.Plan(ctx, s, tab, importer.DetectMapping(tab.Header), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Merged != 3 {
		t.Fatalf("merged %d rows, want 3", p.Merged)
	}
	if _, err := importer.Apply(ctx, s, p, "", nil); err != nil {
		t.Fatal(err)
	}
	if ps, err := s.ProspectSourceOf(ctx, known.ID); err == nil {
		t.Errorf("the known active partner got an invented source %+v", ps)
	}
	if ps, _ := s.ProspectSourceOf(ctx, told.ID); ps == nil || ps.Source != data.SourceEvent || ps.EventName != "Trade Show" {
		t.Errorf("the source the file states was not recorded: %+v", ps)
	}
}
