package metrics_test

import (
	"context"
	"testing"
	"time"

	"channeldesk/app/demo"
	"channeldesk/app/metrics"
	_ "channeldesk/app/plan" // check-ins due and missed targets
	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// weekStore is a store whose clock stands at day (noon UTC).
func weekStore(t *testing.T, day time.Time) (*data.Store, *time.Time) {
	t.Helper()
	s := testutil.OpenStore(t)
	now := day
	s.Now = func() time.Time { return now }
	return s, &now
}

func addPartner(t *testing.T, s *data.Store, name string, st data.Status, created string) int64 {
	t.Helper()
	p := &data.Partner{Name: name, Type: data.TypeReseller, Status: st, CreatedAt: created}
	if err := s.CreatePartner(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p.ID
}

func addTier(t *testing.T, s *data.Store, name string, rank int) int64 {
	t.Helper()
	tr := &data.Tier{NameEN: name, NameRU: name, Rank: rank, Color: "#336699"}
	if err := s.SaveTier(context.Background(), tr); err != nil {
		t.Fatal(err)
	}
	return tr.ID
}

func contactOn(t *testing.T, s *data.Store, id int64, kind data.EventKind, day string) {
	t.Helper()
	if err := s.AddEvent(context.Background(), &data.Event{PartnerID: id, Kind: kind, At: day + "T10:00:00Z", Body: "talked"}); err != nil {
		t.Fatal(err)
	}
}

func quietNames(t *testing.T, s *data.Store, day time.Time) map[string]int {
	t.Helper()
	cad, err := metrics.LoadCadence(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	q, err := metrics.GoneQuiet(context.Background(), s, day, cad)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, p := range q {
		out[p.Name] = p.Days
	}
	return out
}

// A Platinum partner talked to 30 days ago is within its cadence; at 31
// days it has gone quiet. Gold's boundary is 45, a partner without a tier 90.
func TestCadencePerTierAtTheBoundaryDay(t *testing.T) {
	ctx := context.Background()
	day := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s, _ := weekStore(t, day)
	plat, gold := addTier(t, s, "Platinum", 4), addTier(t, s, "Gold", 3)
	cases := []struct {
		name    string
		tier    int64
		contact string
		quiet   bool
	}{
		{"Plat 30", plat, "2026-10-28", false},
		{"Plat 31", plat, "2026-10-27", true},
		{"Gold 45", gold, "2026-10-13", false},
		{"Gold 46", gold, "2026-10-12", true},
		{"None 90", 0, "2026-08-29", false},
		{"None 91", 0, "2026-08-28", true},
	}
	for _, c := range cases {
		id := addPartner(t, s, c.name, data.StatusActive, "2025-01-01T00:00:00Z")
		if c.tier != 0 {
			if err := s.ChangeTier(ctx, &data.TierChange{PartnerID: id, ToTierID: c.tier, Reason: "test"}, "tier"); err != nil {
				t.Fatal(err)
			}
		}
		contactOn(t, s, id, data.EventCall, c.contact)
	}
	got := quietNames(t, s, day)
	for _, c := range cases {
		if _, quiet := got[c.name]; quiet != c.quiet {
			t.Errorf("%s (last contact %s): gone quiet %v, want %v", c.name, c.contact, quiet, c.quiet)
		}
	}
	// The manager makes Platinum weekly: the 30-day partner is now quiet.
	if err := s.SaveCadences(ctx, map[int64]int{plat: 7}); err != nil {
		t.Fatal(err)
	}
	if _, quiet := quietNames(t, s, day)["Plat 30"]; !quiet {
		t.Error("a Platinum partner 30 days silent with a 7-day cadence is not quiet")
	}
	if err := s.SaveCadences(ctx, map[int64]int{plat: 0}); err == nil {
		t.Error("a cadence of 0 days was accepted")
	}
}

// Only calls, meetings and e-mails are contact; a note is not, and a
// partner never contacted counts from the day it was added.
func TestLastContactIgnoresNotes(t *testing.T) {
	day := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s, _ := weekStore(t, day)
	a := addPartner(t, s, "Noted", data.StatusActive, "2025-01-01T00:00:00Z")
	contactOn(t, s, a, data.EventNote, "2026-11-20")
	contactOn(t, s, a, data.EventEmail, "2026-06-01")
	k := addPartner(t, s, "Kit sender", data.StatusActive, "2025-01-01T00:00:00Z")
	contactOn(t, s, k, data.EventCall, "2026-03-01")
	// Kit rows enter the timeline as the kit import writes them.
	if err := s.WithTx(context.Background(), func(tx *data.Tx) error {
		return data.InsertEventTx(context.Background(), tx, &data.Event{PartnerID: k, Kind: data.EventKit, At: "2026-07-15T10:00:00Z", Body: "from the partner kit"})
	}); err != nil {
		t.Fatal(err)
	}
	addPartner(t, s, "New", data.StatusOnboarding, "2026-11-01T00:00:00Z")
	addPartner(t, s, "Prospect", data.StatusProspect, "2020-01-01T00:00:00Z")
	got := quietNames(t, s, day)
	if got["Noted"] != metrics.DaysSince("2026-06-01", day) {
		t.Errorf("last contact of a partner with a note after its e-mail: %d days, want since the e-mail", got["Noted"])
	}
	if got["Kit sender"] != metrics.DaysSince("2026-07-15", day) {
		t.Errorf("a partner that sent its kit back on 15 July: quiet %d days, want since the kit", got["Kit sender"])
	}
	if _, ok := got["New"]; ok {
		t.Error("a partner added 26 days ago is reported quiet")
	}
	if _, ok := got["Prospect"]; ok {
		t.Error("a prospect is reported quiet")
	}
}

func todayKinds(b metrics.TodayBoard) map[metrics.TodayKind]int {
	out := map[metrics.TodayKind]int{}
	for _, g := range b.Groups {
		out[g.Kind] = len(g.Entries)
	}
	return out
}

// Snoozed until a day, an entry comes back on that day by the store's
// clock; a dismissal keeps it away with its reason listed.
func TestTodaySnoozeReturnsOnItsDayAndDismissStays(t *testing.T) {
	ctx := context.Background()
	day := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s, now := weekStore(t, day)
	a := addPartner(t, s, "Alpha", data.StatusActive, "2025-01-01T00:00:00Z")
	b := addPartner(t, s, "Beta", data.StatusActive, "2025-01-01T00:00:00Z")
	for _, id := range []int64{a, b} {
		contactOn(t, s, id, data.EventCall, "2026-11-20")
		if err := s.AddEvent(ctx, &data.Event{PartnerID: id, Kind: data.EventEscalation, Body: "late", Open: true,
			At: "2026-11-25T09:00:00Z"}); err != nil {
			t.Fatal(err)
		}
	}
	board, err := metrics.BuildToday(ctx, s, s.Now())
	if err != nil || todayKinds(board)[metrics.TodayEscalation] != 2 {
		t.Fatalf("escalations on Today: %v, %v", todayKinds(board), err)
	}
	esc := board.Groups[0].Entries
	if err := metrics.SnoozeToday(ctx, s, esc[0], "2026-11-27", ""); err == nil {
		t.Error("a snooze until today was accepted")
	}
	if err := metrics.SnoozeToday(ctx, s, esc[0], "2026-12-01", "Alpha"); err != nil {
		t.Fatal(err)
	}
	if err := metrics.DismissToday(ctx, s, esc[1], " ", "Beta"); err == nil {
		t.Error("a dismissal without a reason was accepted")
	}
	if err := metrics.DismissToday(ctx, s, esc[1], "handled by support", "Beta"); err != nil {
		t.Fatal(err)
	}
	board, _ = metrics.BuildToday(ctx, s, s.Now())
	if n := todayKinds(board)[metrics.TodayEscalation]; n != 0 || board.Hidden != 2 {
		t.Errorf("after snooze and dismiss: %d escalations, %d hidden", n, board.Hidden)
	}
	marks, _ := metrics.ActiveTodayMarks(ctx, s, s.Now())
	if len(marks) != 2 {
		t.Fatalf("%d marks listed, want 2", len(marks))
	}
	*now = time.Date(2026, 11, 30, 23, 0, 0, 0, time.UTC)
	board, _ = metrics.BuildToday(ctx, s, s.Now())
	if n := todayKinds(board)[metrics.TodayEscalation]; n != 0 {
		t.Errorf("the day before the snooze ends: %d escalations back", n)
	}
	*now = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	board, _ = metrics.BuildToday(ctx, s, s.Now())
	if g := board.Groups; len(g) == 0 || len(g[0].Entries) != 1 || g[0].Entries[0].PartnerName != "Alpha" {
		t.Errorf("on the snooze's day: %+v, want Alpha's escalation back alone", g)
	}
	if marks, _ := metrics.ActiveTodayMarks(ctx, s, s.Now()); len(marks) != 1 || marks[0].Reason != "handled by support" {
		t.Errorf("marks on the snooze's day: %+v", marks)
	}
}

// The demo of 200 partners holds a day's work: at most 40 entries, each
// kind of Today item among them, a few recent escalations, and some
// partners gone quiet.
func TestDemoTodayIsADaysWork(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	s.Now = func() time.Time { return testutil.DemoDay }
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 200, Seed: 1, Today: testutil.DemoDay}); err != nil {
		t.Fatal(err)
	}
	board, err := metrics.BuildToday(ctx, s, testutil.DemoDay)
	if err != nil {
		t.Fatal(err)
	}
	kinds := todayKinds(board)
	t.Logf("Today on the 200-partner demo: %d entries %v", board.Entries, kinds)
	if board.Entries > 40 || board.Entries < 15 {
		t.Errorf("Today holds %d entries, want a day's work (15 to 40)", board.Entries)
	}
	for _, k := range metrics.TodayOrder { // a smaller demo must not hide a rule
		if kinds[k] == 0 {
			t.Errorf("no %s entry on the demo's Today", k)
		}
	}
	if kinds[metrics.TodayEscalation] == 0 || kinds[metrics.TodayEscalation] > 10 {
		t.Errorf("%d open escalations, want a few", kinds[metrics.TodayEscalation])
	}
	for _, e := range board.Groups[0].Entries {
		if metrics.DaysSince(e.Date, testutil.DemoDay) > 42 {
			t.Errorf("escalation open since %s", e.Date)
		}
	}
	if kinds[metrics.TodayGoneQuiet] == 0 {
		t.Error("no partner has gone quiet in the demo")
	}
}
