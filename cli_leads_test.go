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

// TestLeadsCommands imports a booth's badge export for an event and
// routes it: the dry run prints the partner and the reasons per lead and
// writes nothing; the real run offers every lead.
func TestLeadsCommands(t *testing.T) {
	ctx := context.Background()
	dir, db := cliDB(t, func(s *data.Store) {
		s.CreatePartner(ctx, &data.Partner{Name: "Kazan IT", Type: data.TypeReseller, Status: data.StatusActive, Country: "Russia",
			Region: "Tatarstan", Products: []string{"Backup"}})
		s.CreatePartner(ctx, &data.Partner{Name: "Samara Soft", Type: data.TypeReseller, Status: data.StatusActive, Country: "Russia",
			Region: "Samara", Products: []string{"Mail"}})
	})
	file := filepath.Join(dir, "badges.csv")
	os.WriteFile(file, []byte("Name,Company,Email,Country,Region,Interest,Budget\n"+
		"Ivan Petrov,Kazan Steel,ivan@kazansteel.ru,Russia,Tatarstan,Backup,100000\n"+
		"Olga Sidorova,Volga Foods,olga@volga.ru,Russia,Samara,Mail,\n"), 0o600)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("Company,Budget\nA,lots\n"), 0o600)
	steps := []struct {
		name    string
		args    []string
		code    int
		out     string
		offered int
		leads   int
	}{
		{"a bad row imports nothing", []string{"import", "leads", bad, "--event", "Expo", "--db", db}, 1, "row 2, column «Budget»", 0, 0},
		{"import dry run", []string{"import", "leads", file, "--event", "CNews Forum", "--event-date", "2026-11-20", "--dry-run", "--db", db}, 0, "2 new", 0, 0},
		{"import", []string{"import", "leads", file, "--event", "CNews Forum", "--event-date", "2026-11-20", "--db", db}, 0, "Imported 2 leads", 0, 2},
		{"route dry run", []string{"leads", "route", "--event", "CNews Forum", "--dry-run", "--db", db}, 0, "Kazan Steel › Kazan IT", 0, 2},
		{"route", []string{"leads", "route", "--db", db}, 0, "Volga Foods › Samara Soft", 2, 2},
		{"nothing left to route", []string{"leads", "route", "--db", db}, 0, "Offered 0 of 0", 2, 2},
		{"bad usage", []string{"leads", "send"}, 2, "", 2, 2},
	}
	for _, tc := range steps {
		var stdout, stderr bytes.Buffer
		if code := run(tc.args, &stdout, &stderr); code != tc.code {
			t.Fatalf("%s: exit %d, want %d; stdout %s stderr %s", tc.name, code, tc.code, stdout.String(), stderr.String())
		}
		if !strings.Contains(stdout.String()+stderr.String(), tc.out) {
			t.Errorf("%s: output %q, want %q", tc.name, stdout.String()+stderr.String(), tc.out)
		}
		s, _ := data.Open(db)
		ls, _ := s.Leads(ctx, data.LeadFilter{})
		off, _ := s.Leads(ctx, data.LeadFilter{State: data.LeadOffered})
		s.Close()
		if len(ls) != tc.leads || len(off) != tc.offered {
			t.Errorf("%s: %d leads, %d offered; want %d, %d", tc.name, len(ls), len(off), tc.leads, tc.offered)
		}
	}
}
