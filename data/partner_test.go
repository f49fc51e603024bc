package data_test

import (
	"context"
	"strings"
	"testing"

	"channeldesk/data"
)

func TestPartnerCRUD(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	p := &data.Partner{Name: "  Орбита Софт ", Type: data.TypeReseller, Status: data.StatusProspect,
		City: "Москва", Verticals: []string{"Финансы", " Retail ", "финансы", ""}, DocLang: "ru"}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Partner(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Орбита Софт" || strings.Join(got.Verticals, "|") != "Финансы|Retail" || got.CreatedAt == "" {
		t.Fatalf("stored %+v", got)
	}
	got.City = "Казань"
	if err := s.UpdatePartner(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Partner(ctx, p.ID)
	if again.City != "Казань" {
		t.Errorf("city = %q after update", again.City)
	}
	c := &data.Contact{PartnerID: p.ID, Name: "Иван Петров", Email: "petrov@orbita.example", Primary: true}
	if err := s.SaveContact(ctx, c); err != nil {
		t.Fatal(err)
	}
	s.AddEvent(ctx, &data.Event{PartnerID: p.ID, Kind: data.EventNote, Body: "met at the booth"})
	if err := s.DeletePartner(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Partner(ctx, p.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("after delete err = %v, want not found", err)
	}
	var n int
	s.DB().QueryRow(`SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM events)`).Scan(&n)
	if n != 0 {
		t.Errorf("%d contacts/events left after delete", n)
	}
	if err := s.DeletePartner(ctx, p.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("second delete err = %v", err)
	}
}

func TestPartnerValidation(t *testing.T) {
	s := MustOpen(t)
	tests := map[string]struct {
		p     data.Partner
		field string
		key   string
	}{
		"ErrNameRequired": {data.Partner{Name: "   ", Type: data.TypeMSP, Status: data.StatusActive}, "name", "err.required"},
		"ErrNameTooLong":  {data.Partner{Name: strings.Repeat("я", 201), Type: data.TypeMSP, Status: data.StatusActive}, "name", "err.too_long"},
		"ErrUnknownType":  {data.Partner{Name: "X", Type: "vendor", Status: data.StatusActive}, "type", "err.unknown_type"},
		"ErrUnknownState": {data.Partner{Name: "X", Type: data.TypeMSP, Status: "dormant"}, "status", "err.unknown_status"},
		"ErrLang":         {data.Partner{Name: "X", Type: data.TypeMSP, Status: data.StatusActive, DocLang: "de"}, "doc_lang", "err.unknown_lang"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			err := s.CreatePartner(context.Background(), &tt.p)
			e, ok := data.AsError(err)
			if !ok || e.Code != data.EINVALID || e.Field != tt.field || e.Key != tt.key {
				t.Fatalf("err = %v, want invalid %s %s", err, tt.field, tt.key)
			}
		})
	}
	t.Run("ConstraintHoldsEvenWithoutValidate", func(t *testing.T) {
		_, err := s.DB().Exec(`INSERT INTO partners (name, type, status, created_at, updated_at) VALUES ('X', 'vendor', 'active', '', '')`)
		if err == nil {
			t.Fatal("the schema accepted an unknown partner type")
		}
	})
}

func TestContactValidation(t *testing.T) {
	s := MustOpen(t)
	p := mustPartner(t, s, "Northwind", data.StatusActive)
	err := s.SaveContact(context.Background(), &data.Contact{PartnerID: p.ID, Name: "Anna", Email: "anna@"})
	if e, ok := data.AsError(err); !ok || e.Field != "email" {
		t.Fatalf("err = %v, want invalid email", err)
	}
	a := &data.Contact{PartnerID: p.ID, Name: "Anna", Primary: true}
	b := &data.Contact{PartnerID: p.ID, Name: "Bob", Primary: true}
	s.SaveContact(context.Background(), a)
	s.SaveContact(context.Background(), b)
	cs, _ := s.Contacts(context.Background(), p.ID)
	if len(cs) != 2 || cs[0].Name != "Bob" || !cs[0].Primary || cs[1].Primary {
		t.Fatalf("only the last primary should stay primary: %+v", cs)
	}
	if err := s.SaveContact(context.Background(), &data.Contact{PartnerID: 999, Name: "Ghost"}); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("contact for missing partner: err = %v", err)
	}
}

