package data_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"channeldesk/data"
)

// teamSynced are the tables every laptop of a team shares. A new table
// must be added here or to data.TeamLocalTables: the sync takes every
// table not listed local, and this test makes that a decision.
var teamSynced = strings.Fields(`application_answers certifications contact_source_ids contacts deal_conflicts deals events
	import_profiles kit_rows lead_offers lead_steps leads mdf_claims mdf_funds mdf_ledger mdf_payments mdf_proofs mdf_requests
	onboarding_checklists onboarding_tasks onboarding_templates partner_metric_values partner_source_ids partners
	plan_checkin_statuses plan_checkins plan_commitments plan_objectives plan_revisions plans prospect_sources
	scorecard_criteria scorecard_scores settings team_conflicts tier_changes tier_dismissals tier_requirements tiers`)

func TestEveryTableIsSyncedOrLocal(t *testing.T) {
	s := MustOpen(t)
	var all []string
	rows, err := s.DB().Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		all = append(all, n)
	}
	rows.Close()
	synced := map[string]bool{}
	for _, n := range teamSynced {
		synced[n] = true
	}
	for _, n := range all {
		_, local := data.TeamLocalTables[n]
		switch {
		case local && synced[n]:
			t.Errorf("table %s is both synced and local", n)
		case !local && !synced[n]:
			t.Errorf("table %s is new: add it to teamSynced (team_test.go) or to data.TeamLocalTables with the reason", n)
		}
	}
	ts, err := s.TeamTables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range ts {
		got = append(got, tb.Name)
	}
	want := append([]string(nil), teamSynced...)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("synced tables:\n got %v\nwant %v", got, want)
	}
}

// TestEveryInsertTakesATeamID reads data/'s source: an INSERT into a table
// with an INTEGER PRIMARY KEY id must pass teamID(table), or two laptops
// of a team would make the same id.
func TestEveryInsertTakesATeamID(t *testing.T) {
	s := MustOpen(t)
	ts, err := s.TeamTables(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	intID := map[string]bool{}
	for _, tb := range ts {
		if tb.IntID {
			intID[tb.Name] = true
		}
	}
	files, _ := filepath.Glob("*.go")
	ins := regexp.MustCompile(`INSERT (?:OR \w+ )?INTO (\w+)\s*\(([^)]*)\)\s*(?:VALUES\s*\(|SELECT\s)\s*(\S*)`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "volume.go" {
			continue // volume.go: benchmark data with fixed IDs; NewVolumeWriter refuses a team's database
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ins.FindAllStringSubmatch(string(b), -1) {
			if !intID[m[1]] {
				continue
			}
			n++
			cols := strings.Fields(strings.ReplaceAll(m[2], ",", " "))
			if len(cols) == 0 || cols[0] != "id" || !strings.HasPrefix(m[3], "`") {
				t.Errorf("%s: INSERT INTO %s must start with id = teamID(%q) (one team, unique ids): %s", f, m[1], m[1], m[0])
			}
		}
	}
	if n < 20 {
		t.Errorf("found only %d inserts; the pattern is broken", n)
	}
}

// In a team every new id ends in the member's number; alone, SQLite picks it.
func TestTeamIDsEndInTheMemberNumber(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	p := mustPartner(t, s, "Solo", data.StatusActive)
	if p.ID != 1 {
		t.Fatalf("solo id %d, want 1", p.ID)
	}
	if err := s.BecomeTeamMember(ctx, data.TeamSelf{MemberNo: 7, Name: "Anna", URL: "postgres://x/y", TeamID: "t"}); err != nil {
		t.Fatal(err)
	}
	a := mustPartner(t, s, "A", data.StatusActive)
	b := mustPartner(t, s, "B", data.StatusActive)
	if a.ID != 107 || b.ID != 207 {
		t.Fatalf("team ids %d, %d; want 107, 207", a.ID, b.ID)
	}
	if n, _ := s.TeamPendingCount(ctx); n != 2 {
		t.Fatalf("%d changes waiting, want 2", n)
	}
	// The triggers come back at the next open (a migration may have rebuilt a table).
	path := s.Path()
	s.Close()
	s2, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if !s2.InTeam() {
		t.Fatal("reopened file not in team mode")
	}
	c := mustPartner(t, s2, "C", data.StatusActive)
	if c.ID != 307 {
		t.Fatalf("id after reopen %d", c.ID)
	}
	if n, _ := s2.TeamPendingCount(ctx); n != 3 {
		t.Fatalf("%d changes waiting, want 3", n)
	}
}
