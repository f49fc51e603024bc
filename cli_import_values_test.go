package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/data"
)

func TestImportValuesFlag(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	dir := t.TempDir()
	file := filepath.Join(dir, "hubspot.csv")
	csv := "Company name,Type\nAlpha,Partner\nBeta,Partner\nGamma,Vendor\nDelta,Reseller\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		values   string
		code     int
		partners int
		out      string
	}{
		{"unmapped values warn and import", "", 0, 4, "«Partner» (rows: 2) is not a value we know"},
		{"bad target", "Type:Partner=franchise", 2, -1, "not a type of ours"},
		{"no such column", "Kind:Partner=reseller", 2, -1, "no type, status, source or language column"},
		{"mapped and skipped", "Type:Partner=msp,Type:Vendor=skip", 0, 3, "«Vendor» (rows: 1) › skip these rows"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".db")
			args := []string{"import", "partners", file, "--db", db}
			if c.values != "" {
				args = append(args, "--values", c.values)
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			all := stdout.String() + stderr.String()
			if code != c.code || !strings.Contains(all, c.out) {
				t.Fatalf("exit %d, want %d; output:\n%s", code, c.code, all)
			}
			if c.partners < 0 {
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("a bad --values created %s", db)
				}
				return
			}
			if n := countPartners(t, db); n != c.partners {
				t.Errorf("%d partners stored, want %d", n, c.partners)
			}
		})
	}
}

func TestImportProfileFlags(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	dir := t.TempDir()
	db := filepath.Join(dir, "cd.db")
	first := filepath.Join(dir, "first.csv")
	second := filepath.Join(dir, "second.csv")
	if err := os.WriteFile(first, []byte("Company name,Type\nAlpha,Partner\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(second, []byte("Type,Company name\nPartner,Beta\nVendor,Gamma\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"import", "partners", first, "--db", db, "--values", "Type:Partner=msp", "--save-profile", "HubSpot"}, 0, "import profile «HubSpot»"},
		{[]string{"import", "partners", second, "--db", db, "--values", "Type:Vendor=skip"}, 0, "Using the saved import profile «HubSpot»"},
		{[]string{"import", "partners", second, "--db", db, "--profile", "Nope"}, 1, "import profile no longer exists"},
	}
	for i, st := range steps {
		var stdout, stderr bytes.Buffer
		code := run(st.args, &stdout, &stderr)
		if all := stdout.String() + stderr.String(); code != st.code || !strings.Contains(all, st.out) {
			t.Fatalf("step %d: exit %d, want %d; output:\n%s", i, code, st.code, all)
		}
	}
	if strings.Contains(partnerTypes(t, db), "reseller") {
		t.Errorf("types %s: the profile's Partner=msp was not applied to the second file", partnerTypes(t, db))
	}
	if n := countPartners(t, db); n != 2 {
		t.Errorf("%d partners, want Alpha and Beta (Gamma skipped)", n)
	}
}

func partnerTypes(t *testing.T, db string) string {
	t.Helper()
	var out []string
	for _, r := range storedPartners(t, db) {
		out = append(out, r.Name+"="+string(r.Type))
	}
	return strings.Join(out, ",")
}

func TestImportContactsCommand(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	db := filepath.Join(t.TempDir(), "cd.db")
	crm := func(name string) string { return filepath.Join("app", "importer", "testdata", "crm", name) }
	var stdout, stderr bytes.Buffer
	if code := run([]string{"import", "partners", crm("salesforce-accounts.csv"), "--db", db}, &stdout, &stderr); code != 0 {
		t.Fatalf("accounts: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	code := run([]string{"import", "contacts", crm("salesforce-contacts.csv"), "--db", db}, &stdout, &stderr)
	out := stdout.String()
	if code != 0 || !strings.Contains(out, "New contacts: 3, already there: 0, company not found: 1") ||
		!strings.Contains(out, "row 5: Sam Stone — no partner found for the company «Unknown Co»") ||
		!strings.Contains(out, "Imported 3 contacts.") {
		t.Errorf("exit %d; output:\n%s%s", code, out, stderr.String())
	}
}

// storedPartners lists the partners of the database at db.
func storedPartners(t *testing.T, db string) []data.PartnerRow {
	t.Helper()
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.PartnerRows(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
