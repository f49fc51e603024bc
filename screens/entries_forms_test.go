package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/data"
)

// The forms take amounts, dates and percentages the way a Russian user
// writes them, and store minor units, ISO dates and basis points.

func TestDealFormTakesRussianAmountAndDate(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	u.Settings.Currency = "RUB"
	ctx := context.Background()
	p := &data.Partner{Name: "Вектор", Type: data.TypeReseller, Status: data.StatusActive}
	if err := u.Store.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	ds := newDealsScreen(u)
	u.Win.SetContent(ds.buildUI())
	u.Win.Resize(fyne.NewSize(1280, 800))
	u.Wait()
	ds.deals.edit(data.Deal{RegisteredOn: "2026-11-01"})
	f := ds.deals.form
	f.partner.Entry.SetText("Вектор")
	f.customer.SetText("ООО «Ромашка»")
	f.amount.SetText("сто")
	test.Tap(overlayButton(t, u, "Сохранить"))
	if want := "Сумма: «сто» — не денежная сумма"; f.msg.Text != want || f.amount.Text != "сто" {
		t.Fatalf("bad amount: message %q, entry %q; want %q and the text kept", f.msg.Text, f.amount.Text, want)
	}
	f.amount.SetText("1 234,56")
	f.expected.SetText("27.11.2026")
	test.Tap(overlayButton(t, u, "Сохранить"))
	u.Wait()
	deals, _ := u.Store.Deals(ctx, data.DealFilter{PartnerID: p.ID})
	if len(deals) != 1 || deals[0].Amount != 123456 || deals[0].ExpectedCloseOn != "2026-11-27" || deals[0].RegisteredOn != "2026-11-01" {
		t.Fatalf("stored %+v (message %q), want 123456 minor units expected on 2026-11-27", deals, f.msg.Text)
	}
}

func TestMDFAllocationTakesRussianAmount(t *testing.T) {
	u := newTestUI(t, 30, "ru")
	u.Settings.Currency = "RUB"
	m := openMDF(t, u)
	m.fundList.Select(len(m.funds) - 1)
	fund := m.funds[len(m.funds)-1]
	m.onAllocate()
	es := overlayEntries(u) // partner, amount, note
	rows, _ := u.Store.PartnerRows(context.Background())
	es[0].SetText(rows[0].Name)
	es[1].SetText("1 234,56")
	test.Tap(overlayButton(t, u, "Выделить"))
	u.Wait()
	var amount int64
	err := u.Store.DB().QueryRow(`SELECT amount FROM mdf_ledger WHERE fund_id = ? AND partner_id = ? AND kind = 'allocation' ORDER BY id DESC LIMIT 1`,
		fund.Fund.ID, rows[0].ID).Scan(&amount)
	if err != nil || amount != 123456 {
		t.Fatalf("allocation stored as %d (%v), want 123456", amount, err)
	}
}

func TestCertificationTakesRussianDates(t *testing.T) {
	u := newTestUI(t, 3, "ru")
	ctx := context.Background()
	var partnerID int64
	u.Store.DB().QueryRow(`SELECT partner_id FROM contacts ORDER BY id LIMIT 1`).Scan(&partnerID)
	d := u.partners.detail
	d.load(partnerID)
	u.Wait()
	u.Wait()
	before, _ := u.Store.Certifications(ctx, partnerID)
	d.certs.edit(&data.Certification{})
	es := overlayEntries(u) // name, level, earned, expires
	es[0].SetText("Администратор")
	es[2].SetText("27.11.2026")
	es[3].SetText("31.02.2027")
	test.Tap(overlayButton(t, u, "Сохранить"))
	if got, _ := u.Store.Certifications(ctx, partnerID); len(got) != len(before) || es[3].Text != "31.02.2027" {
		t.Fatalf("a certification with no such expiry day was stored, or the text was lost (%q)", es[3].Text)
	}
	es[3].SetText("26.11.2028")
	test.Tap(overlayButton(t, u, "Сохранить"))
	got, _ := u.Store.Certifications(ctx, partnerID)
	for _, c := range got {
		if c.Name == "Администратор" {
			if c.EarnedOn != "2026-11-27" || c.ExpiresOn != "2028-11-26" {
				t.Fatalf("stored %s–%s, want 2026-11-27–2028-11-26", c.EarnedOn, c.ExpiresOn)
			}
			return
		}
	}
	t.Fatalf("the certification was not stored: %+v", got)
}

func TestTierEditorTakesRussianPercent(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	ts := newTiersScreen(u)
	u.Win.SetContent(ts.buildUI())
	u.Win.Resize(fyne.NewSize(1280, 800))
	u.Wait()
	ts.editor.edit(&ts.overview.Program.Tiers[1])
	f := ts.editor.form
	f.discount.SetText("12,5")
	f.mdf.SetText("2,25 %")
	test.Tap(overlayButton(t, u, "Сохранить"))
	u.Wait()
	tiers, _ := u.Store.Tiers(context.Background())
	if tiers[1].DiscountBP != 1250 || tiers[1].MDFAccrualBP != 225 {
		t.Fatalf("stored discount %d bp, accrual %d bp (message %q), want 1250 and 225", tiers[1].DiscountBP, tiers[1].MDFAccrualBP, f.msg.Text)
	}
}

func TestCheckInTakesRussianDateAndKeepsABadOne(t *testing.T) {
	u := newTestUI(t, 40, "ru")
	pt := openPlan(t, u)
	pt.editCheckIn(nil)
	f := pt.checkForm
	f.quarter.SetSelected("4")
	f.held.SetText("31.02.2026")
	test.Tap(f.save)
	u.Wait()
	want := "Дата встречи: «31.02.2026» — не дата; напишите, например, 27.11.2026 или выберите в календаре"
	if f.msg.Text != want || f.held.Text != "31.02.2026" {
		t.Fatalf("no such day: message %q, entry %q; want %q and the text kept", f.msg.Text, f.held.Text, want)
	}
	f.held.SetText("15.11.2026")
	test.Tap(f.save)
	u.Wait()
	for _, c := range pt.checkIns {
		if c.Quarter == 4 {
			if c.HeldOn != "2026-11-15" {
				t.Fatalf("held on %q, want 2026-11-15", c.HeldOn)
			}
			return
		}
	}
	t.Fatalf("no Q4 check-in stored (%s)", f.msg.Text)
}

func TestQuickCaptureTakesRussianEventDate(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	u.show("nav.recruitment")
	u.Wait()
	u.ShowQuickCapture()
	f := u.capture
	test.Type(f.company, "Орбита Софт")
	f.event.SetText("ЦИПР")
	f.eventDate.SetText("30.02.2026")
	pressEnter(f.company)
	u.Wait()
	if rows, _ := u.Store.PartnerRows(context.Background()); len(rows) != 0 || f.company.Text != "Орбита Софт" {
		t.Fatalf("a capture with no such event day was stored (%d rows) or the form was cleared", len(rows))
	}
	f.eventDate.SetText("20.11.2026")
	pressEnter(f.company)
	u.Wait()
	var date string
	u.Store.DB().QueryRow(`SELECT value FROM settings WHERE key = 'recruit.last_event_date'`).Scan(&date)
	if date != "2026-11-20" {
		t.Fatalf("event date kept as %q (message %q), want 2026-11-20", date, f.msg.Text)
	}
}
