package screens

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/onboarding"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// flatTask is a template task with its stage, as the editor lists it;
// consecutive tasks with the same stage names make one stage on save.
type flatTask struct {
	StageEN, StageRU string
	data.TemplateTask
}

// templateEditor edits the onboarding template of one partner type at a
// time. Saving changes new checklists only; running ones are copies.
type templateEditor struct {
	store    *data.Store
	win      fyne.Window
	lang     format.Lang // which stage names are edited
	typ      data.PartnerType
	tpl      *data.OnboardingTemplate
	tasks    []flatTask
	selected int

	typeSel *widget.Select
	status  *widget.Label
	list    *widget.List
	msg     *widget.Label
	dlg     *dialog.CustomDialog
}

func newTemplateEditor(store *data.Store, win fyne.Window, l format.Lang) *templateEditor {
	return &templateEditor{store: store, win: win, lang: l, typ: data.TypeReseller, selected: -1}
}

func (e *templateEditor) show() {
	e.dlg = dialog.NewCustomWithoutButtons(lang.L("onboard.templates"), e.buildUI(), e.win)
	e.dlg.SetButtons([]fyne.CanvasObject{&widget.Button{Text: lang.L("onboard.close"), OnTapped: func() { e.dlg.Hide() }}})
	e.dlg.Resize(fyne.NewSize(900, 600))
	e.dlg.Show()
}

func (e *templateEditor) buildUI() fyne.CanvasObject {
	types := make([]string, len(data.PartnerTypes))
	for i, t := range data.PartnerTypes {
		types[i] = typeLabel(t)
	}
	e.status = widget.NewLabel("")
	e.msg = widget.NewLabel("")
	e.msg.Importance = widget.DangerImportance
	e.msg.Wrapping = fyne.TextWrapWord
	e.list = &widget.List{
		Length: func() int { return len(e.tasks) },
		CreateItem: func() fyne.CanvasObject {
			l := widget.NewLabel("stage · task · kind · owner · +30 · product")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(e.rowText(e.tasks[id])) },
		OnSelected: func(id widget.ListItemID) { e.selected = id },
	}
	e.typeSel = newSelect(types, func(string) {
		e.typ = data.PartnerTypes[e.typeSel.SelectedIndex()]
		e.load()
	})
	btn := func(text string, icon fyne.Resource, f func()) *widget.Button {
		return &widget.Button{Text: text, Icon: icon, OnTapped: f}
	}
	tools := container.NewHBox(
		btn(lang.L("onboard.task_add"), theme.ContentAddIcon(), func() { e.editTask(-1) }),
		btn(lang.L("onboard.task_edit"), theme.DocumentCreateIcon(), func() { e.editTask(e.selected) }),
		btn(lang.L("onboard.move_up"), theme.MoveUpIcon(), func() { e.move(-1) }),
		btn(lang.L("onboard.move_down"), theme.MoveDownIcon(), func() { e.move(1) }),
		btn(lang.L("action.delete"), theme.DeleteIcon(), e.deleteTask),
	)
	save := &widget.Button{Text: lang.L("action.save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: e.save}
	reset := btn(lang.L("onboard.template_reset"), theme.HistoryIcon(), e.reset)
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("field.type")), e.status, e.typeSel), tools)
	bottom := container.NewVBox(e.msg, container.NewHBox(save, reset))
	e.typeSel.SetSelectedIndex(0)
	return container.NewBorder(top, bottom, nil, nil, e.list)
}

func (e *templateEditor) rowText(t flatTask) string {
	stage, title := t.StageEN, t.TitleEN
	if e.lang == format.RU {
		stage, title = t.StageRU, t.TitleRU
	}
	req := ""
	if !t.Required {
		req = lang.L("onboard.optional")
	}
	return joinNonEmpty(" · ", stage, title, lang.L("onboard.kind."+string(t.Kind)), lang.L("onboard.owner."+string(t.Owner)),
		fmt.Sprintf("+%d", t.DueDays), t.Product, req)
}

