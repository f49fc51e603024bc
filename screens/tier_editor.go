package screens

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// tierEditor is the program editor: the tiers by rank, each opened in a
// form with its benefits and requirements.
type tierEditor struct {
	s    *tiersScreen
	tl   *widget.List
	form *tierForm // the open form, for tests
}

type tierForm struct {
	nameEN, nameRU, rank, color *widgets.TextEntry
	discount, mdf               *widgets.PercentEntry
	benefitsEN, benefitsRU      *widgets.TextEntry
	reqs                        map[data.RequirementKind]*widget.Entry
	revenue                     *widgets.MoneyEntry   // the revenue threshold, also in reqs
	leadRate                    *widgets.PercentEntry // the lead acceptance threshold, also in reqs
	customEN, customRU          *widgets.TextEntry
	msg                         *widget.Label
	dlg                         *dialog.CustomDialog
}

// standardKinds are edited as one threshold each; custom is separate.
var standardKinds = []data.RequirementKind{data.ReqRevenue12m, data.ReqDeals12m, data.ReqCertified, data.ReqOnboarded, data.ReqLeadAcceptance}

func newTierEditor(s *tiersScreen) *tierEditor { return &tierEditor{s: s} }

func (e *tierEditor) tiers() []data.Tier {
	if e.s.overview == nil {
		return nil
	}
	return e.s.overview.Program.Tiers
}

func (e *tierEditor) list() *widget.List {
	e.tl = &widget.List{
		Length: func() int { return len(e.tiers()) },
		CreateItem: func() fyne.CanvasObject {
			return &widget.Label{Text: "Gold · 30% · 2%", Truncation: fyne.TextTruncateEllipsis}
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(e.line(&e.tiers()[id])) },
		OnSelected: func(id widget.ListItemID) {
			e.tl.UnselectAll()
			t := e.tiers()[id]
			e.edit(&t)
		},
	}
	return e.tl
}

func (e *tierEditor) line(t *data.Tier) string {
	u := e.s.loc()
	var reqs []string
	for _, r := range t.Requirements {
		if r.Kind == data.ReqOnboarded {
			reqs = append(reqs, u.reqLabel(r))
			continue
		}
		reqs = append(reqs, u.reqLabel(r)+" "+u.reqValue(r, r.Threshold)+"+")
	}
	if len(reqs) == 0 {
		reqs = []string{lang.L("tiers.no_requirements")}
	}
	return fmt.Sprintf("%d. %s · %s %s · %s %s · %s", t.Rank, u.tierName(t), lang.L("tiers.discount"), widgets.FormatPercent(t.DiscountBP, u.lang),
		lang.L("tiers.mdf_accrual"), widgets.FormatPercent(t.MDFAccrualBP, u.lang), strings.Join(reqs, ", "))
}

func (e *tierEditor) buildUI() fyne.CanvasObject {
	add := &widget.Button{Text: lang.L("tiers.add"), Icon: theme.ContentAddIcon(), OnTapped: func() {
		rank := 1
		for _, t := range e.tiers() {
			rank = max(rank, t.Rank+1)
		}
		e.edit(&data.Tier{Rank: rank, Color: "#888888"})
	}}
	if e.tl == nil {
		e.list()
	}
	return container.NewBorder(container.NewHBox(add), nil, nil, nil, e.tl)
}

