package screens

import (
	"context"
	"strconv"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cadenceSettings edits how often each tier's partners expect contact.
type cadenceSettings struct {
	store   *data.Store
	lang    format.Lang // names the tiers
	tiers   []metrics.TierCadence
	entries []*widgets.TextEntry
	msg     *widget.Label
}

func newCadenceSettings(store *data.Store, l format.Lang) *cadenceSettings {
	return &cadenceSettings{store: store, lang: l}
}

func (c *cadenceSettings) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("week.cadence_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(lang.L("week.cadence_hint"))
	hint.Wrapping = fyne.TextWrapWord
	c.msg = widget.NewLabel("")
	c.msg.Wrapping = fyne.TextWrapWord
	cad, err := metrics.LoadCadence(context.Background(), c.store)
	if err != nil {
		c.msg.SetText(errorText(err))
		return container.NewVBox(widget.NewSeparator(), title, c.msg)
	}
	c.tiers = cad.Tiers
	form := widget.NewForm()
	for _, t := range cad.Tiers {
		e := widgets.NewText(&widget.Entry{Text: strconv.Itoa(t.Days)})
		c.entries = append(c.entries, e)
		form.Append(lang.L("week.cadence_tier", map[string]any{"Tier": t.Tier.Name(string(c.lang))}), e)
	}
	if len(cad.Tiers) == 0 {
		c.msg.SetText(lang.L("week.cadence_no_tiers", map[string]any{"Days": metrics.FallbackCadenceDays}))
	}
	save := &widget.Button{Text: lang.L("week.cadence_save"), Icon: theme.DocumentSaveIcon(), OnTapped: c.onSave}
	return container.NewVBox(widget.NewSeparator(), title, hint, form, container.NewHBox(save), c.msg)
}

func (c *cadenceSettings) onSave() {
	days := map[int64]int{}
	for i, t := range c.tiers {
		n, err := strconv.Atoi(strings.TrimSpace(c.entries[i].Text))
		if err != nil || n < 1 || n > data.MaxCadenceDays {
			c.msg.Importance = widget.DangerImportance
			c.msg.SetText(t.Tier.Name(string(c.lang)) + ": " + lang.L("err.week_cadence", map[string]any{"Max": data.MaxCadenceDays}))
			return
		}
		days[t.Tier.ID] = n
	}
	if err := c.store.SaveCadences(context.Background(), days); err != nil {
		c.msg.Importance = widget.DangerImportance
		c.msg.SetText(errorText(err))
		return
	}
	c.msg.Importance = widget.SuccessImportance
	c.msg.SetText(lang.L("settings.saved"))
}