// load reads the template of the chosen type (the edited one or the default).
func (e *templateEditor) load() {
	tpl, edited, err := onboarding.TemplateFor(context.Background(), e.store, e.typ)
	if err != nil {
		e.msg.SetText(errorText(err))
		return
	}
	e.tpl, e.tasks, e.selected = tpl, flatten(tpl), -1
	e.status.SetText(lang.L("onboard.template_default"))
	if edited {
		e.status.SetText(lang.L("onboard.template_edited"))
	}
	e.msg.SetText("")
	e.list.UnselectAll()
	e.list.Refresh()
}

func flatten(tpl *data.OnboardingTemplate) []flatTask {
	var out []flatTask
	for _, st := range tpl.Stages {
		for _, t := range st.Tasks {
			out = append(out, flatTask{StageEN: st.NameEN, StageRU: st.NameRU, TemplateTask: t})
		}
	}
	return out
}

// unflatten groups consecutive tasks with the same stage into stages.
func unflatten(tasks []flatTask) []data.TemplateStage {
	var out []data.TemplateStage
	for _, t := range tasks {
		if n := len(out); n == 0 || out[n-1].NameEN != t.StageEN || out[n-1].NameRU != t.StageRU {
			out = append(out, data.TemplateStage{NameEN: t.StageEN, NameRU: t.StageRU})
		}
		out[len(out)-1].Tasks = append(out[len(out)-1].Tasks, t.TemplateTask)
	}
	return out
}

func (e *templateEditor) move(delta int) {
	i, j := e.selected, e.selected+delta
	if i < 0 || j < 0 || j >= len(e.tasks) {
		return
	}
	e.tasks[i], e.tasks[j] = e.tasks[j], e.tasks[i]
	e.list.Select(j)
	e.list.Refresh()
}

func (e *templateEditor) deleteTask() {
	if e.selected < 0 || e.selected >= len(e.tasks) {
		return
	}
	e.tasks = append(e.tasks[:e.selected], e.tasks[e.selected+1:]...)
	e.selected = -1
	e.list.UnselectAll()
	e.list.Refresh()
}

func (e *templateEditor) save() {
	tpl := *e.tpl
	tpl.Type, tpl.Stages = e.typ, unflatten(e.tasks)
	if err := e.store.SaveOnboardingTemplate(context.Background(), &tpl); err != nil {
		e.msg.SetText(errorText(err))
		return
	}
	e.load()
}

func (e *templateEditor) reset() {
	if err := e.store.ResetOnboardingTemplate(context.Background(), e.typ); err != nil {
		e.msg.SetText(errorText(err))
		return
	}
	e.load()
}

// editTask opens the task form for task i, or a new task after the
// selected one (in its stage) when i < 0.
func (e *templateEditor) editTask(i int) {
	t := flatTask{TemplateTask: data.TemplateTask{Kind: data.KindCustom, Owner: data.SidePartner, Required: true}}
	if i >= 0 && i < len(e.tasks) {
		t = e.tasks[i]
	} else if e.selected >= 0 && e.selected < len(e.tasks) {
		t.StageEN, t.StageRU, t.DueDays = e.tasks[e.selected].StageEN, e.tasks[e.selected].StageRU, e.tasks[e.selected].DueDays
	}
	f := newTaskForm(t)
	save := func() error {
		out, err := f.read()
		if err != nil {
			return err
		}
		e.putTask(i, out)
		return nil
	}
	(&widgets.FormDialog{Title: lang.L("onboard.task_edit"), Body: f.form, Size: fyne.NewSize(620, 520), OnSave: save,
		OnDone: func() { widgets.MarkTopTyped(e.win.Canvas()) }}).Show(e.win) // the template now has unsaved changes
}

