package screens

import (
	"context"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/tier"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// partnerTierTab is a partner's tier card: the assigned tier, progress to
// the next one with the exact gaps, demotion risk, history and what-if.
type partnerTierTab struct {
	d *partnerDetail

	program tier.Program
	facts   *tier.PartnerFacts
	eval    tier.Evaluation
	history []data.TierChange

	badge      *tierBadge
	qualified  *widget.Label
	confirm    *widget.Button
	nextTitle  *widget.Label
	progress   *fyne.Container
	risk       *widget.Label
	custom     *fyne.Container
	historyBox *fyne.Container
	msg        *widget.Label

	extraRevenue               *widgets.MoneyEntry
	extraDeals, extraCertified *widgets.TextEntry
	extraLeads                 *widgets.TextEntry // accepted lead offers
	targetDate                 *widgets.DateEntry
	whatIfResult               *widget.Label
}

func newPartnerTierTab(d *partnerDetail) *partnerTierTab { return &partnerTierTab{d: d} }

func (t *partnerTierTab) buildUI() fyne.CanvasObject {
	t.badge = newTierBadge()
	t.qualified = widget.NewLabel("")
	t.qualified.Wrapping = fyne.TextWrapWord
	t.confirm = &widget.Button{Text: lang.L("tiers.confirm"), Importance: widget.HighImportance, OnTapped: func() {
		t.d.confirmTier(t.eval, t.qualified.Text, func() { t.d.saved(t.d.partner.ID) })
	}}
	t.confirm.Hide()
	t.nextTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.progress = container.NewVBox()
	t.risk = widget.NewLabel("")
	t.risk.Wrapping = fyne.TextWrapWord
	t.msg = widgets.NewErrorLine()
	t.custom = container.NewVBox()
	t.historyBox = container.NewVBox()
	// the badge and "Confirm" on one line, what the partner qualifies for
	// below them the whole width (beside them it broke inside words)
	head := container.NewVBox(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(200, 44), t.badge.box),
		container.NewVBox(t.confirm)), t.qualified)
	card := container.NewVBox(head, t.risk, widget.NewSeparator(), t.nextTitle, t.progress, t.custom, widget.NewSeparator(),
		t.buildWhatIf(), t.msg, widget.NewLabelWithStyle(lang.L("tiers.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		t.historyBox)
	return container.NewVScroll(card)
}

func (t *partnerTierTab) buildWhatIf() fyne.CanvasObject {
	t.extraRevenue = t.d.loc().moneyEntry("amount")
	t.extraRevenue.Optional, t.extraRevenue.Signed, t.extraRevenue.PlaceHolder = true, true, "0"
	t.extraDeals = widgets.NewText(&widget.Entry{PlaceHolder: "0"})
	t.extraCertified = widgets.NewText(&widget.Entry{PlaceHolder: "0"})
	t.extraLeads = widgets.NewText(&widget.Entry{PlaceHolder: "0"})
	t.targetDate = t.d.loc().dateEntry(t.d.store, "date")
	t.targetDate.Optional, t.targetDate.PlaceHolder = true, lang.L("tiers.whatif_today")
	quarter := &widget.Button{Text: lang.L("tiers.quarter_end"), OnTapped: func() {
		t.targetDate.SetValue(tier.QuarterEnd(t.d.store.Today(), t.d.settings().FiscalYearFrom))
	}}
	t.whatIfResult = widget.NewLabel("")
	t.whatIfResult.Wrapping = fyne.TextWrapWord
	calc := &widget.Button{Text: lang.L("tiers.whatif_calc"), OnTapped: t.onWhatIf}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("tiers.whatif_revenue"), t.extraRevenue),
		widget.NewFormItem(lang.L("tiers.whatif_deals"), t.extraDeals),
		widget.NewFormItem(lang.L("tiers.whatif_certified"), t.extraCertified),
		widget.NewFormItem(lang.L("tiers.whatif_leads"), t.extraLeads),
		widget.NewFormItem(lang.L("tiers.whatif_date"), container.NewVBox(t.targetDate, widgets.NewRow(quarter))))
	title := widget.NewLabelWithStyle(lang.L("tiers.whatif"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(title, form, container.NewBorder(nil, nil, calc, nil, t.whatIfResult))
}

func (t *partnerTierTab) historyLine(c data.TierChange) string {
	u := t.d.loc()
	return joinNonEmpty(" · ", u.date(c.ChangedAt), u.tierName(t.program.Tier(c.FromTierID))+" › "+u.tierName(t.program.Tier(c.ToTierID)),
		c.Reason, c.Author)
}

// load evaluates the partner as of today off the UI goroutine.
func (t *partnerTierTab) load(id int64) {
	var p tier.Program
	var f *tier.PartnerFacts
	var e tier.Evaluation
	var hist []data.TierChange
	var err error
	t.d.run(func() {
		ctx := context.Background()
		if p, f, e, err = tier.EvaluatePartner(ctx, t.d.store, id, t.d.store.Today()); err != nil {
			return
		}
		hist, err = t.d.store.TierChanges(ctx, id)
	}, func() {
		if err != nil {
			t.msg.SetText(errorText(err))
			return
		}
		if t.d.partner == nil || t.d.partner.ID != id {
			return
		}
		t.program, t.facts, t.eval, t.history = p, f, e, hist
		t.show()
	})
}

// set clears the card for a partner being created, or loads one.
func (t *partnerTierTab) set(p *data.Partner) {
	t.msg.SetText("")
	t.whatIfResult.SetText("")
	if p == nil || p.ID == 0 {
		t.facts, t.history = nil, nil
		t.badge.set(t.d.loc(), nil)
		t.qualified.SetText("")
		t.confirm.Hide()
		t.progress.RemoveAll()
		t.historyBox.RemoveAll()
		return
	}
	t.load(p.ID)
}

func (t *partnerTierTab) show() {
	u, e := t.d.loc(), t.eval
	t.badge.set(u, e.Assigned)
	line := lang.L("tiers.qualifies", map[string]any{"Tier": u.tierName(e.Qualified)})
	if e.Suggest != tier.SuggestNone {
		line += " · " + lang.L("tiers.suggest."+string(e.Suggest), map[string]any{"Tier": u.tierName(e.Qualified)})
	}
	t.qualified.SetText(line)
	t.confirm.Hide()
	if e.Suggest != tier.SuggestNone {
		t.confirm.Show()
	}
	t.risk.SetText(riskText(u, e))
	t.showProgress(e)
	t.showCustom()
	t.historyBox.RemoveAll()
	for _, c := range t.history {
		l := widget.NewLabel(t.historyLine(c))
		l.Wrapping = fyne.TextWrapWord
		t.historyBox.Add(l)
	}
}

// showCustom offers an entry for every custom number the program counts.
func (t *partnerTierTab) showCustom() {
	t.custom.RemoveAll()
	seen := map[string]bool{}
	for _, tier := range t.program.Tiers {
		for _, r := range tier.Requirements {
			if r.Kind != data.ReqCustomValue || seen[r.Metric] {
				continue
			}
			seen[r.Metric] = true
			t.custom.Add(t.customRow(r))
		}
	}
}

func (t *partnerTierTab) customRow(r data.Requirement) fyne.CanvasObject {
	entry := widgets.NewText(&widget.Entry{Text: format.FormatNumber(t.facts.Custom[r.Metric], format.EN)})
	save := &widget.Button{Text: lang.L("action.save"), OnTapped: func() {
		v, err := parseCount(strings.ReplaceAll(entry.Text, ",", ""))
		if err == nil {
			err = t.d.store.SetMetricValue(context.Background(), t.d.partner.ID, r.Metric, v)
		}
		if err != nil {
			t.msg.SetText(errorText(err))
			return
		}
		t.load(t.d.partner.ID)
	}}
	return container.NewBorder(nil, nil, widget.NewLabel(t.d.loc().reqLabel(r)), save, entry)
}

func riskText(u locale, e tier.Evaluation) string {
	switch e.Risk {
	case tier.RiskNow:
		return lang.L("tiers.risk_now", map[string]any{"Gaps": u.gapsText(e.RiskReqs)})
	case tier.RiskSoon:
		return lang.L("tiers.risk_soon", map[string]any{"Days": tier.RiskHorizonDays, "Gaps": u.gapsText(e.RiskReqs)})
	}
	return lang.L("tiers.risk_none")
}

func (t *partnerTierTab) showProgress(e tier.Evaluation) {
	u := t.d.loc()
	t.progress.RemoveAll()
	if e.Next == nil {
		t.nextTitle.SetText(lang.L("tiers.top"))
		return
	}
	t.nextTitle.SetText(lang.L("tiers.next", map[string]any{"Tier": u.tierName(e.Next)}))
	for _, rp := range e.NextProgress {
		bar := widget.NewProgressBar()
		bar.SetValue(rp.Fraction)
		text := u.progressText(rp)
		label := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
		t.progress.Add(container.NewGridWithColumns(2, label, bar))
	}
}

// onWhatIf evaluates the partner with the extras on the target date.
func (t *partnerTierTab) onWhatIf() {
	if t.facts == nil {
		return
	}
	u := t.d.loc()
	w, err := t.readWhatIf()
	if err != nil {
		t.whatIfResult.SetText(errorText(err))
		return
	}
	e := t.program.WhatIfEvaluate(t.facts, t.d.store.Today(), w)
	text := lang.L("tiers.whatif_result", map[string]any{"Tier": u.tierName(e.Qualified), "Date": u.date(e.AsOf)})
	if e.Next != nil {
		text += " " + lang.L("tiers.whatif_next", map[string]any{"Tier": u.tierName(e.Next), "Gaps": u.gapsText(e.NextProgress)})
	}
	t.whatIfResult.SetText(text)
}

func (t *partnerTierTab) readWhatIf() (tier.WhatIf, error) {
	var w tier.WhatIf
	var err error
	if w.Revenue, err = t.extraRevenue.Value(); err != nil {
		return w, err
	}
	if w.Deals, err = parseCount(t.extraDeals.Text); err != nil {
		return w, err
	}
	if w.Certified, err = parseCount(t.extraCertified.Text); err != nil {
		return w, err
	}
	if w.LeadsAccepted, err = parseCount(t.extraLeads.Text); err != nil {
		return w, err
	}
	w.Date, err = t.targetDate.Value()
	return w, err
}

// parseCount reads a whole number ≥ 0; "" is 0.
func parseCount(s string) (int64, error) {
	var n int64
	for _, c := range s {
		if c < '0' || c > '9' || n > 1e12 {
			return 0, data.Invalid("value", "err.tiers_count", map[string]any{"Value": s})
		}
		n = n*10 + int64(c-'0')
	}
	return n, nil
}
