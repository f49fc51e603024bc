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

func TestImportDealsCommand(t *testing.T) {
	dir, db := cliDB(t, func(s *data.Store) {
		s.CreatePartner(context.Background(), &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive})
	})
	good := filepath.Join(dir, "good.csv")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(good, []byte("partner;customer;amount;registered\nOrbit;Acme;100;2026-01-01\nOrbit;Globex;200;2026-01-02\n"), 0o600)
	os.WriteFile(bad, []byte("partner;customer;amount;registered\nOrbit;Acme;100;2026-01-01\nNobody;Globex;200;2026-01-02\n"), 0o600)
	tests := []struct {
		name   string
		args   []string
		code   int
		stored int
		out    string
	}{
		{"dry run stores nothing", []string{"import", "deals", good, "--dry-run", "--db", db}, 0, 0, "Check passed"},
		{"a bad row stores nothing", []string{"import", "deals", bad, "--db", db}, 1, 0, `Row 3: Partner: no partner "Nobody"`},
		{"no file is bad usage", []string{"import", "deals", "--db", db}, 2, 0, ""},
		{"good file imports every row", []string{"import", "deals", good, "--db", db}, 0, 2, "Deals imported: 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.out) {
				t.Errorf("output %q, want %q", stdout.String(), tc.out)
			}
			s, _ := data.Open(db)
			defer s.Close()
			ds, _ := s.Deals(context.Background(), data.DealFilter{})
			if len(ds) != tc.stored {
				t.Errorf("%d deals stored, want %d", len(ds), tc.stored)
			}
		})
	}
}

// An unknown CRM stage is listed and the deal still imports; --stages
// maps it, --save-profile keeps the mapping for the next file.
func TestImportDealsStages(t *testing.T) {
	dir, db := cliDB(t, func(s *data.Store) {
		s.CreatePartner(context.Background(), &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive})
	})
	file := filepath.Join(dir, "opps.csv")
	os.WriteFile(file, []byte("Partner Account,Account Name,Amount,Created Date,Stage\nOrbit,Acme,10,3/15/2026,Verbal Commit\n"), 0o600)
	var out, errb bytes.Buffer
	if code := run([]string{"import", "deals", file, "--dry-run", "--db", db}, &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "«Verbal Commit» (rows: 1) — unknown stage") {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"import", "deals", file, "--stages", "Verbal Commit=approved", "--save-profile", "SF",
		"--db", db}, &out, &errb); code != 0 || strings.Contains(out.String(), "unknown stage") {
		t.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
	}
	if code := run([]string{"import", "deals", file, "--stages", "Verbal=maybe", "--db", db}, &out, &errb); code != 2 {
		t.Errorf("a bad --stages exits %d, want 2", code)
	}
	s, _ := data.Open(db)
	defer s.Close()
	ds, _ := s.Deals(context.Background(), data.DealFilter{})
	if len(ds) != 1 || ds[0].State != data.DealApproved {
		t.Errorf("stored %+v", ds)
	}
}
