package screens

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/kit"
	"channeldesk/app/mdf"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// kitFlow is the partner kit in the window: writing kits (File › Partner
// kit…, "Send to partner…") and reading returned ones back (File › Import
// partner kit…, a kit dropped onto the window) through a preview.
type kitFlow struct {
	kitDeps
}

// kitDeps is what the kit flow is given: the store, the window and its
// language, a runner, and the few things of the window it uses or
// refreshes.
type kitDeps struct {
	store *data.Store
	win   fyne.Window
	lang  format.Lang
	run   runner
	// withProgress runs work behind a progress dialog with Cancel (progress.go)
	withProgress   func(title string, work func(ctx context.Context, progress func(done, total int)) error, done func(error)) *widgets.ProgressDialog
	askFolder      func(cb func(fyne.ListableURI, error)) // the system's folder dialog where there is one (filedialog.go)
	openURL        func(*url.URL) error                   // opens the e-mail draft just written in the mail client
	openPartner    func() string                          // the name of the partner open in the detail ("" when none)
	area           func() string                          // the area open now ("" before the first)
	showArea       func(area string)                      // shows an area again, its data read afresh
	reloadPartners func()                                 // the partner list and its open partner read again
}

func newKitFlow(deps kitDeps) *kitFlow { return &kitFlow{kitDeps: deps} }

// kitFlow wires the kit flow to this window. The menu actions and the
// drop handler build it when used: File › Open and the settings change the
// store and the language.
func (u *UI) kitFlow() *kitFlow {
	return newKitFlow(kitDeps{store: u.Store, win: u.Win, lang: u.Lang, run: u.background, withProgress: u.runWithProgress,
		askFolder: u.showFolderOpen, openURL: u.App.OpenURL, openPartner: func() string { return u.partners.openName() },
		area: func() string { return u.current }, showArea: u.show, reloadPartners: func() { u.partners.reloadWithOpen() }})
}

// kitScopes are the ways to choose the partners who get a kit.
var kitScopes = []string{"kit.scope.all", "kit.scope.tier", "kit.scope.type", "kit.scope.partner", "kit.scope.due"}

// kitScopeDue is the index of "the partners whose figures are due".
const kitScopeDue = 4

// showExport is File → Partner kit…: which partners, in which
// language; then a folder; then one kit per partner with progress.
func (f *kitFlow) showExport() {
	scope := widget.NewSelect(labels(kitScopes), nil)
	value := widget.NewSelectEntry(nil)
	value.SetPlaceHolder(lang.L("kit.scope.value"))
	docLang := widget.NewSelect([]string{lang.L("kit.lang.partner"), "English", "Русский"}, nil)
	docLang.SetSelectedIndex(0)
	scope.OnChanged = func(string) { f.scopeValues(scope.SelectedIndex(), value) }
	scope.SetSelectedIndex(0)
	mail := widget.NewCheck(lang.L("kit.mail.write"), nil)
	withPlan := widget.NewCheck(lang.L("kit.mail.with_plan"), nil)
	form := widget.NewForm(widget.NewFormItem(lang.L("kit.scope"), scope), widget.NewFormItem(lang.L("kit.scope.which"), value),
		widget.NewFormItem(lang.L("field.doc_lang"), docLang), widget.NewFormItem("", mail), widget.NewFormItem("", withPlan))
	dlg := dialog.NewCustomConfirm(lang.L("kit.menu.export"), lang.L("kit.choose_folder"), lang.L("action.cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		sel := f.selection(scope.SelectedIndex(), value.Text)
		opt := kit.Options{Lang: []format.Lang{"", format.EN, format.RU}[max(0, docLang.SelectedIndex())], Mail: mail.Checked,
			PlanPDF: mail.Checked && withPlan.Checked}
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				f.exportKits(sel, dir.Path(), opt)
			}
		}, f.win)
	}, f.win)
	dlg.Resize(fyne.NewSize(560, dlg.MinSize().Height))
	dlg.Show()
}

func labels(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.L(k)
	}
	return out
}

// scopeValues offers the tiers, the types or the partners' names.
func (f *kitFlow) scopeValues(scope int, value *widget.SelectEntry) {
	var opts []string
	ctx := context.Background()
	switch scope {
	case 1:
		tiers, _ := f.store.Tiers(ctx)
		for _, t := range tiers {
			opts = append(opts, t.Name(string(f.lang)))
		}
	case 2:
		for _, t := range data.PartnerTypes {
			opts = append(opts, string(t))
		}
	case 3:
		rows, _ := f.store.PartnerRows(ctx)
		for _, r := range rows {
			opts = append(opts, r.Name)
		}
	}
	value.SetOptions(opts)
	value.SetText("")
	value.Enable()
	if scope == kitScopeDue {
		value.SetText(f.dueText())
		value.Disable()
	}
	if scope == 3 {
		if name := f.openPartner(); name != "" {
			value.SetText(name)
		}
	}
}

