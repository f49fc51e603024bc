package screens

import (
	"context"
	"fmt"
	"strconv"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// mdfScreen runs the program's market development funds: funds with their
// utilisation, the work queue, the ledger and the ROI table.
type mdfScreen struct {
	ui *UI

	funds     []mdf.FundSummary
	fundList  *widget.List
	fundSel   int
	queue     []mdf.QueueItem
	queueList *widget.List
	queueSel  int
	status    *widget.Label

	ledger *mdfLedgerView
	roi    *mdfROIView
}

func newMDFScreen(u *UI) *mdfScreen { return &mdfScreen{ui: u, fundSel: -1, queueSel: -1} }

func (m *mdfScreen) buildUI() fyne.CanvasObject {
	m.status = widget.NewLabel("")
	m.ledger = newMDFLedgerView(m.ui.Store, m.ui.locale(), m.ui.background)
	m.roi = newMDFROIView(m.ui.Store, m.ui.locale(), m.ui.background)
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("mdf.tab.funds"), m.buildFunds()),
		container.NewTabItem(lang.L("mdf.tab.queue"), m.buildQueue()),
		container.NewTabItem(lang.L("mdf.tab.ledger"), m.ledger.buildUI()),
		container.NewTabItem(lang.L("mdf.tab.roi"), m.roi.buildUI()),
	)
	m.reload()
	return container.NewBorder(nil, m.status, nil, nil, tabs)
}

func (m *mdfScreen) buildFunds() fyne.CanvasObject {
	m.fundList = &widget.List{
		Length: func() int { return len(m.funds) },
		CreateItem: func() fyne.CanvasObject {
			title := &widget.Label{Text: "Fund name · FY2026 Q1", TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
			balance := &widget.Label{Text: "balance", Truncation: fyne.TextTruncateEllipsis}
			return container.NewVBox(title, widget.NewProgressBar(), balance)
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			f := m.funds[id]
			box := o.(*fyne.Container)
			// The budget line says what is left to allocate, so the balance
			// line below fits the window.
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s · %s · %s", f.Fund.Name, fundPeriod(f.Fund),
				lang.L("mdf.model."+string(f.Fund.Model)), lang.L("mdf.budget_of", map[string]any{"Budget": m.ui.money(f.Fund.Budget)}),
				lang.L("mdf.unallocated", map[string]any{"Amount": m.ui.money(f.Unallocated())})))
			bar := box.Objects[1].(*widget.ProgressBar)
			bar.Max = 1
			bar.SetValue(min(1, f.Utilisation()))
			box.Objects[2].(*widget.Label).SetText(m.ui.balanceText(f.Balance))
		},
		OnSelected: func(id widget.ListItemID) { m.fundSel = id },
	}
	bar := container.NewHBox(
		&widget.Button{Text: lang.L("mdf.new_fund"), Icon: theme.ContentAddIcon(), OnTapped: m.onNewFund},
		&widget.Button{Text: lang.L("mdf.allocate"), OnTapped: m.onAllocate},
		&widget.Button{Text: lang.L("mdf.adjust"), OnTapped: m.onAdjust},
		&widget.Button{Text: lang.L("mdf.post_accrual"), OnTapped: m.onAccrual},
	)
	return container.NewBorder(bar, nil, nil, nil, m.fundList)
}

func (m *mdfScreen) buildQueue() fyne.CanvasObject {
	m.queueList = &widget.List{
		Length:     func() int { return len(m.queue) },
		CreateItem: func() fyne.CanvasObject { return widget.NewLabel("Submitted request · partner · amount") },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(m.queueText(m.queue[id]))
		},
		OnSelected: func(id widget.ListItemID) { m.queueSel = id },
	}
	bar := container.NewHBox(
		&widget.Button{Text: lang.L("mdf.approve"), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: m.onApprove},
		&widget.Button{Text: lang.L("mdf.reject"), Icon: theme.CancelIcon(), OnTapped: m.onReject},
		&widget.Button{Text: lang.L("mdf.request_info"), Icon: theme.QuestionIcon(), OnTapped: m.onRequestInfo},
		widget.NewSeparator(),
		&widget.Button{Text: lang.L("mdf.pay_claims"), OnTapped: m.onPay},
		&widget.Button{Text: lang.L("mdf.expire"), OnTapped: m.onExpire},
	)
	return container.NewBorder(bar, nil, nil, nil, m.queueList)
}

