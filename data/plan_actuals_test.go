package data_test

import (
	"context"
	"fmt"
	"testing"

	"channeldesk/data"
)

// CertifiedOnDays counts, for each day at once, the people (not
// certificates) holding a certification valid on the day, the expiry day
// itself included, per partner, and only the partner asked for; CertifiedOn
// is the same for one day.
func TestCertifiedOnDaysMatchesDayByDay(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	a := mustPartner(t, s, "Alpha", data.StatusActive)
	b := mustPartner(t, s, "Beta", data.StatusActive)
	certs := []struct {
		partner         int64
		person          string
		earned, expires string
	}{
		{a.ID, "Anna", "2026-01-10", ""},            // valid from Q1 on
		{a.ID, "Anna", "2026-02-01", "2026-12-31"},  // a second one: still one person
		{a.ID, "Boris", "2026-04-01", "2026-06-30"}, // valid on the Q2 end, its expiry day
		{a.ID, "Clara", "2026-07-15", "2026-09-29"}, // expired a day before the Q3 end
		{b.ID, "Dmitri", "2025-05-01", "2026-03-31"},
		{b.ID, "Elena", "2026-09-30", ""}, // earned on the Q3 end
	}
	people := map[string]int64{}
	for _, c := range certs {
		if people[c.person] == 0 {
			ct := &data.Contact{PartnerID: c.partner, Name: c.person, Email: c.person + "@example.com"}
			if err := s.SaveContact(ctx, ct); err != nil {
				t.Fatal(err)
			}
			people[c.person] = ct.ID
		}
		if err := s.SaveCertification(ctx, &data.Certification{ContactID: people[c.person], Name: "Sales " + c.earned,
			EarnedOn: c.earned, ExpiresOn: c.expires}); err != nil {
			t.Fatal(err)
		}
	}
	days := []string{"2026-03-31", "2026-06-30", "2026-09-30", "2026-11-27"}
	want := map[string]int64{ // partner/day → people
		"Alpha/0": 1, "Alpha/1": 2, "Alpha/2": 1, "Alpha/3": 1,
		"Beta/0": 1, "Beta/2": 1, "Beta/3": 1,
	}
	names := map[int64]string{a.ID: "Alpha", b.ID: "Beta"}
	for _, only := range []int64{0, b.ID} {
		got, err := s.CertifiedOnDays(ctx, only, days)
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]int64{}
		for _, f := range got {
			have[fmt.Sprintf("%s/%d", names[f.PartnerID], f.Period)] = f.Count
		}
		for k, n := range want {
			if only == b.ID && k[:4] != "Beta" {
				n = 0
			}
			if have[k] != n {
				t.Errorf("partner %d only: %s: %d people, want %d", only, k, have[k], n)
			}
		}
		if len(have) != map[int64]int{0: len(want), b.ID: 3}[only] {
			t.Errorf("partner %d only: %v", only, have)
		}
		one, err := s.CertifiedOn(ctx, only, days[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range one {
			if k := names[f.PartnerID] + "/1"; f.Count != have[k] || f.Sum != 0 {
				t.Errorf("partner %d only: CertifiedOn %s: %+v, want %d people", only, days[1], f, have[k])
			}
		}
	}
}
