package screens

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/kit"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// claimRows are the preview's claim rows that can take a proof file.
func (p *kitPreview) claimRows() []kit.Item {
	var out []kit.Item
	for _, it := range p.pv.Items {
		if it.Kind == kit.RowClaim && it.Err == nil && !it.Done {
			out = append(out, it)
		}
	}
	return out
}

// proofBar is the line under the preview's rows when the kit has claims:
// the dropped files no claim names, and a button to attach a file to a
// claim by hand (one of those, or another file on this computer — for a
// named proof that did not come with the kit).
func (p *kitPreview) proofBar() fyne.CanvasObject {
	if len(p.claimRows()) == 0 {
		return nil
	}
	note := widget.NewLabel("")
	note.Wrapping = fyne.TextWrapWord
	p.proofNote = note
	p.refreshProofNote()
	return container.NewBorder(nil, nil, nil, widget.NewButton(lang.L("kit.proofs.attach"), p.askAttach), note)
}

func (p *kitPreview) refreshProofNote() {
	if p.proofNote == nil {
		return
	}
	var missing, lines []string
	for _, it := range p.claimRows() {
		if len(it.Missing) > 0 {
			missing = append(missing, fmt.Sprintf("%s %d: %s", lang.L("kit.doc.sheet."+it.Sheet), it.Line, strings.Join(it.Missing, ", ")))
		}
	}
	if len(missing) > 0 {
		lines = append(lines, lang.L("kit.proofs.missing", map[string]any{"Names": strings.Join(missing, "; ")}))
	}
	if len(p.pv.Unnamed) > 0 {
		lines = append(lines, lang.L("kit.proofs.unnamed", map[string]any{"Names": strings.Join(p.pv.Unnamed, ", ")}))
	}
	if len(lines) == 0 {
		lines = append(lines, lang.L("kit.proofs.hint"))
	}
	p.proofNote.SetText(strings.Join(lines, "\n"))
}

// askAttach asks which claim gets which file.
func (p *kitPreview) askAttach() {
	claims := p.claimRows()
	var claimLabels []string
	pick := 0
	for i, it := range claims {
		claimLabels = append(claimLabels, fmt.Sprintf("%s %d · %s", lang.L("kit.doc.sheet."+it.Sheet), it.Line, it.Summary))
		if len(it.Missing) > 0 && pick == 0 {
			pick = i
		}
	}
	claim := widget.NewSelect(claimLabels, nil)
	claim.SetSelectedIndex(pick)
	other := lang.L("kit.proofs.other")
	file := widget.NewSelect(append(slices.Clone(p.pv.Unnamed), other), nil)
	file.SetSelectedIndex(0)
	d := dialog.NewForm(lang.L("kit.proofs.attach"), lang.L("kit.proofs.attach_ok"), lang.L("action.cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("kit.kind.mdf_claim"), claim), widget.NewFormItem(lang.L("kit.proofs.file"), file)},
		func(ok bool) {
			if !ok || claim.SelectedIndex() < 0 {
				return
			}
			hash := claims[claim.SelectedIndex()].Hash
			if file.Selected != other {
				p.attachByHand(hash, file.Selected)
				return
			}
			fileOpen(p.win, func(r fyne.URIReadCloser, err error) {
				if err != nil || r == nil {
					return
				}
				name := filepath.Base(r.URI().Path())
				b, err := io.ReadAll(io.LimitReader(r, data.MaxProofSize+1))
				r.Close()
				switch {
				case err != nil:
					dialog.ShowError(err, p.win)
				case len(b) > data.MaxProofSize:
					dialog.ShowError(errors.New(lang.L("kit.proofs.too_big", map[string]any{"Name": name, "MB": data.MaxProofSize >> 20})), p.win)
				default:
					p.attachFile(hash, mdf.ProofFile{Name: name, Content: b})
				}
			}).Show()
		}, p.win)
	d.Resize(fyne.NewSize(640, d.MinSize().Height))
	d.Show()
}

// attachFile adds a file from this computer to the kit's files and
// attaches it to the claim row hash.
func (p *kitPreview) attachFile(hash string, f mdf.ProofFile) {
	for _, have := range p.proofs {
		if have.Name == f.Name {
			f.Name = fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(f.Name, filepath.Ext(f.Name)), len(p.proofs)+1, filepath.Ext(f.Name))
			break
		}
	}
	p.proofs = append(p.proofs, f)
	p.attachByHand(hash, f.Name)
}

// attachByHand attaches one of the kit's files to a claim row and checks
// the kit again, so the rows show what will be stored.
func (p *kitPreview) attachByHand(hash, name string) {
	if !slices.Contains(p.attach[hash], name) {
		p.attach[hash] = append(p.attach[hash], name)
	}
	var pv *kit.Preview
	var err error
	p.run(func() {
		opt := p.importOptions(false, nil)
		opt.Proofs, opt.Attach = p.proofs, p.attach
		pv, err = kit.Import(context.Background(), p.store, strings.NewReader(string(p.file)), opt)
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), p.win)
			return
		}
		p.pv = pv // the manager's rejections stay in p.dec, by row
		p.list.Refresh()
		p.refreshProofNote()
	})
}
