package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A column the user drags wider stays that wide in the next list built
// (the next start of the program).
func TestPartnerColumnWidthDraggedIsRemembered(t *testing.T) {
	u := newTestUI(t, 20, "en")
	s := u.partners
	u.Win.Resize(fyne.NewSize(1280, 760))
	u.Wait()
	name := s.columns[0].width
	at := fyne.NewPos(name+theme.Padding()/2, 5) // the divider after "Name", in the header
	s.table.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	s.table.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	s.table.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at.AddXY(60, 0)}, Dragged: fyne.NewDelta(60, 0)})
	s.table.DragEnd()
	u.Wait()
	if got := s.columns[0].width; got < name+55 || got > name+65 {
		t.Fatalf("after dragging the Name divider 60 px: width %.0f, was %.0f", got, name)
	}
	again := u.newPartnersScreen()
	again.buildUI()
	if got := again.columns[0].width; got != s.columns[0].width {
		t.Errorf("a new list's Name column is %.0f wide, want the dragged %.0f", got, s.columns[0].width)
	}
	if other := again.columns[1].width; other != s.columns[1].width {
		t.Errorf("the Type column moved from %.0f to %.0f", s.columns[1].width, other)
	}
}

// In either language every header shows whole (with room for the sort arrow) and
// the tier column holds every tier's name whole, with its arrow.
func TestPartnerColumnsFitEachLanguage(t *testing.T) {
	for _, l := range []string{"ru", "en"} {
		t.Run(l, func(t *testing.T) { testColumnsFit(t, l) })
	}
}

func testColumnsFit(t *testing.T, l string) {
	u := newTestUI(t, 20, l)
	s := u.partners
	for _, c := range s.columns {
		label := &widget.Button{Text: c.col.headerText(), Icon: theme.MenuDropDownIcon(), Importance: widget.LowImportance}
		if c.width < label.MinSize().Width {
			t.Errorf("column %q is %.0f wide, its header needs %.0f", c.col.headerText(), c.width, label.MinSize().Width)
		}
	}
	tier := s.columns[3]
	tiers, err := u.Store.Tiers(context.Background())
	if err != nil || len(tiers) == 0 {
		t.Fatalf("tiers %v, %v", tiers, err)
	}
	for _, tr := range tiers {
		cell := &widget.Label{Text: "+ " + tr.Name(l)}
		if tier.col.id != "tier" || tier.width < cell.MinSize().Width {
			t.Errorf("tier column %q %.0f wide, %q needs %.0f", tier.col.id, tier.width, cell.Text, cell.MinSize().Width)
		}
	}
}
