package recruit_test

import (
	"channeldesk/internal/testutil"
	"context"
	"testing"

	"channeldesk/app/demo"
	"channeldesk/app/recruit"
	"channeldesk/data"
)

func TestCaptureRemembersTheEventAndFindsDuplicates(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p, err := recruit.CaptureProspect(ctx, s, recruit.Capture{Company: "ООО «Орбита Софт»", ContactName: "Иван Петров",
		Email: "petrov@orbita.example", Interest: "аналитика", Event: "CeBIT", EventDate: "2026-11-20"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Status != data.StatusProspect || p.DocLang != "ru" {
		t.Errorf("captured %+v", p)
	}
	src, err := s.ProspectSourceOf(ctx, p.ID)
	if err != nil || src.Source != data.SourceEvent || src.EventName != "CeBIT" || src.Interest != "аналитика" {
		t.Errorf("source %+v %v", src, err)
	}
	if ev, _ := s.Setting(ctx, recruit.SettingLastEvent); ev != "CeBIT" {
		t.Errorf("last event %q", ev)
	}
	if _, err := recruit.CaptureProspect(ctx, s, recruit.Capture{Company: " "}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("capture without a company: %v", err)
	}
}

func TestFindDuplicate(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p, err := recruit.CaptureProspect(ctx, s, recruit.Capture{Company: "ООО «Орбита Софт»", Email: "petrov@orbita.example"})
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		company, email, reason string
	}{
		"same name, other form":  {"Орбита софт, АО", "", "name"},
		"same e-mail domain":     {"Completely Other", "ceo@Orbita.example", "domain"},
		"free mail is no match":  {"Someone", "x@mail.ru", ""},
		"different company":      {"Орбита Дата", "", ""},
		"nothing typed is blank": {"", "", ""},
	}
	for name, c := range cases {
		d, err := recruit.FindDuplicate(ctx, s, c.company, c.email)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case c.reason == "" && d != nil:
			t.Errorf("%s: unexpected duplicate %+v", name, d)
		case c.reason != "" && (d == nil || d.ID != p.ID || d.Reason != c.reason):
			t.Errorf("%s: duplicate %+v, want partner %d by %s", name, d, p.ID, c.reason)
		}
	}
}

func TestWeightedScore(t *testing.T) {
	crit := []data.Criterion{{ID: 1, Weight: 20}, {ID: 2, Weight: 10}, {ID: 3, Weight: 0}}
	cases := []struct {
		scores []data.Score
		want   int
		ok     bool
	}{
		{nil, 0, false},
		{[]data.Score{{CriterionID: 1, Score: 5}, {CriterionID: 2, Score: 5}}, 100, true},
		{[]data.Score{{CriterionID: 1, Score: 1}, {CriterionID: 2, Score: 1}}, 0, true},
		{[]data.Score{{CriterionID: 1, Score: 5}, {CriterionID: 2, Score: 1}}, 67, true},
		{[]data.Score{{CriterionID: 1, Score: 3}}, 50, true},
		{[]data.Score{{CriterionID: 3, Score: 5}}, 0, false},
	}
	for _, c := range cases {
		got, ok := recruit.WeightedScore(crit, c.scores)
		if got != c.want || ok != c.ok {
			t.Errorf("WeightedScore(%v) = %d %v, want %d %v", c.scores, got, ok, c.want, c.ok)
		}
	}
}

func TestApproveAndDecline(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	a, _ := recruit.CaptureProspect(ctx, s, recruit.Capture{Company: "Approved Co"})
	d, _ := recruit.CaptureProspect(ctx, s, recruit.Capture{Company: "Declined Co"})
	hooked := int64(0)
	saved := recruit.ApproveHooks
	recruit.ApproveHooks = append(recruit.ApproveHooks, func(ctx context.Context, tx *data.Tx, s *data.Store, id int64) error {
		hooked = id
		return nil
	})
	t.Cleanup(func() { recruit.ApproveHooks = saved })
	if err := recruit.Approve(ctx, s, a.ID, "score 80", "Olga"); err != nil {
		t.Fatal(err)
	}
	if err := recruit.Decline(ctx, s, d.ID, " ", "Olga"); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("decline without a reason: %v", err)
	}
	if err := recruit.Decline(ctx, s, d.ID, "no coverage in our regions", "Olga"); err != nil {
		t.Fatal(err)
	}
	pa, _ := s.Partner(ctx, a.ID)
	pd, _ := s.Partner(ctx, d.ID)
	if pa.Status != data.StatusOnboarding || pd.Status != data.StatusDeclined || hooked != a.ID {
		t.Errorf("statuses %s %s, hook saw %d", pa.Status, pd.Status, hooked)
	}
	if cl, err := s.Checklist(ctx, a.ID); err != nil || cl == nil || len(cl.Tasks) == 0 {
		t.Errorf("approval started no onboarding checklist: %v %v", cl, err)
	}
	ev, _ := s.Events(ctx, d.ID)
	if len(ev) != 1 || ev[0].Body != "no coverage in our regions" || ev[0].ToStatus != data.StatusDeclined {
		t.Errorf("timeline %+v", ev)
	}
}