func TestChangeStatus(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	p := mustPartner(t, s, "Blue Harbor", data.StatusProspect)
	steps := []data.Status{data.StatusApplied, data.StatusVetting, data.StatusOnboarding, data.StatusActive}
	for _, to := range steps {
		if err := s.ChangeStatus(ctx, p.ID, to, "step to "+string(to), "me"); err != nil {
			t.Fatalf("→ %s: %v", to, err)
		}
	}
	evs, _ := s.Events(ctx, p.ID)
	if len(evs) != 4 || evs[0].ToStatus != data.StatusActive || evs[0].FromStatus != data.StatusOnboarding || evs[0].Body != "step to active" {
		t.Fatalf("timeline: %+v", evs)
	}
	t.Run("ErrReasonRequiredToOffboard", func(t *testing.T) {
		err := s.ChangeStatus(ctx, p.ID, data.StatusOffboarded, " ", "me")
		if e, ok := data.AsError(err); !ok || e.Field != "reason" {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("DeclinedCannotBecomeActive", func(t *testing.T) {
		d := mustPartner(t, s, "Declined Co", data.StatusVetting)
		if err := s.ChangeStatus(ctx, d.ID, data.StatusDeclined, "no fit", "me"); err != nil {
			t.Fatal(err)
		}
		err := s.ChangeStatus(ctx, d.ID, data.StatusActive, "try", "me")
		if e, ok := data.AsError(err); !ok || e.Key != "err.transition" {
			t.Fatalf("declined → active: err = %v, want transition refused", err)
		}
		got, _ := s.Partner(ctx, d.ID)
		if got.Status != data.StatusDeclined {
			t.Errorf("status changed to %s by a refused transition", got.Status)
		}
		if err := s.ChangeStatus(ctx, d.ID, data.StatusApplied, "re-applied", "me"); err != nil {
			t.Errorf("re-applying must be allowed: %v", err)
		}
	})
}

func TestEvents(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	p := mustPartner(t, s, "Timeline Co", data.StatusActive)
	if err := s.AddEvent(ctx, &data.Event{PartnerID: p.ID, Kind: data.EventStatusChange, Body: "x"}); data.ErrorCode(err) != data.EINVALID {
		t.Errorf("status changes by hand must be refused, err = %v", err)
	}
	esc := &data.Event{PartnerID: p.ID, Kind: data.EventEscalation, Body: "price dispute", Open: true}
	if err := s.AddEvent(ctx, esc); err != nil {
		t.Fatal(err)
	}
	if err := s.ResolveEscalation(ctx, esc.ID); err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(ctx, p.ID)
	if len(evs) != 1 || evs[0].Open || evs[0].Shareable {
		t.Fatalf("events: %+v", evs)
	}
}

func TestDeletePartnerWithMDFMoneyIsRefused(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	p := mustPartner(t, s, "Funded Co", data.StatusActive)
	_, err := s.DB().Exec(`INSERT INTO mdf_funds (id, name, period_kind, fiscal_year, quarter, starts_on, ends_on, currency,
			budget, model, share_bp, claim_days, created_at)
		VALUES (1, 'Q4', 'quarter', 2026, 4, '2026-10-01', '2026-12-31', 'EUR', 100000, 'discretionary', 5000, 30, '')`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO mdf_ledger (fund_id, partner_id, kind, bucket, amount, on_date, created_at) VALUES (1, ?, 'allocation', 'allocated', 5000, '2026-10-01', '')`, p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePartner(ctx, p.ID); data.ErrorCode(err) != data.ECONFLICT {
		t.Fatalf("delete with MDF money: err = %v, want conflict", err)
	}
	if _, err := s.Partner(ctx, p.ID); err != nil {
		t.Errorf("the partner is gone: %v", err)
	}
}