func (m *mdfScreen) queueText(q mdf.QueueItem) string {
	return fmt.Sprintf("%s · %s · %s · %s · %s · %s", lang.L("mdf.queue."+q.Kind), m.ui.date(q.Date), q.PartnerName,
		activityLabel(q.Activity), q.Description, m.ui.money(q.Amount))
}

// reload reads funds and the work queue off the UI goroutine.
func (m *mdfScreen) reload() {
	var funds []mdf.FundSummary
	var queue []mdf.QueueItem
	var err error
	ctx := context.Background()
	m.ui.background(func() {
		// requests whose claim deadline passed release their money before
		// anyone looks at a balance
		if _, err = mdf.ExpireRequests(ctx, m.ui.Store); err != nil {
			return
		}
		if funds, err = mdf.FundSummaries(ctx, m.ui.Store); err == nil {
			queue, err = mdf.WorkQueue(ctx, m.ui.Store, 14)
		}
	}, func() {
		if err != nil {
			m.status.SetText(errorText(err))
			return
		}
		m.funds, m.queue, m.fundSel, m.queueSel = funds, queue, -1, -1
		m.fundList.UnselectAll()
		m.queueList.UnselectAll()
		m.fundList.Refresh()
		m.queueList.Refresh()
		m.status.SetText(lang.L("mdf.status", map[string]any{"Funds": len(funds), "Queue": len(queue)}))
		m.ledger.reload()
		m.roi.reload()
	})
}

// done reports the outcome of an action and reloads.
func (m *mdfScreen) done(err error) error {
	if err == nil {
		m.reload()
	}
	return err
}

func (m *mdfScreen) selectedFund() *data.MDFFund {
	if m.fundSel < 0 || m.fundSel >= len(m.funds) {
		dialog.ShowInformation(lang.L("nav.mdf"), lang.L("mdf.pick_fund"), m.ui.Win)
		return nil
	}
	return &m.funds[m.fundSel].Fund
}

func (m *mdfScreen) selectedQueue() *mdf.QueueItem {
	if m.queueSel < 0 || m.queueSel >= len(m.queue) {
		dialog.ShowInformation(lang.L("nav.mdf"), lang.L("mdf.pick_item"), m.ui.Win)
		return nil
	}
	return &m.queue[m.queueSel]
}

func (m *mdfScreen) onNewFund() {
	name := widgets.NewText(&widget.Entry{})
	kinds := []string{lang.L("mdf.period.quarter"), lang.L("mdf.period.year")}
	kind := newSelect(kinds, nil)
	kind.SetSelectedIndex(0)
	year, quarter := fiscal.FiscalQuarterOf(m.ui.Settings.FiscalYearFrom, m.ui.Store.Now())
	fy := widgets.NewText(&widget.Entry{})
	fy.SetText(strconv.Itoa(year))
	q := newSelect([]string{"1", "2", "3", "4"}, nil)
	q.SetSelectedIndex(quarter - 1)
	budget := newMoneyEntry(m.ui, "mdf_budget")
	models := make([]string, len(data.MDFModels))
	for i, md := range data.MDFModels {
		models[i] = lang.L("mdf.model." + string(md))
	}
	model := newSelect(models, nil)
	model.SetSelectedIndex(0)
	// Eight activity types in one row ran the dialog off a 1280 px
	// window ("Софинансирование менеджера по продажам" alone is 250 px);
	// two to a row fit.
	actChecks := make([]*widget.Check, len(data.MDFActivities))
	acts := container.NewGridWithColumns(2)
	for i, label := range activityLabels(data.MDFActivities) {
		actChecks[i] = widget.NewCheck(label, nil)
		actChecks[i].SetChecked(true)
		acts.Add(actChecks[i])
	}
	share := newPercentEntry(m.ui, "mdf_share")
	share.SetValue(5000)
	days := widgets.NewText(&widget.Entry{})
	days.SetText("30")
	capE := newMoneyEntry(m.ui, "mdf_accrual_cap")
	capE.Optional = true
	items := []*widget.FormItem{
		widget.NewFormItem(fieldLabel("mdf_fund_name"), name), widget.NewFormItem(lang.L("mdf.period"), container.NewGridWithColumns(3, kind, fy, q)),
		widget.NewFormItem(fieldLabel("mdf_budget"), budget), widget.NewFormItem(fieldLabel("mdf_model"), model),
		widget.NewFormItem(fieldLabel("mdf_activities"), acts), widget.NewFormItem(fieldLabel("mdf_share"), share),
		widget.NewFormItem(fieldLabel("mdf_claim_days"), days), widget.NewFormItem(fieldLabel("mdf_accrual_cap"), capE),
	}
	showMDFForm(m.ui, lang.L("mdf.new_fund"), lang.L("action.save"), items, func() error {
		f := &data.MDFFund{Name: name.Text, PeriodKind: "quarter", Quarter: q.SelectedIndex() + 1, Model: data.MDFModels[model.SelectedIndex()]}
		if kind.SelectedIndex() == 1 {
			f.PeriodKind = "year"
		}
		for i, a := range data.MDFActivities {
			if actChecks[i].Checked {
				f.Activities = append(f.Activities, a)
			}
		}
		y, err := parseMDFInt("mdf_period", fy.Text)
		if err != nil {
			return err
		}
		f.FiscalYear = int(y)
		if f.Budget, err = budget.Value(); err != nil {
			return err
		}
		if f.ShareBP, err = share.Value(); err != nil {
			return err
		}
		d, err := parseMDFInt("mdf_claim_days", days.Text)
		if err != nil {
			return err
		}
		f.ClaimDays = int(d)
		if f.AccrualCap, err = capE.Value(); err != nil {
			return err
		}
		return m.done(mdf.CreateFund(context.Background(), m.ui.Store, f))
	})
}

