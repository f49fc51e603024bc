package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// importProfilesSection lists the saved import profiles in Settings: each
// can be renamed or deleted.
type importProfilesSection struct {
	store *data.Store
	box   *fyne.Container
	msg   *widget.Label
	rows  []*profileRow
}

// profileRow is one saved profile's line.
type profileRow struct {
	p       data.ImportProfile
	name    *widget.Entry
	rename  *widget.Button
	deleteB *widget.Button
}

func newImportProfilesSection(store *data.Store) *importProfilesSection {
	return &importProfilesSection{store: store}
}

func (s *importProfilesSection) buildUI() fyne.CanvasObject {
	s.box = container.NewVBox()
	s.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.reload()
	title := widget.NewLabelWithStyle(lang.L("imports.profiles_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(widget.NewSeparator(), title, s.box, s.msg)
}

// reload lists the profiles as stored.
func (s *importProfilesSection) reload() {
	s.box.RemoveAll()
	s.rows = nil
	ps, err := s.store.ImportProfiles(context.Background())
	if err != nil {
		s.show(err)
		return
	}
	if len(ps) == 0 {
		s.box.Add(widget.NewLabel(lang.L("imports.profiles_none")))
		return
	}
	for _, p := range ps {
		r := &profileRow{p: p, name: &widget.Entry{Text: p.Name}}
		r.rename = &widget.Button{Text: lang.L("imports.profile_rename"), OnTapped: func() { s.onRename(r) }}
		r.deleteB = &widget.Button{Text: lang.L("action.delete"), Icon: theme.DeleteIcon(), OnTapped: func() { s.onDelete(r) }}
		s.rows = append(s.rows, r)
		s.box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(r.rename, r.deleteB), r.name))
	}
}

func (s *importProfilesSection) onRename(r *profileRow) {
	if err := s.store.RenameImportProfile(context.Background(), r.p.ID, r.name.Text); err != nil {
		s.show(err) // the typed name stays in its entry
		return
	}
	s.msg.Importance = widget.SuccessImportance
	s.msg.SetText(lang.L("imports.profile_renamed", map[string]any{"Name": r.name.Text}))
	s.reload()
}

func (s *importProfilesSection) onDelete(r *profileRow) {
	if err := s.store.DeleteImportProfile(context.Background(), r.p.ID); err != nil {
		s.show(err)
		return
	}
	s.msg.Importance = widget.SuccessImportance
	s.msg.SetText(lang.L("imports.profile_deleted", map[string]any{"Name": r.p.Name}))
	s.reload()
}

func (s *importProfilesSection) show(err error) {
	s.msg.Importance = widget.DangerImportance
	s.msg.SetText(errorText(err))
}
