package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// PickerMatches is how many partners the picker lists under its entry.
const PickerMatches = 5

// PartnerPicker chooses a partner by typing part of its name: the first
// matches show under the entry (names that start with the text first),
// Down and Up move through them, Enter or a tap picks one. A drop-down of
// every partner took seconds to open with 5,000 partners and could not be
// searched.
type PartnerPicker struct {
	Entry    *PickerEntry    // where the name is typed
	Matches  *fyne.Container // the listed matches
	Box      *fyne.Container // the entry and its matches: put this in a form
	partners []data.PartnerRow
	keys     []string // lower-case names, by partners' index
	found    []int    // the listed matches, indexes into partners
	hot      int      // the highlighted match
	chosen   int      // the picked partner, -1 for none
}

// PickerEntry is the picker's text entry: Down, Up and Enter work the
// list of matches.
type PickerEntry struct {
	TextEntry
	p *PartnerPicker
}

// NewPartnerPicker picks among partners, selectedID (0: none) already picked.
func NewPartnerPicker(partners []data.PartnerRow, selectedID int64) *PartnerPicker {
	p := &PartnerPicker{partners: partners, keys: make([]string, len(partners)), chosen: -1}
	for i, r := range partners {
		p.keys[i] = strings.ToLower(r.Name)
	}
	p.Entry = &PickerEntry{TextEntry: TextEntry{&widget.Entry{PlaceHolder: lang.L("deals.partner_hint")}}, p: p}
	p.Entry.ExtendBaseWidget(p.Entry)
	p.Matches = container.NewVBox()
	p.Box = container.NewVBox(p.Entry, p.Matches)
	for i, r := range partners {
		if r.ID == selectedID {
			p.pick(i)
		}
	}
	p.Entry.OnChanged = p.search
	return p
}

// ID is the picked partner, or 0 when the text names none of them.
func (p *PartnerPicker) ID() int64 {
	if p.chosen >= 0 {
		return p.partners[p.chosen].ID
	}
	typed := strings.ToLower(strings.TrimSpace(p.Entry.Text))
	for i, k := range p.keys {
		if k == typed && typed != "" {
			return p.partners[i].ID
		}
	}
	return 0
}

// search lists the partners whose name holds the typed text.
func (p *PartnerPicker) search(text string) {
	if p.chosen >= 0 && text == p.partners[p.chosen].Name {
		return
	}
	p.chosen, p.found, p.hot = -1, p.found[:0], 0
	q := strings.ToLower(strings.TrimSpace(text))
	if q != "" {
		var inside []int
		for i, k := range p.keys {
			switch {
			case strings.HasPrefix(k, q):
				p.found = append(p.found, i)
			case len(inside) < PickerMatches && strings.Contains(k, q):
				inside = append(inside, i)
			}
		}
		p.found = append(p.found, inside...)
		p.found = p.found[:min(len(p.found), PickerMatches)]
	}
	p.showMatches()
}

// showMatches lists the matches as buttons, the highlighted one marked.
func (p *PartnerPicker) showMatches() {
	p.Matches.Objects = p.Matches.Objects[:0]
	for n, i := range p.found {
		b := &widget.Button{Text: p.partners[i].Name, Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance,
			OnTapped: func() { p.pick(i) }}
		if n == p.hot {
			b.Importance = widget.MediumImportance
		}
		p.Matches.Objects = append(p.Matches.Objects, b)
	}
	if len(p.found) == 0 && strings.TrimSpace(p.Entry.Text) != "" && p.chosen < 0 {
		p.Matches.Objects = append(p.Matches.Objects, &widget.Label{Text: lang.L("deals.partner_none"), Importance: widget.WarningImportance})
	}
	p.Matches.Refresh()
}

// pick chooses partners[i] and puts its name in the entry.
func (p *PartnerPicker) pick(i int) {
	p.chosen, p.found = i, p.found[:0]
	p.Entry.SetText(p.partners[i].Name)
	p.Entry.CursorColumn = len([]rune(p.Entry.Text))
	p.showMatches()
}

// TypedKey moves through the matches with Down and Up and picks the
// highlighted one with Enter; other keys type as usual.
func (e *PickerEntry) TypedKey(k *fyne.KeyEvent) {
	p := e.p
	switch {
	case k.Name == fyne.KeyDown && len(p.found) > 0:
		p.hot = min(p.hot+1, len(p.found)-1)
		p.showMatches()
	case k.Name == fyne.KeyUp && len(p.found) > 0:
		p.hot = max(p.hot-1, 0)
		p.showMatches()
	case (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && len(p.found) > 0:
		p.pick(p.found[p.hot])
	default:
		e.TextEntry.TypedKey(k)
	}
}
