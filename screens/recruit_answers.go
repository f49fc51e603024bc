package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// answersPane shows what an applicant wrote in its application form,
// question by question, beside the scorecard that rates it; it folds
// away for prospects that came another way.
type answersPane struct {
	box   *fyne.Container
	pane  fyne.CanvasObject
	split *container.Split
	shown []data.ApplicationAnswer // for tests
}

func newAnswersPane() *answersPane { return &answersPane{box: container.NewVBox()} }

// beside lays the answers out to the right of the scorecard.
func (a *answersPane) beside(card fyne.CanvasObject) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("kit.apply.answers"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	a.pane = container.NewBorder(title, nil, nil, nil, container.NewVScroll(a.box))
	a.split = container.NewHSplit(card, a.pane)
	a.split.Offset = 0.6
	a.pane.Hide()
	return a.split
}

func (a *answersPane) set(answers []data.ApplicationAnswer) {
	a.shown = nil
	a.box.Objects = nil
	for _, an := range answers {
		if an.Answer == "" {
			continue
		}
		a.shown = append(a.shown, an)
		q := &widget.Label{Text: lang.L("kit.doc.col." + an.Question), SizeName: theme.SizeNameCaptionText,
			Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
		a.box.Add(container.NewVBox(q, &widget.Label{Text: an.Answer, Wrapping: fyne.TextWrapWord}))
	}
	if len(a.shown) == 0 {
		a.pane.Hide()
	} else {
		a.pane.Show()
	}
	a.box.Refresh()
	a.split.Refresh()
}
