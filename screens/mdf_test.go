package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// overlayEntries lists the entries of the open dialogs in order.
func overlayEntries(u *UI) []*widget.Entry {
	var out []*widget.Entry
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		} else if e, ok := o.(*widget.SelectEntry); ok {
			out = append(out, &e.Entry)
		} else if e := localeEntry(o); e != nil {
			out = append(out, e)
		}
		return false
	})
	return out
}

func openMDF(t *testing.T, u *UI) *mdfScreen {
	t.Helper()
	m := newMDFScreen(u)
	obj := m.buildUI()
	u.Wait() // the first load has been applied before the window lays it out
	u.content.Objects = []fyne.CanvasObject{obj}
	u.content.Refresh()
	return m
}

func TestMDFScreenApprovesARequestFromTheQueue(t *testing.T) {
	u := newTestUI(t, 60, "en")
	m := openMDF(t, u)
	if len(m.funds) < 3 || len(m.queue) == 0 {
		t.Fatalf("funds %d, queue %d", len(m.funds), len(m.queue))
	}
	if !strings.Contains(m.status.Text, "Funds: 3") {
		t.Errorf("status %q", m.status.Text)
	}
	i := -1
	for k, q := range m.queue {
		if q.Kind == "request" {
			i = k
			break
		}
	}
	if i < 0 {
		t.Fatal("no submitted request in the demo queue")
	}
	q := m.queue[i]
	m.queueList.Select(i)
	m.onApprove()
	amount := overlayEntries(u)[0]
	amount.SetText(u.money(q.Amount + 100)) // more than requested: refused, dialog stays
	test.Tap(overlayButton(t, u, "Approve"))
	r, _ := data.MDFRequestTx(context.Background(), u.Store.DB(), q.RequestID)
	if r.State != data.RequestSubmitted {
		t.Fatalf("over-approval went through: %s", r.State)
	}
	amount.SetText(u.money(q.Amount / 2))
	test.Tap(overlayButton(t, u, "Approve"))
	u.Wait()
	r, _ = data.MDFRequestTx(context.Background(), u.Store.DB(), q.RequestID)
	if r.State != data.RequestApproved || r.Approved != q.Amount/2 {
		t.Fatalf("request after approval: %s %d", r.State, r.Approved)
	}
	for _, item := range m.queue {
		if item.RequestID == q.RequestID && item.Kind == "request" {
			t.Error("the approved request is still in the queue")
		}
	}
}

func TestMDFScreenAllocationBeyondBudgetNamesTheShortfall(t *testing.T) {
	u := newTestUI(t, 30, "ru")
	m := openMDF(t, u)
	fund := m.funds[len(m.funds)-1] // the year fund sorts last (earliest start)
	if fund.Fund.PeriodKind != "year" {
		t.Fatalf("last fund %+v", fund.Fund)
	}
	m.fundList.Select(len(m.funds) - 1)
	m.onAllocate()
	es := overlayEntries(u)
	rows, _ := u.Store.PartnerRows(context.Background())
	es[0].SetText(rows[0].Name)
	es[1].SetText(format.FormatMoney(fund.Unallocated()+100_00, "RUB", format.RU))
	test.Tap(overlayButton(t, u, "Выделить"))
	b, _ := mdf.FundBalance(context.Background(), u.Store.DB(), fund.Fund.ID)
	if b.Allocated != fund.Balance.Allocated {
		t.Fatalf("allocated %d, was %d: the refused allocation changed the ledger", b.Allocated, fund.Balance.Allocated)
	}
	var msg string
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "превышение бюджета") {
			msg = l.Text
		}
		return false
	})
	if !strings.Contains(msg, "100") {
		t.Errorf("message %q does not name the 100 shortfall", msg)
	}
}

