package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// partnerDealsTab is the Deals tab of a partner: its registrations.
type partnerDealsTab struct {
	d     *partnerDetail
	deals *dealTable
	add   *widget.Button
}

func newPartnerDealsTab(d *partnerDetail) *partnerDealsTab {
	return &partnerDealsTab{d: d, deals: d.newDealTable()}
}

func (t *partnerDealsTab) buildUI() fyne.CanvasObject {
	body := t.deals.buildUI()
	t.add = &widget.Button{Text: lang.L("deals.new"), Icon: theme.ContentAddIcon(), OnTapped: func() {
		t.deals.edit(data.Deal{PartnerID: t.d.partner.ID, RegisteredOn: t.d.store.Today()})
	}}
	t.deals.onExpired = t.d.timeline.reload
	t.deals.onChange = func() {
		if t.d.partner != nil {
			t.d.tier.load(t.d.partner.ID)
			t.d.timeline.reload()
		}
	}
	return container.NewBorder(container.NewHBox(t.add, t.deals.count), nil, nil, nil, body)
}

// set shows a partner's deals (none while a partner is being created).
func (t *partnerDealsTab) set(p *data.Partner) {
	if p == nil || p.ID == 0 {
		t.deals.deals = nil
		t.deals.table.Refresh()
		t.add.Disable()
		return
	}
	t.add.Enable()
	t.deals.filter = data.DealFilter{PartnerID: p.ID}
	t.deals.reload()
}
