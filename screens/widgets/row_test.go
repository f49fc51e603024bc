package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A row of buttons stays on one line while it fits, moves what doesn't fit
// onto a second line when the row is narrowed, and goes back to one line
// when widened again; its minimum width is never more than its widest
// button, so it can't hold a pane open.
func TestRowWrapsAndUnwraps(t *testing.T) {
	test.NewTempApp(t)
	a, b, c := widget.NewButton("Save", nil), widget.NewButton("Take out of the program", nil), widget.NewButton("Delete", nil)
	row := NewRow(a, b, c)
	one := a.MinSize().Height
	all := a.MinSize().Width + b.MinSize().Width + c.MinSize().Width + 2*4
	row.Resize(fyne.NewSize(all+20, 200))
	if a.Position().Y != 0 || c.Position().Y != 0 || c.Position().X <= b.Position().X {
		t.Errorf("wide: not on one line: %v %v %v", a.Position(), b.Position(), c.Position())
	}
	if row.MinSize().Height != one {
		t.Errorf("wide: min height %v, want %v", row.MinSize().Height, one)
	}
	narrow := a.MinSize().Width + b.MinSize().Width + 10
	row.Resize(fyne.NewSize(narrow, 200))
	if b.Position().Y != 0 || c.Position().Y <= b.Position().Y || c.Position().X != 0 {
		t.Errorf("narrow: Delete not alone on the second line: %v %v %v", a.Position(), b.Position(), c.Position())
	}
	if c.Position().X+c.Size().Width > narrow || b.Position().X+b.Size().Width > narrow {
		t.Errorf("narrow: a button runs past %v: %v+%v", narrow, b.Position(), b.Size())
	}
	if h := row.MinSize().Height; h <= one {
		t.Errorf("narrow: min height %v, should hold two lines", h)
	}
	if w := row.MinSize().Width; w != b.MinSize().Width {
		t.Errorf("narrow: min width %v, want the widest button's %v", w, b.MinSize().Width)
	}
	row.Resize(fyne.NewSize(all+20, 200))
	if c.Position().Y != 0 || row.MinSize().Height != one {
		t.Errorf("widened again: still wrapped: %v, min %v", c.Position(), row.MinSize())
	}
	c.Hide()
	row.Resize(fyne.NewSize(narrow, 200))
	if row.MinSize().Height != one {
		t.Errorf("a hidden button still takes a line: min %v", row.MinSize())
	}
}

// NewRowEnd keeps each line against the right edge.
func TestRowEndStandsRight(t *testing.T) {
	test.NewTempApp(t)
	a, b := widget.NewButton("Import deals", nil), widget.NewButton("Register a deal", nil)
	row := NewRowEnd(a, b)
	w := a.MinSize().Width + b.MinSize().Width + 200
	row.Resize(fyne.NewSize(w, 100))
	if right := b.Position().X + b.Size().Width; right < w-0.5 || right > w+0.5 {
		t.Errorf("one line: last button ends at %v, want %v", right, w)
	}
	if a.Position().X < 150 {
		t.Errorf("one line: first button at %v, not pushed right", a.Position().X)
	}
	narrow := b.MinSize().Width + 10
	row.Resize(fyne.NewSize(narrow, 100))
	for _, o := range []*widget.Button{a, b} {
		if right := o.Position().X + o.Size().Width; right < narrow-0.5 || right > narrow+0.5 {
			t.Errorf("wrapped: %q ends at %v, want %v", o.Text, right, narrow)
		}
	}
}
