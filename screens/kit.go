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
)

// kitScopes are the ways to choose the partners who get a kit.
var kitScopes = []string{"kit.scope.all", "kit.scope.tier", "kit.scope.type", "kit.scope.partner", "kit.scope.due"}

// kitScopeDue is the index of "the partners whose figures are due".
const kitScopeDue = 4

// showKitExport is File → Partner kit…: which partners, in which
// language; then a folder; then one kit per partner with progress.
func (u *UI) showKitExport() {
	scope := widget.NewSelect(labels(kitScopes), nil)
	value := widget.NewSelectEntry(nil)
	value.SetPlaceHolder(lang.L("kit.scope.value"))
	docLang := widget.NewSelect([]string{lang.L("kit.lang.partner"), "English", "Русский"}, nil)
	docLang.SetSelectedIndex(0)
	scope.OnChanged = func(string) { u.kitScopeValues(scope.SelectedIndex(), value) }
	scope.SetSelectedIndex(0)
	mail := widget.NewCheck(lang.L("kit.mail.write"), nil)
	withPlan := widget.NewCheck(lang.L("kit.mail.with_plan"), nil)
	form := widget.NewForm(widget.NewFormItem(lang.L("kit.scope"), scope), widget.NewFormItem(lang.L("kit.scope.which"), value),
		widget.NewFormItem(lang.L("field.doc_lang"), docLang), widget.NewFormItem("", mail), widget.NewFormItem("", withPlan))
	dlg := dialog.NewCustomConfirm(lang.L("kit.menu.export"), lang.L("kit.choose_folder"), lang.L("action.cancel"), form, func(ok bool) {
		if !ok {
			return
		}
		sel := u.kitSelection(scope.SelectedIndex(), value.Text)
		opt := kit.Options{Lang: []format.Lang{"", format.EN, format.RU}[max(0, docLang.SelectedIndex())], Mail: mail.Checked,
			PlanPDF: mail.Checked && withPlan.Checked}
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				u.exportKits(sel, dir.Path(), opt)
			}
		}, u.Win)
	}, u.Win)
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

// kitScopeValues offers the tiers, the types or the partners' names.
func (u *UI) kitScopeValues(scope int, value *widget.SelectEntry) {
	var opts []string
	ctx := context.Background()
	switch scope {
	case 1:
		tiers, _ := u.Store.Tiers(ctx)
		for _, t := range tiers {
			opts = append(opts, t.Name(string(u.Lang)))
		}
	case 2:
		for _, t := range data.PartnerTypes {
			opts = append(opts, string(t))
		}
	case 3:
		rows, _ := u.Store.PartnerRows(ctx)
		for _, r := range rows {
			opts = append(opts, r.Name)
		}
	}
	value.SetOptions(opts)
	value.SetText("")
	value.Enable()
	if scope == kitScopeDue {
		value.SetText(u.kitDueText())
		value.Disable()
	}
	if d := u.partners; scope == 3 && d != nil && d.detail != nil && d.detail.partner != nil {
		value.SetText(d.detail.partner.Name)
	}
}

// kitSelection turns the dialog's choice into a selection.
func (u *UI) kitSelection(scope int, value string) kit.Selection {
	value = strings.TrimSpace(value)
	switch scope {
	case 1:
		return kit.Selection{Tier: value}
	case 2:
		return kit.Selection{Type: data.PartnerType(value)}
	case 3:
		rows, _ := u.Store.PartnerRows(context.Background())
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
func (u *UI) exportKits(sel kit.Selection, dir string, opt kit.Options) {
	var paths []string
	var partners []data.PartnerRow
	u.runWithProgress(lang.L("kit.menu.export"), func(ctx context.Context, progress func(int, int)) error {
		var err error
		partners, err = kit.Partners(ctx, u.Store, sel)
		if err != nil {
			return err
		}
		if len(partners) == 0 && sel.Due {
			return errNoFiguresDue
		}
		if len(partners) == 0 {
			return data.NotFound("partner")
		}
		paths, err = kit.ExportAll(ctx, u.Store, partners, dir, opt, progress)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, errNoFiguresDue):
			dialog.ShowInformation(lang.L("kit.menu.export"), u.kitDueText(), u.Win)
		case errors.Is(err, context.Canceled):
			dialog.ShowInformation(lang.L("kit.menu.export"), lang.L("kit.export_cancelled", map[string]any{"Count": len(paths)}), u.Win)
		case err != nil:
			dialog.ShowError(errors.New(errorText(err)), u.Win)
		default:
			dialog.ShowInformation(lang.L("kit.menu.export"), lang.L("kit.exported", map[string]any{"Count": len(paths), "Path": dir}), u.Win)
			if opt.Mail && len(paths) == 1 {
				_ = u.App.OpenURL(&url.URL{Scheme: "file", Path: filepath.Join(dir, kit.DraftName(partners[0].Name))})
			}
		}
	})
}