func (e *tierEditor) edit(t *data.Tier) {
	u := e.s.loc()
	f := &tierForm{
		nameEN: widgets.NewText(&widget.Entry{Text: t.NameEN}), nameRU: widgets.NewText(&widget.Entry{Text: t.NameRU}), rank: widgets.NewText(&widget.Entry{Text: strconv.Itoa(t.Rank)}),
		color: widgets.NewText(&widget.Entry{Text: t.Color}), discount: u.percentEntry("discount"), mdf: u.percentEntry("mdf_accrual"),
		benefitsEN: widgets.NewText(&widget.Entry{Text: t.BenefitsEN, MultiLine: true}), benefitsRU: widgets.NewText(&widget.Entry{Text: t.BenefitsRU, MultiLine: true}),
		reqs: map[data.RequirementKind]*widget.Entry{}, customEN: widgets.NewText(&widget.Entry{}), customRU: widgets.NewText(&widget.Entry{}), msg: widgets.NewErrorLine(),
		revenue: u.moneyEntry("threshold"), leadRate: u.percentEntry("threshold"),
	}
	f.discount.Optional, f.mdf.Optional, f.revenue.Optional, f.leadRate.Optional = true, true, true, true
	f.leadRate.PlaceHolder = lang.L("tiers.not_required")
	f.discount.SetValue(t.DiscountBP)
	f.mdf.SetValue(t.MDFAccrualBP)
	f.revenue.PlaceHolder = lang.L("tiers.not_required")
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("field.name_en"), f.nameEN), widget.NewFormItem(lang.L("field.name_ru"), f.nameRU),
		widget.NewFormItem(lang.L("field.rank"), f.rank), widget.NewFormItem(lang.L("field.color"), f.color),
		widget.NewFormItem(lang.L("field.discount"), f.discount), widget.NewFormItem(lang.L("field.mdf_accrual"), f.mdf),
		widget.NewFormItem(lang.L("field.benefits_en"), f.benefitsEN), widget.NewFormItem(lang.L("field.benefits_ru"), f.benefitsRU),
	}
	custom := widgets.NewText(&widget.Entry{PlaceHolder: lang.L("tiers.not_required")})
	for _, k := range standardKinds {
		text := widgets.NewText(&widget.Entry{PlaceHolder: lang.L("tiers.not_required")})
		var obj fyne.CanvasObject = text
		en := text.Entry
		switch k {
		case data.ReqRevenue12m:
			en, obj = &f.revenue.Entry, f.revenue
		case data.ReqLeadAcceptance:
			en, obj = &f.leadRate.Entry, f.leadRate
		}
		f.reqs[k] = en
		item := widget.NewFormItem(lang.L("tiers.req."+string(k)), obj)
		if k == data.ReqLeadAcceptance {
			item.HintText = lang.L("tiers.lead_acceptance_hint")
		}
		items = append(items, item)
	}
	f.reqs[data.ReqCustomValue] = custom.Entry
	for _, r := range t.Requirements {
		if r.Kind == data.ReqCustomValue {
			f.customEN.SetText(r.LabelEN)
			f.customRU.SetText(r.LabelRU)
		}
		f.reqs[r.Kind].SetText(u.reqValue(r, r.Threshold))
		if r.Kind == data.ReqOnboarded {
			f.reqs[r.Kind].SetText("1")
		}
	}
	items = append(items, widget.NewFormItem(lang.L("tiers.custom_label_en"), f.customEN),
		widget.NewFormItem(lang.L("tiers.custom_label_ru"), f.customRU), widget.NewFormItem(lang.L("tiers.custom_threshold"), custom))
	e.showForm(t, f, items)
}

func (e *tierEditor) showForm(t *data.Tier, f *tierForm, items []*widget.FormItem) {
	fd := &widgets.FormDialog{Title: lang.L("tiers.edit"), Items: items, Msg: f.msg, Scroll: true, Size: fyne.NewSize(620, 640),
		OnSave: func() error { return e.onSave(t, f) }, OnDone: e.s.reload}
	if t.ID != 0 {
		fd.Delete = func() error { return e.s.store.DeleteTier(context.Background(), t.ID) }
	}
	e.form = f
	f.dlg = fd.Show(e.s.win).Dialog
}

// read copies the form into a tier; bad numbers name their field.
func (f *tierForm) read(t *data.Tier) error {
	t.NameEN, t.NameRU, t.Color = f.nameEN.Text, f.nameRU.Text, strings.TrimSpace(f.color.Text)
	t.BenefitsEN, t.BenefitsRU = strings.TrimSpace(f.benefitsEN.Text), strings.TrimSpace(f.benefitsRU.Text)
	var err error
	if t.Rank, err = strconv.Atoi(strings.TrimSpace(f.rank.Text)); err != nil {
		return data.Invalid("rank", "err.tiers_count", map[string]any{"Value": f.rank.Text})
	}
	if t.DiscountBP, err = f.discount.Value(); err != nil {
		return err
	}
	if t.MDFAccrualBP, err = f.mdf.Value(); err != nil {
		return err
	}
	t.Requirements = nil
	for _, k := range append(standardKinds, data.ReqCustomValue) {
		text := strings.TrimSpace(f.reqs[k].Text)
		if text == "" {
			continue
		}
		r := data.Requirement{Kind: k, LabelEN: f.customEN.Text, LabelRU: f.customRU.Text}
		if k != data.ReqCustomValue {
			r.LabelEN, r.LabelRU = "", ""
		}
		switch k {
		case data.ReqRevenue12m:
			if r.Threshold, err = f.revenue.Value(); err != nil {
				return err
			}
		case data.ReqLeadAcceptance:
			if r.Threshold, err = f.wholePercent(); err != nil {
				return err
			}
		default:
			r.Threshold, err = parseCount(strings.NewReplacer(" ", "", "\u00a0", "", ",", "").Replace(text))
		}
		if err != nil {
			return data.Invalid("threshold", "err.tiers_count", map[string]any{"Value": text})
		}
		t.Requirements = append(t.Requirements, r)
	}
	return nil
}

func (e *tierEditor) onSave(orig *data.Tier, f *tierForm) error {
	t := *orig
	if err := f.read(&t); err != nil {
		return err
	}
	return e.s.store.SaveTier(context.Background(), &t)
}

// wholePercent reads the lead acceptance threshold, a whole percentage.
func (f *tierForm) wholePercent() (int64, error) {
	bp, err := f.leadRate.Value()
	if err != nil {
		return 0, err
	}
	if bp%100 != 0 {
		return 0, data.Invalid("threshold", "err.tiers_percent_whole", map[string]any{"Value": f.leadRate.Text})
	}
	return int64(bp / 100), nil
}
