package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/data"
)

// Given a Registered partner whose won revenue meets Silver, when the
// manager confirms the suggested promotion on the Tiers screen, then the
// partner's tier card shows the Silver badge and the change in its history.
func TestConfirmSuggestedPromotion(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	s := u.Store
	registered := &data.Tier{Rank: 1, NameEN: "Registered", NameRU: "Зарегистрированный", Color: "#888888"}
	silver := &data.Tier{Rank: 2, NameEN: "Silver", NameRU: "Серебряный", Color: "#A7B1BC",
		Requirements: []data.Requirement{{Kind: data.ReqRevenue12m, Threshold: 1000_00}}}
	for _, tr := range []*data.Tier{registered, silver} {
		if err := s.SaveTier(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
	p := &data.Partner{Name: "Orbit Soft", Type: data.TypeReseller, Status: data.StatusActive}
	s.CreatePartner(ctx, p)
	if err := s.ChangeTier(ctx, &data.TierChange{PartnerID: p.ID, ToTierID: registered.ID, Reason: "joined"}, "— → Registered"); err != nil {
		t.Fatal(err)
	}
	today := s.Today()
	if err := s.WithTx(ctx, func(tx *data.Tx) error {
		return s.CreateDealTx(ctx, tx, &data.Deal{PartnerID: p.ID, Customer: "Acme", Amount: 2000_00, State: data.DealWon,
			RegisteredOn: today, ClosedOn: today})
	}); err != nil {
		t.Fatal(err)
	}

	u.Win.Resize(fyne.NewSize(1280, 800))
	u.show("tiers.nav")
	u.Wait()
	u.Win.Resize(fyne.NewSize(1281, 801)) // lay the new screen out
	test.Tap(findButton(t, u, "Confirm"))
	test.Tap(overlayButton(t, u, "Confirm"))
	u.Wait()

	if id, _ := s.AssignedTier(ctx, p.ID); id != silver.ID {
		t.Fatalf("assigned tier %d, want Silver (%d)", id, silver.ID)
	}
	if b := findButtonOK(u, "Confirm"); b != nil {
		t.Error("the confirmed suggestion is still listed")
	}
	u.show("nav.partners")
	u.Wait()
	u.partners.open(p.ID)
	u.Wait()
	card := u.partners.detail.tier
	if got := card.badge.label.Text; got != "Silver" {
		t.Errorf("badge %q, want Silver", got)
	}
	if len(card.history) != 2 || card.history[0].ToTierID != silver.ID || card.history[0].Reason == "" {
		t.Fatalf("history %+v, want the promotion on top", card.history)
	}
	if line := card.historyLine(card.history[0]); !strings.Contains(line, "Registered › Silver") {
		t.Errorf("history line %q", line)
	}
	evs, _ := s.Events(ctx, p.ID)
	if len(evs) == 0 || evs[0].Kind != data.EventTierChange {
		t.Errorf("timeline %+v, want the tier change", evs)
	}
}

// Editing a tier of the shipped program: a new discount and a custom
// requirement are stored; a percentage over 100 is refused with the input kept.
func TestEditShippedTier(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ts := newTiersScreen(u)
	u.Win.SetContent(ts.buildUI())
	u.Win.Resize(fyne.NewSize(1280, 800))
	u.Wait()
	if ts.overview == nil || len(ts.overview.Program.Tiers) != 4 {
		t.Fatalf("the default program is not installed: %+v", ts.overview)
	}
	ed := ts.editor
	ed.edit(&ts.overview.Program.Tiers[1]) // Silver
	f := ed.form
	f.discount.SetText("120")
	test.Tap(overlayButton(t, u, "Save"))
	if f.msg.Text == "" || f.discount.Text != "120" {
		t.Errorf("120%% accepted or input lost: msg %q", f.msg.Text)
	}
	f.discount.SetText("25,5")
	f.customEN.SetText("Customer references")
	f.customRU.SetText("Референсы заказчиков")
	f.reqs[data.ReqCustomValue].SetText("2")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	tiers, _ := u.Store.Tiers(context.Background())
	silver := tiers[1]
	var custom *data.Requirement
	for i, r := range silver.Requirements {
		if r.Kind == data.ReqCustomValue {
			custom = &silver.Requirements[i]
		}
	}
	if silver.DiscountBP != 2550 || len(silver.Requirements) != 5 || custom == nil || custom.Threshold != 2 || custom.Metric != "customer references" {
		t.Errorf("stored Silver %+v", silver)
	}
}

// The what-if on the tier card: 500.00 more won revenue reaches Silver.
func TestTierCardWhatIf(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	s := u.Store
	silver := &data.Tier{Rank: 2, NameEN: "Silver", NameRU: "Серебряный", Color: "#A7B1BC",
		Requirements: []data.Requirement{{Kind: data.ReqRevenue12m, Threshold: 1000_00}}}
	s.SaveTier(ctx, silver)
	p := &data.Partner{Name: "Orbit Soft", Type: data.TypeReseller, Status: data.StatusActive}
	s.CreatePartner(ctx, p)
	today := s.Today()
	s.WithTx(ctx, func(tx *data.Tx) error {
		return s.CreateDealTx(ctx, tx, &data.Deal{PartnerID: p.ID, Customer: "Acme", Amount: 500_00, State: data.DealWon,
			RegisteredOn: today, ClosedOn: today})
	})
	u.partners.reload()
	u.Wait()
	u.partners.open(p.ID)
	u.Wait()
	card := u.partners.detail.tier
	if len(card.eval.NextProgress) != 1 || card.eval.NextProgress[0].Gap != 500_00 {
		t.Fatalf("progress %+v, want 500.00 missing", card.eval.NextProgress)
	}
	test.Type(card.extraRevenue, "499.99")
	card.onWhatIf()
	if !strings.Contains(card.whatIfResult.Text, "qualify for: No tier") || !strings.Contains(card.whatIfResult.Text, "€0.01 more won revenue") {
		t.Errorf("499.99 more: %q", card.whatIfResult.Text)
	}
	card.extraRevenue.SetText("500")
	card.onWhatIf()
	if !strings.Contains(card.whatIfResult.Text, "qualify for: Silver") {
		t.Errorf("500 more: %q", card.whatIfResult.Text)
	}
}