// selection turns the dialog's choice into a selection.
func (f *kitFlow) selection(scope int, value string) kit.Selection {
	value = strings.TrimSpace(value)
	switch scope {
	case 1:
		return kit.Selection{Tier: value}
	case 2:
		return kit.Selection{Type: data.PartnerType(value)}
	case 3:
		rows, _ := f.store.PartnerRows(context.Background())
		for _, r := range rows {
			if strings.EqualFold(r.Name, value) {
				return kit.Selection{PartnerIDs: []int64{r.ID}}
			}
		}
		return kit.Selection{PartnerIDs: []int64{-1}}
	case kitScopeDue:
		return kit.Selection{Due: true}
	}
	return kit.Selection{All: true}
}

// exportKits writes the kits into dir behind a progress dialog.
// With e-mail drafts for one partner, the draft opens in the system's
// mail client; for a batch the drafts stay in the folder.
func (f *kitFlow) exportKits(sel kit.Selection, dir string, opt kit.Options) {
	var paths []string
	var partners []data.PartnerRow
	f.withProgress(lang.L("kit.menu.export"), func(ctx context.Context, progress func(int, int)) error {
		var err error
		partners, err = kit.Partners(ctx, f.store, sel)
		if err != nil {
			return err
		}
		if len(partners) == 0 && sel.Due {
			return errNoFiguresDue
		}
		if len(partners) == 0 {
			return data.NotFound("partner")
		}
		paths, err = kit.ExportAll(ctx, f.store, partners, dir, opt, progress)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, errNoFiguresDue):
			dialog.ShowInformation(lang.L("kit.menu.export"), f.dueText(), f.win)
		case errors.Is(err, context.Canceled):
			dialog.ShowInformation(lang.L("kit.menu.export"), lang.L("kit.export_cancelled", map[string]any{"Count": len(paths)}), f.win)
		case err != nil:
			dialog.ShowError(errors.New(errorText(err)), f.win)
		default:
			dialog.ShowInformation(lang.L("kit.menu.export"), lang.L("kit.exported", map[string]any{"Count": len(paths), "Path": dir}), f.win)
			if opt.Mail && len(paths) == 1 {
				_ = f.openURL(&url.URL{Scheme: "file", Path: filepath.Join(dir, kit.DraftName(partners[0].Name))})
			}
		}
	})
}

// showImport is File → Import partner kit…: pick the returned
// workbook, look at the preview, accept or reject row by row, import.
func (f *kitFlow) showImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			dialog.ShowError(err, f.win)
			return
		}
		f.preview(b)
	}, f.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// importOptions are the options every kit import of the GUI uses (the
// manager's name read from the store: they are made off the UI goroutine).
func (f *kitFlow) importOptions(commit bool, dec map[string]kit.Decision) kit.ImportOptions {
	st, _ := f.store.Settings(context.Background())
	return kit.ImportOptions{Commit: commit, Decisions: dec, Say: errorText, Author: st.ManagerName,
		EventText: func(date, summary string) string {
			return lang.L("kit.event", map[string]any{"Date": date, "Summary": summary})
		}}
}

// preview checks the kit without storing anything and shows the rows.
func (f *kitFlow) preview(b []byte) { f.previewWith(b, nil) }

// previewWith previews a kit that came with proof files (dropped onto
// the window together): the claims that name them get them attached.
func (f *kitFlow) previewWith(b []byte, proofs []mdf.ProofFile) {
	var pv *kit.Preview
	var err error
	f.run(func() {
		opt := f.importOptions(false, nil)
		opt.Proofs = proofs
		pv, err = kit.Import(context.Background(), f.store, strings.NewReader(string(b)), opt)
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), f.win)
			return
		}
		p := newKitPreview(f, pv, b)
		p.proofs = proofs
		p.show()
	})
}

// kitPreview is the preview dialog: one line per row with its outcome and
// a check to accept it; unchecking a valid row asks for the reason.
type kitPreview struct {
	*kitFlow
	pv     *kit.Preview
	file   []byte
	proofs []mdf.ProofFile     // files that came with the kit, for its claims
	attach map[string][]string // files the manager attached to claim rows by hand
	dec    map[string]kit.Decision
	list   *widget.List
	dlg    dialog.Dialog
	// proofNote names the dropped files no claim took (nil: no claims)
	proofNote *widget.Label
}