func TestPartnerMDFTabShowsBalanceAndProofs(t *testing.T) {
	u := newTestUI(t, 60, "en")
	ctx := context.Background()
	var partnerID int64
	if err := u.Store.DB().QueryRow(`SELECT r.partner_id FROM mdf_proofs p JOIN mdf_claims c ON c.id = p.claim_id
		JOIN mdf_requests r ON r.id = c.request_id LIMIT 1`).Scan(&partnerID); err != nil {
		t.Fatal(err)
	}
	d := u.partners.detail
	d.load(partnerID)
	u.Wait()
	u.Wait()
	tab := d.mdf
	if tab.view == nil || len(tab.view.Claims) == 0 || !strings.Contains(tab.balance.Text, "available") {
		t.Fatalf("tab not filled: %q", tab.balance.Text)
	}
	want, _ := mdf.LoadPartnerMDF(ctx, u.Store, partnerID)
	if !strings.Contains(tab.balance.Text, u.money(want.Total.Available())) {
		t.Errorf("balance %q does not show available %s", tab.balance.Text, u.money(want.Total.Available()))
	}
	for i, c := range tab.view.Claims {
		if len(tab.view.Proofs[c.ID]) > 0 {
			tab.claims.Select(i)
			break
		}
	}
	tab.proofs.Select(0)
	p, content, ok := tab.proofContent()
	if !ok || p.Size != int64(len(content)) || data.ProofHash(content) != p.SHA256 {
		t.Errorf("proof read back: %+v, %d bytes, ok %v", p, len(content), ok)
	}
}

func TestPartnerMDFTabCreatesAndSubmitsARequest(t *testing.T) {
	u := newTestUI(t, 60, "en")
	ctx := context.Background()
	var partnerID int64
	u.Store.DB().QueryRow(`SELECT partner_id FROM mdf_ledger WHERE kind = 'allocation' ORDER BY id LIMIT 1`).Scan(&partnerID)
	d := u.partners.detail
	d.load(partnerID)
	u.Wait()
	u.Wait()
	tab := d.mdf
	before := len(tab.view.Requests)
	tab.onNewRequest()
	es := overlayEntries(u) // description, starts, ends, requested, leads, pipeline
	es[0].SetText("Partner day in Kazan")
	es[1].SetText("01.12.2026")
	es[2].SetText("30.11.2026") // ends before it starts: refused, dialog stays
	es[3].SetText("1,000")
	test.Tap(overlayButton(t, u, "Save"))
	if n, _ := data.MDFRequests(ctx, u.Store.DB(), `partner_id = ?`, partnerID); len(n) != before {
		t.Fatalf("a request with its end before its start was stored")
	}
	es[2].SetText("02.12.2026")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	u.Wait()
	if len(tab.view.Requests) != before+1 {
		t.Fatalf("requests shown %d, want %d", len(tab.view.Requests), before+1)
	}
	i := -1
	for k, r := range tab.view.Requests {
		if r.Description == "Partner day in Kazan" {
			i = k
		}
	}
	r := tab.view.Requests[i]
	if r.State != data.RequestDraft || r.Requested != 1000_00 || r.EndsOn != "2026-12-02" {
		t.Fatalf("new request %+v", r)
	}
	tab.requests.Select(i)
	tab.onSubmit()
	u.Wait()
	got, _ := data.MDFRequestTx(ctx, u.Store.DB(), r.ID)
	b, _ := mdf.PartnerBalance(ctx, u.Store.DB(), got.FundID, partnerID)
	if got.State == data.RequestSubmitted {
		if b.Available() < 0 {
			t.Errorf("available %d after submit", b.Available())
		}
	} else if !strings.Contains(tab.msg.Text, "short") {
		t.Errorf("submit neither went through nor named the shortfall: %s, %q", got.State, tab.msg.Text)
	}
}

// A fund made in the New fund dialog keeps the activities left ticked.
func TestNewFundDialogCreatesTheFund(t *testing.T) {
	u := newTestUI(t, 0, "en")
	m := openMDF(t, u)
	m.onNewFund()
	es := overlayEntries(u) // name, fiscal year, budget, share, claim days, cap
	es[0].SetText("Booth Q1")
	es[2].SetText("12,000")
	var checks []*widget.Check
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok {
			checks = append(checks, c)
		}
		return false
	})
	if len(checks) != len(data.MDFActivities) {
		t.Fatalf("%d activity checks, want %d", len(checks), len(data.MDFActivities))
	}
	checks[1].SetChecked(false) // no webinars
	test.Tap(overlayButton(t, u, "Save"))
	funds, err := u.Store.MDFFunds(context.Background())
	if err != nil || len(funds) != 1 {
		t.Fatalf("funds %+v, %v", funds, err)
	}
	f := funds[0]
	if f.Name != "Booth Q1" || f.Budget != 12_000_00 || len(f.Activities) != len(data.MDFActivities)-1 || f.Eligible(data.MDFActivities[1]) {
		t.Errorf("stored fund %+v", f)
	}
}