func (e *templateEditor) putTask(i int, t flatTask) {
	switch {
	case i >= 0 && i < len(e.tasks):
		e.tasks[i] = t
	case e.selected >= 0 && e.selected < len(e.tasks):
		at := e.selected + 1
		e.tasks = append(e.tasks[:at], append([]flatTask{t}, e.tasks[at:]...)...)
	default:
		e.tasks = append(e.tasks, t)
	}
	e.list.Refresh()
}

// taskForm edits one template task.
type taskForm struct {
	stageEN, stageRU, titleEN, titleRU, due, product, target *widgets.TextEntry
	kind, owner                                              *widget.Select
	required                                                 *widget.Check
	form                                                     *widget.Form
}

func newTaskForm(t flatTask) *taskForm {
	f := &taskForm{
		stageEN: widgets.NewText(&widget.Entry{Text: t.StageEN}), stageRU: widgets.NewText(&widget.Entry{Text: t.StageRU}),
		titleEN: widgets.NewText(&widget.Entry{Text: t.TitleEN}), titleRU: widgets.NewText(&widget.Entry{Text: t.TitleRU}),
		due: widgets.NewText(&widget.Entry{Text: strconv.Itoa(t.DueDays)}), product: widgets.NewText(&widget.Entry{Text: t.Product, PlaceHolder: lang.L("onboard.product_hint")}),
		target: widgets.NewText(&widget.Entry{Text: strconv.Itoa(t.Target)}),
	}
	kinds, sel := make([]string, len(data.TaskKinds)), 0
	for i, k := range data.TaskKinds {
		kinds[i] = lang.L("onboard.kind." + string(k))
		if k == t.Kind {
			sel = i
		}
	}
	f.kind = newSelect(kinds, nil)
	f.kind.SetSelectedIndex(sel)
	f.owner = newSelect([]string{lang.L("onboard.owner.vendor"), lang.L("onboard.owner.partner")}, nil)
	f.owner.SetSelectedIndex(0)
	if t.Owner == data.SidePartner {
		f.owner.SetSelectedIndex(1)
	}
	f.required = widget.NewCheck(lang.L("onboard.required"), nil)
	f.required.Checked = t.Required
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("field.stage_en"), f.stageEN), widget.NewFormItem(lang.L("field.stage_ru"), f.stageRU),
		widget.NewFormItem(lang.L("field.title_en"), f.titleEN), widget.NewFormItem(lang.L("field.title_ru"), f.titleRU),
		widget.NewFormItem(lang.L("field.kind"), f.kind), widget.NewFormItem(lang.L("field.owner"), f.owner),
		widget.NewFormItem(lang.L("field.due_days"), f.due), widget.NewFormItem(lang.L("field.product"), f.product),
		widget.NewFormItem(lang.L("field.certify_target"), f.target), widget.NewFormItem("", f.required),
	)
	return f
}

// read builds the task from the form and validates it.
func (f *taskForm) read() (flatTask, error) {
	t := flatTask{StageEN: strings.TrimSpace(f.stageEN.Text), StageRU: strings.TrimSpace(f.stageRU.Text)}
	if t.StageEN == "" || t.StageRU == "" {
		return t, data.Invalid("stage", "err.required", nil)
	}
	due, err := strconv.Atoi(strings.TrimSpace(f.due.Text))
	if err != nil {
		return t, data.Invalid("due_days", "err.onboard_due_days", map[string]any{"Max": data.MaxDueDays})
	}
	target, err := strconv.Atoi(strings.TrimSpace("0" + f.target.Text))
	if err != nil {
		return t, data.Invalid("certify_target", "err.onboard_target", nil)
	}
	t.TemplateTask = data.TemplateTask{TitleEN: f.titleEN.Text, TitleRU: f.titleRU.Text,
		Kind: data.TaskKinds[max(0, f.kind.SelectedIndex())], Owner: data.Sides[max(0, f.owner.SelectedIndex())],
		DueDays: due, Product: f.product.Text, Required: f.required.Checked, Target: target}
	return t, t.TemplateTask.Validate()
}