// partnerPicker is a select of every partner by name.
func (m *mdfScreen) partnerPicker() (*widget.SelectEntry, func() (int64, error)) {
	rows, _ := m.ui.Store.PartnerRows(context.Background())
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Name
	}
	sel := widget.NewSelectEntry(names)
	return sel, func() (int64, error) {
		for _, r := range rows {
			if r.Name == sel.Text {
				return r.ID, nil
			}
		}
		return 0, widgets.InputError{Msg: fieldLabel("mdf_partner") + ": " + lang.L("err.required")}
	}
}

func (m *mdfScreen) onAllocate() {
	m.partnerAmountForm("mdf.allocate", fieldLabel("mdf_note"), nil, mdf.Allocate)
}

// onAdjust posts a signed correction with its reason.
func (m *mdfScreen) onAdjust() {
	m.partnerAmountForm("mdf.adjust", fieldLabel("reason"), func(e *widgets.MoneyEntry) {
		e.Signed, e.PlaceHolder = true, lang.L("mdf.adjust_hint")
	}, mdf.Adjust)
}

// partnerAmountForm asks for a partner, an amount and a text for the
// selected fund, then posts them with post; action names the title and
// the button, textLabel the text field.
func (m *mdfScreen) partnerAmountForm(action, textLabel string, setup func(*widgets.MoneyEntry),
	post func(ctx context.Context, s *data.Store, fundID, partnerID, amount int64, text string) error) {
	f := m.selectedFund()
	if f == nil {
		return
	}
	partner, partnerID := m.partnerPicker()
	amount := newMoneyEntry(m.ui, "mdf_amount")
	if setup != nil {
		setup(amount)
	}
	text := widgets.NewText(&widget.Entry{})
	items := []*widget.FormItem{widget.NewFormItem(fieldLabel("mdf_partner"), partner),
		widget.NewFormItem(fieldLabel("mdf_amount"), amount), widget.NewFormItem(textLabel, text)}
	showMDFForm(m.ui, lang.L(action)+" · "+f.Name, lang.L(action), items, func() error {
		p, err := partnerID()
		if err != nil {
			return err
		}
		v, err := amount.Value()
		if err != nil {
			return err
		}
		return m.done(post(context.Background(), m.ui.Store, f.ID, p, v, text.Text))
	})
}

func (m *mdfScreen) onAccrual() {
	f := m.selectedFund()
	if f == nil {
		return
	}
	n, total, err := mdf.PostAccrual(context.Background(), m.ui.Store, f.ID)
	if err != nil {
		dialog.ShowInformation(lang.L("mdf.post_accrual"), errorText(err), m.ui.Win)
		return
	}
	m.reload()
	dialog.ShowInformation(lang.L("mdf.post_accrual"), lang.L("mdf.accrual_done",
		map[string]any{"Partners": n, "Total": m.ui.money(total)}), m.ui.Win)
}

