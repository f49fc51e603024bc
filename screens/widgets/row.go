package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// NewRow lays objects side by side, like a horizontal box, but moves
// those that don't fit onto the next line instead of running out of the
// window: a row of buttons in Russian is often wider than a pane is at
// 1280 px. Unlike Fyne's RowWrap, its minimum width is its widest object,
// not the width it once had, so it wraps again when the window narrows.
func NewRow(objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &rowLayout{}, Objects: objects}
}

// NewRowEnd is NewRow with its lines against the trailing edge, for a
// toolbar's buttons beside a title or a count.
func NewRowEnd(objects ...fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: &rowLayout{end: true}, Objects: objects}
}

// rowLayout is NewRow's layout. It remembers the width it was last laid
// out in, so that its minimum height is that of the lines it needed there;
// the canvas lays the parent out again when that height changes.
type rowLayout struct {
	width float32 // of the last layout; 0 before the first
	end   bool    // lines stand against the trailing edge
}

// lines places the visible objects in lines no wider than width (an
// object wider than width gets a line of its own) and returns each one's
// position and the line height.
func (l *rowLayout) lines(objects []fyne.CanvasObject, width float32) (pos []fyne.Position, lineH float32, n int) {
	pad := theme.Padding()
	for _, o := range objects {
		if o.Visible() {
			lineH = fyne.Max(lineH, o.MinSize().Height)
		}
	}
	x, y := float32(0), float32(0)
	pos = make([]fyne.Position, len(objects))
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		w := o.MinSize().Width
		if n == 0 {
			n = 1
		} else if width > 0 && x+w > width {
			x, y = 0, y+lineH+pad
			n++
		}
		pos[i] = fyne.NewPos(x, y)
		x += w + pad
	}
	return pos, lineH, n
}

func (l *rowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	pos, lineH, _ := l.lines(objects, size.Width)
	if l.end {
		shiftToEnd(objects, pos, size.Width)
	}
	for i, o := range objects {
		if o.Visible() {
			o.Resize(fyne.NewSize(o.MinSize().Width, lineH))
			o.Move(pos[i])
		}
	}
}

// shiftToEnd moves each line of pos right so that it ends at width.
func shiftToEnd(objects []fyne.CanvasObject, pos []fyne.Position, width float32) {
	ends := map[float32]float32{} // line y → right edge of its last object
	for i, o := range objects {
		if o.Visible() {
			ends[pos[i].Y] = fyne.Max(ends[pos[i].Y], pos[i].X+o.MinSize().Width)
		}
	}
	for i, o := range objects {
		if o.Visible() {
			pos[i].X += fyne.Max(0, width-ends[pos[i].Y])
		}
	}
}

// MinSize is the widest object wide and as high as the lines the last
// layout needed (one line before the first layout).
func (l *rowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var widest float32
	for _, o := range objects {
		if o.Visible() {
			widest = fyne.Max(widest, o.MinSize().Width)
		}
	}
	_, lineH, n := l.lines(objects, l.width)
	if n == 0 {
		return fyne.NewSize(0, 0)
	}
	return fyne.NewSize(widest, float32(n)*lineH+float32(n-1)*theme.Padding())
}
