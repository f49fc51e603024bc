package screens

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/tier"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// tierName is a tier's name in the interface language, or "No tier".
func (u *UI) tierName(t *data.Tier) string { return u.locale().tierName(t) }

// tierName is a tier's name in the locale's language, or "No tier".
func (l locale) tierName(t *data.Tier) string { return tier.Name(t, l.lang, lang.L("tiers.none")) }

// reqLabel names what a requirement measures.
func (l locale) reqLabel(r data.Requirement) string {
	if r.Kind == data.ReqCustomValue {
		if l.lang == format.RU && r.LabelRU != "" {
			return r.LabelRU
		}
		if r.LabelEN != "" {
			return r.LabelEN
		}
		return r.Metric
	}
	return lang.L("tiers.req." + string(r.Kind))
}

// reqValue formats a number a requirement counts.
func (l locale) reqValue(r data.Requirement, v int64) string {
	switch r.Kind {
	case data.ReqRevenue12m:
		return format.FormatMoney(v, l.currency, l.lang)
	case data.ReqOnboarded:
		if v > 0 {
			return lang.L("tiers.yes")
		}
		return lang.L("tiers.no")
	case data.ReqLeadAcceptance:
		return widgets.FormatPercent(int(v)*100, l.lang)
	}
	return format.FormatNumber(v, l.lang)
}

// progressText is one requirement's line: "Won deals, 12 months: 3 / 5 ·
// 2 more won deals in 12 months". A lead acceptance rate with no decided
// offer says so instead of showing 0 %.
func (l locale) progressText(rp tier.ReqProgress) string {
	if rp.NoData {
		return l.reqLabel(rp.Req) + ": " + lang.L("tiers.lead_acceptance_no_offers", map[string]any{"Target": l.reqValue(rp.Req, rp.Target)})
	}
	return l.reqLabel(rp.Req) + ": " + l.reqValue(rp.Req, rp.Actual) + " / " + l.reqValue(rp.Req, rp.Target) + " · " + l.gapText(rp)
}

// gapText says what is missing: "1 200 000 ₽ more won revenue in 12 months".
func (l locale) gapText(rp tier.ReqProgress) string {
	if rp.Met {
		return lang.L("tiers.met")
	}
	return lang.L("tiers.gap."+string(rp.Req.Kind), map[string]any{"Gap": l.reqValue(rp.Req, rp.Gap), "Label": l.reqLabel(rp.Req)})
}

// gapsText joins the gaps of the requirements not met yet.
func (l locale) gapsText(ps []tier.ReqProgress) string {
	var parts []string
	for _, rp := range ps {
		if !rp.Met {
			parts = append(parts, l.gapText(rp))
		}
	}
	return strings.Join(parts, "; ")
}

// tierColor parses a tier's #RRGGBB colour.
func tierColor(t *data.Tier) color.Color {
	if t == nil || len(t.Color) != 7 {
		return color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}
	}
	var c [3]uint8
	for i := range c {
		for _, ch := range t.Color[1+2*i : 3+2*i] {
			c[i] = c[i]*16 + hexVal(ch)
		}
	}
	return color.NRGBA{R: c[0], G: c[1], B: c[2], A: 0xff}
}

func hexVal(ch rune) uint8 {
	switch {
	case ch >= '0' && ch <= '9':
		return uint8(ch - '0')
	case ch >= 'a' && ch <= 'f':
		return uint8(ch-'a') + 10
	case ch >= 'A' && ch <= 'F':
		return uint8(ch-'A') + 10
	}
	return 0
}

// tierBadge is a coloured label with a tier's name.
type tierBadge struct {
	bg    *canvas.Rectangle
	label *widget.Label
	box   *fyne.Container
}

func newTierBadge() *tierBadge {
	b := &tierBadge{bg: canvas.NewRectangle(tierColor(nil)), label: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})}
	b.bg.CornerRadius = 6
	b.box = container.NewStack(b.bg, container.NewPadded(b.label))
	return b
}

func (b *tierBadge) set(l locale, t *data.Tier) {
	b.label.SetText(l.tierName(t))
	b.bg.FillColor = tierColor(t)
	b.bg.Refresh()
}