func newKitPreview(f *kitFlow, pv *kit.Preview, file []byte) *kitPreview {
	return &kitPreview{kitFlow: f, pv: pv, file: file, dec: map[string]kit.Decision{}, attach: map[string][]string{}}
}

// rowText says what one row is and what will happen to it.
func rowText(it kit.Item) string {
	head := fmt.Sprintf("%s %d · %s · %s", lang.L("kit.doc.sheet."+it.Sheet), it.Line, lang.L("kit.kind."+it.Kind), it.Summary)
	switch {
	case it.Done:
		return head + " — " + lang.L("kit.row.done")
	case it.Err != nil:
		return head + " — " + errorText(it.Err)
	case it.Warning != nil:
		head += " — " + errorText(it.Warning)
	}
	if len(it.Proofs) > 0 {
		head += " — " + lang.L("kit.row.proofs", map[string]any{"Names": strings.Join(it.Proofs, ", ")})
	}
	if len(it.Missing) > 0 {
		head += " — " + lang.L("kit.row.proofs_missing", map[string]any{"Names": strings.Join(it.Missing, ", ")})
	}
	return head
}

func (p *kitPreview) show() {
	p.list = widget.NewList(func() int { return len(p.pv.Items) }, func() fyne.CanvasObject {
		return &widget.Check{}
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		c := o.(*widget.Check)
		it := p.pv.Items[i]
		c.OnChanged = nil
		c.Text = rowText(it)
		d, rejected := p.dec[it.Hash]
		if rejected && d.Reason != "" {
			c.Text += " — " + lang.L("kit.row.rejected", map[string]any{"Reason": d.Reason})
		}
		c.Checked = it.Accepted() && !rejected
		if it.Accepted() {
			c.Enable()
		} else {
			c.Disable()
		}
		c.Refresh()
		c.OnChanged = func(on bool) { p.toggle(i, on) }
	})
	title := lang.L("kit.preview.title", map[string]any{"Partner": p.pv.PartnerName, "Date": format.FormatDate(p.pv.Marker.KitDate, p.lang)})
	body := container.NewBorder(widget.NewLabel(lang.L("kit.preview.hint")), p.proofBar(), nil, nil, p.list)
	p.dlg = dialog.NewCustomConfirm(title, lang.L("kit.preview.import"), lang.L("action.cancel"), body, func(ok bool) {
		if ok {
			p.commit()
		}
	}, p.win)
	p.dlg.Resize(fyne.NewSize(900, 560))
	p.dlg.Show()
}

// toggle accepts a row again, or asks why it is rejected.
func (p *kitPreview) toggle(i int, on bool) {
	it := p.pv.Items[i]
	if on {
		delete(p.dec, it.Hash)
		p.list.RefreshItem(i)
		return
	}
	reason := widget.NewEntry()
	reason.SetPlaceHolder(lang.L("kit.row.reason"))
	dialog.ShowForm(lang.L("kit.row.reject"), lang.L("kit.row.reject"), lang.L("action.cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("field.reason"), reason)}, func(ok bool) {
			if ok && strings.TrimSpace(reason.Text) != "" {
				p.dec[it.Hash] = kit.Decision{Reject: true, Reason: strings.TrimSpace(reason.Text)}
			}
			p.list.RefreshItem(i)
		}, p.win)
}

// commit imports the accepted rows in one transaction.
func (p *kitPreview) commit() {
	var pv *kit.Preview
	var err error
	p.run(func() {
		opt := p.importOptions(true, p.dec)
		opt.Proofs, opt.Attach = p.proofs, p.attach
		pv, err = kit.Import(context.Background(), p.store, strings.NewReader(string(p.file)), opt)
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), p.win)
			return
		}
		n, refused := 0, 0
		for _, it := range pv.Items {
			if it.Accepted() {
				n++
			} else if !it.Done {
				refused++
			}
		}
		dialog.ShowInformation(lang.L("kit.menu.import"), lang.L("kit.imported", map[string]any{"Count": n, "Refused": refused}), p.win)
		if n > 0 {
			p.refreshAfterImport()
		}
	})
}

// refreshAfterImport shows what a kit import changed on the screen that
// is open: the partner list with the open partner (its deals, MDF,
// contacts, plan, timeline), or the current area read again (dashboard,
// deals, MDF, plans, recruitment).
func (f *kitFlow) refreshAfterImport() {
	switch area := f.area(); area {
	case "nav.partners":
		f.reloadPartners()
	case "", "nav.settings":
	default:
		f.showArea(area)
	}
}
