package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// leadSettings edits how long a partner has to accept a lead and the
// weights of the routing rules, so the ranking is never a black box.
type leadSettings struct {
	store      *data.Store
	days       *widgets.TextEntry
	weights    map[string]*widgets.TextEntry
	neighbours *widgets.TextEntry
	msg        *widget.Label
}

// leadWeightKeys are the weights in the order the form shows them.
var leadWeightKeys = []string{"region", "country", "neighbour", "product", "certified", "active", "tier", "load",
	"acceptance", "conversion"}

func newLeadSettings(store *data.Store) *leadSettings {
	return &leadSettings{store: store, weights: map[string]*widgets.TextEntry{}}
}

func (ls *leadSettings) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("leads.settings_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := &widget.Label{Text: lang.L("leads.settings_hint"), Wrapping: fyne.TextWrapWord}
	ls.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	ctx := context.Background()
	days, err := ls.store.LeadOfferDays(ctx)
	var w data.LeadWeights
	if err == nil {
		w, err = ls.store.LeadWeights(ctx)
	}
	if err != nil {
		ls.msg.SetText(errorText(err))
		return container.NewVBox(widget.NewSeparator(), title, ls.msg)
	}
	ls.days = widgets.NewText(&widget.Entry{Text: strconv.Itoa(days)})
	form := widget.NewForm(widget.NewFormItem(lang.L("leads.settings_days"), ls.days))
	vals := weightValues(&w)
	for _, k := range leadWeightKeys {
		e := widgets.NewText(&widget.Entry{Text: strconv.Itoa(*vals[k])})
		ls.weights[k] = e
		form.Append(lang.L("leads.weight."+k), e)
	}
	ls.neighbours = widgets.NewText(&widget.Entry{Text: w.Neighbours, MultiLine: true, Wrapping: fyne.TextWrapWord,
		PlaceHolder: lang.L("leads.settings_neighbours_hint")})
	ls.neighbours.SetMinRowsVisible(6)
	reset := &widget.Button{Text: lang.L("leads.settings_neighbours_default"), Icon: theme.ViewRefreshIcon(),
		OnTapped: func() { ls.neighbours.SetText(data.DefaultNeighbours) }}
	syntax := &widget.Label{Text: lang.L("leads.settings_neighbours_syntax"), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	form.Append(lang.L("leads.settings_neighbours"), container.NewBorder(nil, container.NewVBox(syntax, container.NewHBox(reset)), nil, nil, ls.neighbours))
	save := &widget.Button{Text: lang.L("leads.settings_save"), Icon: theme.DocumentSaveIcon(), OnTapped: ls.onSave}
	return container.NewVBox(widget.NewSeparator(), title, hint, form, container.NewHBox(save), ls.msg)
}

func weightValues(w *data.LeadWeights) map[string]*int {
	return map[string]*int{"region": &w.Region, "country": &w.Country, "neighbour": &w.Neighbour, "product": &w.Product,
		"certified": &w.Certified, "active": &w.Active, "tier": &w.Tier, "load": &w.Load, "acceptance": &w.Acceptance,
		"conversion": &w.Conversion}
}

func (ls *leadSettings) onSave() {
	fail := func(err error) {
		ls.msg.Importance = widget.DangerImportance
		ls.msg.SetText(errorText(err))
	}
	days, err := strconv.Atoi(strings.TrimSpace(ls.days.Text))
	if err != nil {
		fail(data.Invalid("offer_days", "err.leads_offer_days", map[string]any{"Max": 90}))
		return
	}
	w := data.LeadWeights{Neighbours: ls.neighbours.Text}
	vals := weightValues(&w)
	for _, k := range leadWeightKeys {
		n, err := strconv.Atoi(strings.TrimSpace(ls.weights[k].Text))
		if err != nil {
			fail(data.Invalid("weight_"+k, "err.leads_weight", map[string]any{"Max": 100}))
			return
		}
		*vals[k] = n
	}
	ctx := context.Background()
	if err := w.Validate(); err != nil {
		fail(err)
		return
	}
	if err := ls.store.SetLeadOfferDays(ctx, days); err != nil {
		fail(err)
		return
	}
	if err := ls.store.SaveLeadWeights(ctx, w); err != nil {
		fail(err)
		return
	}
	ls.msg.Importance = widget.SuccessImportance
	ls.msg.SetText(lang.L("settings.saved"))
}
