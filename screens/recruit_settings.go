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

// scorecardSettings edits the recruitment scorecard: criteria in both
// languages with their weights. It sits in the Settings screen.
type scorecardSettings struct {
	store *data.Store
	rows  []criterionRow
	box   *fyne.Container
	msg   *widget.Label
}

type criterionRow struct {
	id             int64
	en, ru, weight *widgets.TextEntry
}

func newScorecardSettings(store *data.Store) *scorecardSettings {
	return &scorecardSettings{store: store}
}

func (s *scorecardSettings) buildUI() fyne.CanvasObject {
	s.box = container.NewVBox()
	s.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	title := widget.NewLabelWithStyle(lang.L("recruit.scorecard_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	add := &widget.Button{Text: lang.L("recruit.criterion_add"), Icon: theme.ContentAddIcon(), OnTapped: func() {
		s.addRow(data.Criterion{Weight: 10})
	}}
	save := &widget.Button{Text: lang.L("action.save"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onSave}
	crit, err := s.store.Criteria(context.Background())
	if err != nil {
		s.msg.SetText(errorText(err))
	}
	for _, c := range crit {
		s.addRow(c)
	}
	head := container.NewGridWithColumns(3, widget.NewLabel(lang.L("field.name_en")), widget.NewLabel(lang.L("field.name_ru")),
		widget.NewLabel(lang.L("field.weight")))
	return container.NewVBox(widget.NewSeparator(), title, head, s.box, container.NewHBox(add, save), s.msg)
}

func (s *scorecardSettings) addRow(c data.Criterion) {
	r := criterionRow{id: c.ID, en: widgets.NewText(&widget.Entry{Text: c.NameEN}), ru: widgets.NewText(&widget.Entry{Text: c.NameRU}),
		weight: widgets.NewText(&widget.Entry{Text: strconv.Itoa(c.Weight)})}
	s.rows = append(s.rows, r)
	var line *fyne.Container
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	line = container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(3, r.en, r.ru, r.weight))
	remove.OnTapped = func() {
		for i := range s.rows {
			if s.rows[i].en == r.en {
				s.rows = append(s.rows[:i], s.rows[i+1:]...)
				break
			}
		}
		s.box.Remove(line)
	}
	s.box.Add(line)
}

func (s *scorecardSettings) onSave() {
	cs := make([]data.Criterion, 0, len(s.rows))
	for _, r := range s.rows {
		w, err := strconv.Atoi(strings.TrimSpace(r.weight.Text))
		if err != nil {
			w = -1
		}
		cs = append(cs, data.Criterion{ID: r.id, NameEN: r.en.Text, NameRU: r.ru.Text, Weight: w})
	}
	if len(cs) == 0 {
		s.fail(data.Invalid("weight", "err.recruit_no_weight", nil))
		return
	}
	if err := s.store.SaveCriteria(context.Background(), cs); err != nil {
		s.fail(err)
		return
	}
	for i := range cs {
		s.rows[i].id = cs[i].ID
	}
	s.msg.Importance = widget.SuccessImportance
	s.msg.SetText(lang.L("recruit.criteria_saved"))
}

func (s *scorecardSettings) fail(err error) {
	s.msg.Importance = widget.DangerImportance
	s.msg.SetText(errorText(err))
}