// showKitImport is File → Import partner kit…: pick the returned
// workbook, look at the preview, accept or reject row by row, import.
func (u *UI) showKitImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			dialog.ShowError(err, u.Win)
			return
		}
		u.previewKit(b)
	}, u.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// kitImportOptions are the options every kit import of the GUI uses.
func (u *UI) kitImportOptions(commit bool, dec map[string]kit.Decision) kit.ImportOptions {
	st, _ := u.Store.Settings(context.Background())
	return kit.ImportOptions{Commit: commit, Decisions: dec, Say: errorText, Author: st.ManagerName,
		EventText: func(date, summary string) string {
			return lang.L("kit.event", map[string]any{"Date": date, "Summary": summary})
		}}
}

// previewKit checks the kit without storing anything and shows the rows.
func (u *UI) previewKit(b []byte) { u.previewKitWith(b, nil) }

// previewKitWith previews a kit that came with proof files (dropped onto
// the window together): the claims that name them get them attached.
func (u *UI) previewKitWith(b []byte, proofs []mdf.ProofFile) {
	var pv *kit.Preview
	var err error
	u.background(func() {
		opt := u.kitImportOptions(false, nil)
		opt.Proofs = proofs
		pv, err = kit.Import(context.Background(), u.Store, strings.NewReader(string(b)), opt)
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), u.Win)
			return
		}
		p := newKitPreview(u, pv, b)
		p.proofs = proofs
		p.show()
	})
}

// kitPreview is the preview dialog: one line per row with its outcome and
// a check to accept it; unchecking a valid row asks for the reason.
type kitPreview struct {
	ui     *UI
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

func newKitPreview(u *UI, pv *kit.Preview, file []byte) *kitPreview {
	return &kitPreview{ui: u, pv: pv, file: file, dec: map[string]kit.Decision{}, attach: map[string][]string{}}
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
	title := lang.L("kit.preview.title", map[string]any{"Partner": p.pv.PartnerName, "Date": format.FormatDate(p.pv.Marker.KitDate, p.ui.Lang)})
	body := container.NewBorder(widget.NewLabel(lang.L("kit.preview.hint")), p.proofBar(), nil, nil, p.list)
	p.dlg = dialog.NewCustomConfirm(title, lang.L("kit.preview.import"), lang.L("action.cancel"), body, func(ok bool) {
		if ok {
			p.commit()
		}
	}, p.ui.Win)
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
		}, p.ui.Win)
}

// commit imports the accepted rows in one transaction.
func (p *kitPreview) commit() {
	var pv *kit.Preview
	var err error
	p.ui.background(func() {
		opt := p.ui.kitImportOptions(true, p.dec)
		opt.Proofs, opt.Attach = p.proofs, p.attach
		pv, err = kit.Import(context.Background(), p.ui.Store, strings.NewReader(string(p.file)), opt)
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), p.ui.Win)
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
		dialog.ShowInformation(lang.L("kit.menu.import"), lang.L("kit.imported", map[string]any{"Count": n, "Refused": refused}), p.ui.Win)
		if n > 0 {
			p.ui.refreshAfterKit()
		}
	})
}

// refreshAfterKit shows what a kit import changed on the screen that is
// open: the partner list with the open partner (its deals, MDF, contacts,
// plan, timeline), or the current area read again (dashboard, deals,
// MDF, plans, recruitment).
func (u *UI) refreshAfterKit() {
	switch u.current {
	case "nav.partners":
		u.partners.reload()
		if id := u.partners.selected; id != 0 {
			u.partners.detail.load(id)
		}
	case "", "nav.settings":
	default:
		u.show(u.current)
	}
}
