package data_test

import (
	"context"
	"testing"

	"channeldesk/data"
)

func mustPlan(t *testing.T, s *data.Store, partnerID int64) *data.Plan {
	t.Helper()
	p := &data.Plan{PartnerID: partnerID, FiscalYear: 2026, VendorContactName: "Ольга Савина",
		Objectives: []data.Objective{
			{Measure: data.MeasureRevenue, Weight: 60, Targets: [4]int64{100000, 200000, 300000, 400000}},
			{Measure: data.MeasureMarketing, Weight: 40, Targets: [4]int64{1, 1, 2, 2}},
		},
		Commitments: []data.Commitment{{Side: data.SideVendor, Kind: data.CommitTraining, Body: "Two sales trainings"}},
	}
	if err := s.CreatePlan(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPlanRevisions(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	partner := mustPartner(t, s, "Вектор Софт", data.StatusActive)
	p := mustPlan(t, s, partner.ID)

	t.Run("ErrOnePlanPerYear", func(t *testing.T) {
		dup := &data.Plan{PartnerID: partner.ID, FiscalYear: 2026}
		if err := s.CreatePlan(ctx, dup); data.ErrorCode(err) != data.ECONFLICT {
			t.Fatalf("second 2026 plan: %v", err)
		}
	})
	t.Run("AgreeFreezesRevisionAndEditOpensNext", func(t *testing.T) {
		if err := s.AgreePlan(ctx, p.ID, "2026-01-20"); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Plan(ctx, p.ID)
		if got.Status != data.PlanAgreed || got.Revision != 1 || got.AgreedOn != "2026-01-20" {
			t.Fatalf("after agree: %s rev %d on %q", got.Status, got.Revision, got.AgreedOn)
		}
		got.Objectives[0].Targets[3] = 999999
		firstID := got.Objectives[0].ID
		if err := s.SavePlan(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := s.Plan(ctx, p.ID)
		if again.Status != data.PlanDraft || again.Revision != 2 || again.Objectives[0].ID != firstID {
			t.Fatalf("edit of agreed plan: %s rev %d, objective id %d→%d", again.Status, again.Revision, firstID, again.Objectives[0].ID)
		}
		revs, err := s.PlanRevisions(ctx, p.ID)
		if err != nil || len(revs) != 1 || revs[0].Plan.Objectives[0].Targets[3] != 400000 {
			t.Fatalf("frozen revision changed: %+v %v", revs, err)
		}
		if err := s.AgreePlan(ctx, p.ID, "2026-02-01"); err != nil {
			t.Fatal(err)
		}
		revs, _ = s.PlanRevisions(ctx, p.ID)
		if len(revs) != 2 || revs[1].Plan.Objectives[0].Targets[3] != 999999 {
			t.Fatalf("second revision: %+v", revs)
		}
	})
	t.Run("ActualsDoNotOpenRevision", func(t *testing.T) {
		got, _ := s.Plan(ctx, p.ID)
		if err := s.SetActual(ctx, got.Objectives[1].ID, 2, 3); err != nil {
			t.Fatal(err)
		}
		again, _ := s.Plan(ctx, p.ID)
		if again.Status != data.PlanAgreed || again.Objectives[1].Actuals[1] != 3 {
			t.Fatalf("after actual: %s %v", again.Status, again.Objectives[1].Actuals)
		}
	})
	t.Run("CompletedRefusesEdits", func(t *testing.T) {
		if err := s.CompletePlan(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Plan(ctx, p.ID)
		if err := s.SavePlan(ctx, got); data.ErrorCode(err) != data.ECONFLICT {
			t.Fatalf("edit of completed plan: %v", err)
		}
	})
}

func TestPlanValidate(t *testing.T) {
	tests := map[string]struct {
		edit  func(p *data.Plan)
		field string
	}{
		"ErrWeight":        {func(p *data.Plan) { p.Objectives[0].Weight = 0 }, "weight"},
		"ErrRepShare":      {func(p *data.Plan) { p.RepShareBP = 6000; p.RepCommitment = "x" }, "rep_share"},
		"ErrRepCommitment": {func(p *data.Plan) { p.RepShareBP = 5000 }, "rep_commitment"},
		"ErrCustomTitle":   {func(p *data.Plan) { p.Objectives[0].Measure = data.MeasureCustom }, "objective_title"},
		"ErrEmail":         {func(p *data.Plan) { p.VendorContactEmail = "nope" }, "vendor_contact_email"},
		"ErrYear":          {func(p *data.Plan) { p.FiscalYear = 1999 }, "fiscal_year"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := &data.Plan{FiscalYear: 2026, Objectives: []data.Objective{{Measure: data.MeasureRevenue, Weight: 10}}}
			tc.edit(p)
			e, ok := data.AsError(p.Validate())
			if !ok || e.Field != tc.field {
				t.Fatalf("got %v, want field %s", e, tc.field)
			}
		})
	}
}

func TestCheckInStatuses(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	p := mustPlan(t, s, mustPartner(t, s, "Atlas IT", data.StatusActive).ID)
	c := &data.CheckIn{PlanID: p.ID, Quarter: 1, HeldOn: "2026-04-05", Notes: "internal", Statuses: map[int64]data.ObjectiveStatus{
		p.Objectives[0].ID: data.AtRisk, p.Objectives[1].ID: data.OnTrack}}
	if err := s.SaveCheckIn(ctx, c); err != nil {
		t.Fatal(err)
	}
	c.Statuses[p.Objectives[0].ID] = data.OffTrack
	if err := s.SaveCheckIn(ctx, c); err != nil {
		t.Fatal(err)
	}
	cs, err := s.CheckIns(ctx, p.ID)
	if err != nil || len(cs) != 1 || cs[0].Statuses[p.Objectives[0].ID] != data.OffTrack || cs[0].Statuses[p.Objectives[1].ID] != data.OnTrack {
		t.Fatalf("check-ins: %+v %v", cs, err)
	}
	if err := s.SaveCheckIn(ctx, &data.CheckIn{PlanID: p.ID, Quarter: 5, HeldOn: "2026-04-05"}); data.ErrorCode(err) != data.EINVALID {
		t.Fatalf("quarter 5: %v", err)
	}
}
