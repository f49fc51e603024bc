package kit_test

import (
	"context"
	"testing"

	"channeldesk/app/deals"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// world is a small program: partner A (the kit's) with two people, a
// plan, an MDF allocation and an approved, finished activity to claim;
// partner B holds customer Globex protected.
type world struct {
	s          *data.Store
	a, b       int64
	fund       int64
	claimReq   int64
	objective  int64
	ann, boris int64 // A's contacts
}

func newWorld(t testing.TB) *world {
	t.Helper()
	ctx := context.Background()
	s := openStore(t)
	w := &world{s: s}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SaveSettings(ctx, data.Settings{ProgramName: "Polar Partner Network", Currency: "EUR", FiscalYearFrom: 1, ManagerName: "Olga"}))
	for _, p := range []*data.Partner{
		{Name: "Alpha Systems", Type: data.TypeReseller, Status: data.StatusActive, DocLang: "en", Products: []string{"Desk", "Vault"}},
		{Name: "Beta Group", Type: data.TypeReseller, Status: data.StatusActive, DocLang: "ru"},
	} {
		must(s.CreatePartner(ctx, p))
		if w.a == 0 {
			w.a = p.ID
		} else {
			w.b = p.ID
		}
	}
	ann := &data.Contact{PartnerID: w.a, Name: "Ann Archer", Role: "Sales", Email: "ann@alpha.example", Primary: true}
	boris := &data.Contact{PartnerID: w.a, Name: "Boris Brown", Role: "Engineer"}
	must(s.SaveContact(ctx, ann))
	must(s.SaveContact(ctx, boris))
	w.ann, w.boris = ann.ID, boris.ID

	other := &data.Deal{PartnerID: w.b, Customer: "Globex", Product: "Desk", Amount: 100000, RegisteredOn: "2026-08-01"}
	must(deals.SaveDeal(ctx, s, other))
	must(s.MoveDeal(ctx, other.ID, data.DealMove{To: data.DealApproved, On: "2026-08-02"}))

	f := &data.MDFFund{Name: "Q3 budget line", PeriodKind: "quarter", FiscalYear: 2026, Quarter: 3, Budget: 10_000_00,
		Model: data.ModelDiscretionary, Activities: []data.MDFActivity{data.ActivityWebinar, data.ActivityEvent}, ShareBP: 5000, ClaimDays: 60}
	must(mdf.CreateFund(ctx, s, f))
	w.fund = f.ID
	must(mdf.Allocate(ctx, s, f.ID, w.a, 5_000_00, ""))
	r := &data.MDFRequest{FundID: f.ID, PartnerID: w.a, Activity: data.ActivityEvent, Description: "Summer roadshow",
		StartsOn: "2026-07-05", EndsOn: "2026-07-10", Requested: 1_000_00}
	must(mdf.CreateRequest(ctx, s, r))
	must(mdf.SubmitRequest(ctx, s, r.ID))
	must(mdf.ApproveRequest(ctx, s, r.ID, 800_00))
	w.claimReq = r.ID

	p := &data.Plan{PartnerID: w.a, FiscalYear: 2026, Objectives: []data.Objective{
		{Measure: data.MeasureRevenue, Weight: 50, Targets: [4]int64{1, 2, 3, 4}},
		{Measure: data.MeasureNewCustomers, Title: "Logos", Weight: 50, Targets: [4]int64{2, 2, 3, 3}, Actuals: [4]int64{1, 0, 0, 0}},
	}}
	must(s.CreatePlan(ctx, p))
	got, err := s.PlanFor(ctx, w.a, 2026)
	must(err)
	w.objective = got.Objectives[1].ID
	return w
}
