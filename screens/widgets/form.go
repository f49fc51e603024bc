package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// FormDialog is the one dialog every form of the window uses: the fields,
// a red line under them for what went wrong, and Cancel, Delete (when the
// record can be deleted) and Save. A failed Save or Delete keeps the
// dialog open with what was typed, and the red line says why, naming the
// field; Esc closes it as any dialog (asking first when something was
// typed), and the cursor starts in the first field.
type FormDialog struct {
	Title   string               // the dialog's title
	Confirm string               // the Save button's text; "Save" when empty
	Head    fyne.CanvasObject    // optional: shown above the fields
	Items   []*widget.FormItem   // the fields
	Body    fyne.CanvasObject    // optional: shown instead of Items
	Scroll  bool                 // scroll the fields (long forms)
	Size    fyne.Size            // the dialog's size
	OnSave  func() error         // saves; an error keeps the dialog open
	OnDone  func()               // optional: after a successful Save or Delete
	Delete  func() error         // optional: shows Delete, which asks first
	Ask     string               // optional: Delete's question; a generic one when empty
	AskHead string               // optional: the question's title
	Dialog  *dialog.CustomDialog // set by Show
	Msg     *widget.Label        // the red line; set by Show unless given
	SaveBtn *widget.Button       // set by Show
}

// NewErrorLine is the red line under a form.
func NewErrorLine() *widget.Label {
	return &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
}

// Show builds the dialog, shows it on w with the cursor in its first
// field, and returns f (its Dialog, Msg and SaveBtn set).
func (f *FormDialog) Show(w fyne.Window) *FormDialog {
	if f.Msg == nil {
		f.Msg = NewErrorLine()
	}
	confirm := f.Confirm
	if confirm == "" {
		confirm = lang.L("action.save")
	}
	f.SaveBtn = &widget.Button{Text: confirm, Importance: widget.HighImportance, OnTapped: func() { f.run(f.OnSave) }}
	buttons := []fyne.CanvasObject{&widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { f.Dialog.Hide() }}}
	if f.Delete != nil {
		buttons = append(buttons, &widget.Button{Text: lang.L("action.delete"), Importance: widget.DangerImportance,
			OnTapped: func() { f.askDelete(w) }})
	}
	f.Dialog = dialog.NewCustomWithoutButtons(f.Title, f.content(), w)
	f.Dialog.SetButtons(append(buttons, f.SaveBtn))
	f.Dialog.Resize(f.Size)
	ShowForm(f.Dialog, w)
	return f
}

// content is the head, the fields and the red line, scrolled if asked.
func (f *FormDialog) content() fyne.CanvasObject {
	box := container.NewVBox()
	if f.Head != nil {
		box.Add(f.Head)
	}
	if f.Body != nil {
		box.Add(f.Body)
	} else {
		box.Add(widget.NewForm(f.Items...))
	}
	box.Add(f.Msg)
	if f.Scroll {
		return container.NewVScroll(box)
	}
	return box
}

// run runs save or delete: an error goes to the red line and the dialog
// stays; otherwise the dialog closes and OnDone runs.
func (f *FormDialog) run(do func() error) {
	if err := do(); err != nil {
		f.Msg.SetText(ErrorText(err))
		return
	}
	f.Dialog.Hide()
	if f.OnDone != nil {
		f.OnDone()
	}
}

// askDelete asks before deleting; No keeps the form as it is.
func (f *FormDialog) askDelete(w fyne.Window) {
	ask := f.Ask
	if ask == "" {
		ask = lang.L("forms.delete_question")
	}
	head := f.AskHead
	if head == "" {
		head = lang.L("forms.delete_title")
	}
	dialog.ShowConfirm(head, ask,
		func(ok bool) {
			if ok {
				f.run(f.Delete)
			}
		}, w)
}