func (m *mdfScreen) onApprove() {
	q := m.selectedQueue()
	if q == nil {
		return
	}
	ctx := context.Background()
	switch q.Kind {
	case "request":
		amount := newMoneyEntry(m.ui, "mdf_approved")
		amount.SetValue(q.Amount)
		showMDFForm(m.ui, lang.L("mdf.approve")+" · "+q.PartnerName, lang.L("mdf.approve"),
			[]*widget.FormItem{widget.NewFormItem(fieldLabel("mdf_approved"), amount)}, func() error {
				v, err := amount.Value()
				if err != nil {
					return err
				}
				return m.done(mdf.ApproveRequest(ctx, m.ui.Store, q.RequestID, v))
			})
	case "claim":
		m.report(m.done(mdf.ApproveClaim(ctx, m.ui.Store, q.ClaimID)))
	default:
		dialog.ShowInformation(lang.L("nav.mdf"), lang.L("mdf.deadline_no_action"), m.ui.Win)
	}
}

func (m *mdfScreen) report(err error) {
	if err != nil {
		dialog.ShowInformation(lang.L("nav.mdf"), errorText(err), m.ui.Win)
	}
}

func (m *mdfScreen) onReject() {
	q := m.selectedQueue()
	if q == nil || q.Kind == "deadline" {
		return
	}
	askMDFReason(m.ui, lang.L("mdf.reject")+" · "+q.PartnerName, lang.L("mdf.reject"), func(reason string) error {
		if q.Kind == "claim" {
			return m.done(mdf.RejectClaim(context.Background(), m.ui.Store, q.ClaimID, reason))
		}
		return m.done(mdf.RejectRequest(context.Background(), m.ui.Store, q.RequestID, reason))
	})
}

func (m *mdfScreen) onRequestInfo() {
	q := m.selectedQueue()
	if q == nil {
		return
	}
	if q.Kind != "claim" {
		dialog.ShowInformation(lang.L("nav.mdf"), lang.L("mdf.info_claims_only"), m.ui.Win)
		return
	}
	askMDFReason(m.ui, lang.L("mdf.request_info")+" · "+q.PartnerName, lang.L("mdf.request_info"), func(reason string) error {
		return m.done(mdf.RequestClaimInfo(context.Background(), m.ui.Store, q.ClaimID, reason))
	})
}

// onPay pays every approved claim the manager ticks with one payment.
func (m *mdfScreen) onPay() {
	ctx := context.Background()
	claims, err := m.ui.Store.MDFClaimsBy(ctx, data.MDFClaimFilter{State: data.ClaimApproved})
	if err != nil || len(claims) == 0 {
		dialog.ShowInformation(lang.L("mdf.pay_claims"), lang.L("mdf.nothing_to_pay"), m.ui.Win)
		return
	}
	labels := make([]string, len(claims))
	for i, c := range claims {
		r, _ := m.ui.Store.MDFRequest(ctx, c.RequestID)
		labels[i] = fmt.Sprintf("#%d · %s · %s", c.ID, r.Description, m.ui.money(c.Reimbursable))
	}
	pick := widget.NewCheckGroup(labels, nil)
	pick.SetSelected(labels)
	date := newDateEntry(m.ui, "mdf_paid_on")
	date.SetValue(m.ui.Store.Now().Format(format.DateLayout))
	ref := widgets.NewText(&widget.Entry{})
	items := []*widget.FormItem{widget.NewFormItem(fieldLabel("mdf_claims"), container.NewVScroll(pick)),
		widget.NewFormItem(fieldLabel("mdf_paid_on"), date), widget.NewFormItem(fieldLabel("mdf_reference"), ref)}
	showMDFForm(m.ui, lang.L("mdf.pay_claims"), lang.L("mdf.pay"), items, func() error {
		var ids []int64
		for i, l := range labels {
			for _, s := range pick.Selected {
				if s == l {
					ids = append(ids, claims[i].ID)
				}
			}
		}
		on, err := date.Value()
		if err != nil {
			return err
		}
		_, err = mdf.PayClaims(ctx, m.ui.Store, ids, on, ref.Text)
		return m.done(err)
	})
}

func (m *mdfScreen) onExpire() {
	n, err := mdf.ExpireRequests(context.Background(), m.ui.Store)
	if err != nil {
		m.report(err)
		return
	}
	m.reload()
	dialog.ShowInformation(lang.L("mdf.expire"), lang.L("mdf.expired_count", map[string]any{"Count": n}), m.ui.Win)
}