func TestPipelineFiltersAndSortsByScore(t *testing.T) {
	rows := []data.RecruitRow{
		{ID: 1, Name: "A", Status: data.StatusVetting, Source: data.SourceEvent, EventName: "CeBIT"},
		{ID: 2, Name: "B", Status: data.StatusVetting, Source: data.SourceInbound},
		{ID: 3, Name: "C", Status: data.StatusVetting, Source: data.SourceEvent, EventName: "GITEX"},
		{ID: 4, Name: "D", Status: data.StatusProspect, Source: data.SourceEvent, EventName: "CeBIT"},
	}
	crit := []data.Criterion{{ID: 1, Weight: 1}}
	scores := map[int64][]data.Score{1: {{CriterionID: 1, Score: 2}}, 3: {{CriterionID: 1, Score: 5}}}
	pl := recruit.NewPipeline(rows, crit, scores)
	got := pl.Find(data.StatusVetting, recruit.Filter{}, true)
	if len(got) != 3 || got[0].ID != 3 || got[1].ID != 1 || got[2].ID != 2 {
		t.Errorf("by score: %+v", got)
	}
	if n := pl.Counts(recruit.Filter{Event: "CeBIT"}); n[data.StatusVetting] != 1 || n[data.StatusProspect] != 1 {
		t.Errorf("counts for CeBIT %v", n)
	}
	if got := pl.Find(data.StatusVetting, recruit.Filter{Source: data.SourceInbound}, false); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("inbound %+v", got)
	}
	if ev := pl.Events(); len(ev) != 2 || ev[0] != "CeBIT" {
		t.Errorf("events %v", ev)
	}
}

func TestScorecardCriteriaAreEditable(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	cs, err := s.Criteria(ctx)
	if err != nil || len(cs) != 6 {
		t.Fatalf("default criteria %d %v", len(cs), err)
	}
	p, _ := recruit.CaptureProspect(ctx, s, recruit.Capture{Company: "Scored"})
	if err := s.SaveScores(ctx, p.ID, []data.Score{{CriterionID: cs[0].ID, Score: 5, Comment: "all of DACH"},
		{CriterionID: cs[1].ID, Score: 1}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveScores(ctx, p.ID, []data.Score{{CriterionID: cs[0].ID, Score: 6}}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("score 6 accepted: %v", err)
	}
	cs[0].Weight = 50
	if err := s.SaveCriteria(ctx, cs[:2]); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Criteria(ctx)
	scores, _ := s.Scores(ctx, p.ID)
	if len(after) != 2 || after[0].Weight != 50 || len(scores) != 2 {
		t.Errorf("criteria %+v, scores %+v", after, scores)
	}
	if score, _ := recruit.WeightedScore(after, scores); score != 77 {
		t.Errorf("score %d, want 77 (50×1 + 15×0)/65", score)
	}
	for i := range after {
		after[i].Weight = 0
	}
	if err := s.SaveCriteria(ctx, after); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("all-zero weights accepted: %v", err)
	}
}

func TestDemoRecruitGivesProspectsSourcesAndScores(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 120, Seed: 5, Today: testutil.DemoDay}); err != nil {
		t.Fatal(err)
	}
	pl, err := recruit.LoadPipeline(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	approved := pl.Find(data.StatusOnboarding, recruit.Filter{}, true)
	declined := pl.Find(data.StatusDeclined, recruit.Filter{}, true)
	if len(approved) == 0 || len(declined) == 0 || !approved[0].Scored || approved[0].Source == "" {
		t.Fatalf("approved %+v, declined %d", approved, len(declined))
	}
	if approved[0].Score <= declined[len(declined)-1].Score {
		t.Errorf("best approved %d not above worst declined %d", approved[0].Score, declined[len(declined)-1].Score)
	}
	if len(pl.Events()) == 0 {
		t.Error("no events among the prospects")
	}
}
