package screens

import (
	"context"
	"testing"

	"channeldesk/app/recruit"
	"channeldesk/data"
)

// A prospect that applied with the application form shows its answers,
// question by question, beside its scorecard; one that came another way
// shows the scorecard alone.
func TestApplicationAnswersBesideScorecard(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	a, _ := recruit.CaptureProspect(ctx, u.Store, recruit.Capture{Company: "Alpha"})
	b, _ := recruit.CaptureProspect(ctx, u.Store, recruit.Capture{Company: "Beta"})
	err := u.Store.WithTx(ctx, func(tx *data.Tx) error {
		return data.SaveApplicationAnswersTx(ctx, tx, a.ID, []data.ApplicationAnswer{
			{Question: "q_company", Answer: "Alpha"}, {Question: "q_team_size", Answer: ""},
			{Question: "q_why_us", Answer: "Your analytics fit our hospital customers"}})
	})
	if err != nil {
		t.Fatal(err)
	}
	u.show("nav.recruitment")
	u.Wait()
	s := u.recruit
	for i, r := range s.rows {
		if r.ID != a.ID {
			continue
		}
		s.list.Select(i)
		u.Wait()
	}
	p := s.card.answers
	if len(p.shown) != 2 || !p.pane.Visible() {
		t.Fatalf("answers shown %+v (pane visible %v), want the two answered", p.shown, p.pane.Visible())
	}
	if !containsText(p.pane, "Why you want to work with us") {
		t.Error("the question is not shown")
	}
	if !containsText(p.pane, "Your analytics fit our hospital customers") {
		t.Error("the answer is not shown")
	}
	for i, r := range s.rows {
		if r.ID == b.ID {
			s.list.Select(i)
			u.Wait()
		}
	}
	if p.pane.Visible() || len(p.shown) != 0 {
		t.Errorf("Beta (no application) shows answers %+v", p.shown)
	}
}
