package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"channeldesk/app/importer"
	"channeldesk/data"
)

const badgeExport = "Name,Company,Job Title,Email,Country,Region,Interest,Budget,Lead Source,ИНН\n" +
	"Ivan Petrov,Kazan Steel,CIO,ivan@kazansteel.ru,Russia,Tatarstan,Backup,\"1 200 000,50\",Trade show,1655000001\n" +
	"Olga Sidorova,Volga Foods,CTO,olga@volga.ru,Russia,Samara,Mail,,,\n" +
	"Repeat Visitor,Kazan  Steel,,,Russia,,Backup,,,\n"

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportLeadsFromBadgeScanner(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tab, err := importer.ReadFile(writeFile(t, "badges.csv", badgeExport))
	if err != nil {
		t.Fatal(err)
	}
	m := importer.DetectLeadMapping(tab.Header)
	want := []importer.Field{importer.FContactName, importer.FName, importer.FContactRole, importer.FContactEmail,
		importer.FCountry, importer.FRegion, importer.FProductInterest, importer.FEstAmount, importer.FSource, importer.FINN}
	for i, f := range want {
		if m[i] != f {
			t.Errorf("column %q maps to %q, want %q", tab.Header[i], m[i], f)
		}
	}
	opt := importer.LeadOptions{Event: "CNews Forum", EventDate: "2026-11-20", Currency: "RUB"}
	p, err := importer.PlanLeads(ctx, s, tab, m, opt)
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != 2 || p.Existing != 1 || p.Rejected != 0 {
		t.Fatalf("created %d, repeats %d, rejected %d; want 2, 1, 0: %+v", p.Created, p.Existing, p.Rejected, p.Rows)
	}
	first := p.Rows[0].Lead
	if first.EstAmount != 120000050 || first.Currency != "RUB" || first.Source != data.LeadFromEvent ||
		first.EventName != "CNews Forum" || first.TaxID != "1655000001" || first.ContactName != "Ivan Petrov" {
		t.Errorf("first lead read as %+v", first)
	}
	n, err := importer.ApplyLeads(ctx, s, p)
	if err != nil || n != 2 {
		t.Fatalf("applied %d, %v", n, err)
	}
	again, _ := importer.PlanLeads(ctx, s, tab, m, opt)
	if again.Created != 0 || again.Existing != 3 {
		t.Errorf("a second import of the same file would create %d", again.Created)
	}
}

func TestImportLeadsRefusesWholeFileWithBadRow(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tab, err := importer.ReadFile(writeFile(t, "bad.csv", "Company,Budget,Source\nA,100,Trade show\nB,lots,web\nC,,Carrier pigeon\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := importer.DetectLeadMapping(tab.Header)
	p, err := importer.PlanLeads(ctx, s, tab, m, importer.LeadOptions{Event: "Expo", Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Rejected != 2 || p.Rows[1].Column != "Budget" || p.Rows[2].Column != "Source" {
		t.Fatalf("rejections: %+v", p.Rows)
	}
	if _, err := importer.ApplyLeads(ctx, s, p); data.ErrorCode(err) != data.EINVALID {
		t.Fatalf("a file with rejected rows was applied: %v", err)
	}
	if ls, _ := s.Leads(ctx, data.LeadFilter{}); len(ls) != 0 {
		t.Errorf("%d leads written by a failed import", len(ls))
	}
	vm := importer.ValueMap{}
	vm.Set("Source", "Carrier pigeon", string(data.LeadFromReferral))
	p, _ = importer.PlanLeads(ctx, s, tab, m, importer.LeadOptions{Event: "Expo", Currency: "EUR", Values: vm})
	if p.Rows[2].Action != importer.Create || p.Rows[2].Lead.Source != data.LeadFromReferral {
		t.Errorf("a mapped source value: %+v", p.Rows[2])
	}
}
