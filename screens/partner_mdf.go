package screens

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"

	"channeldesk/app/mdf"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// mdfTab is the MDF tab of a partner: balance per fund, requests, claims
// and their proof files.
type mdfTab struct {
	d         *partnerDetail
	partnerID int64
	view      *mdf.PartnerMDF

	balance  *widget.Label
	requests *widget.List
	claims   *widget.List
	proofs   *widget.List
	reqSel   int
	claimSel int
	proofSel int
	msg      *widget.Label
}

func newMDFTab(d *partnerDetail) *mdfTab {
	return &mdfTab{d: d, reqSel: -1, claimSel: -1, proofSel: -1}
}

func (t *mdfTab) buildUI() fyne.CanvasObject {
	t.balance = widget.NewLabel("")
	t.balance.Wrapping = fyne.TextWrapWord
	t.msg = widget.NewLabel("")
	t.msg.Importance = widget.DangerImportance
	t.msg.Wrapping = fyne.TextWrapWord
	t.requests = t.newList(func() int { return len(t.reqs()) }, func(i int) string { return t.requestText(t.reqs()[i]) },
		func(i int) { t.reqSel = i })
	t.claims = t.newList(func() int { return len(t.cls()) }, func(i int) string { return t.claimText(t.cls()[i]) },
		func(i int) { t.claimSel, t.proofSel = i, -1; t.proofs.UnselectAll(); t.proofs.Refresh() })
	t.proofs = t.newList(func() int { return len(t.selProofs()) }, func(i int) string {
		p := t.selProofs()[i]
		return fmt.Sprintf("%s · %s · SHA-256 %s…", p.Name, lang.L("mdf.size_kb", map[string]any{"KB": (p.Size + 1023) / 1024}), p.SHA256[:12])
	}, func(i int) { t.proofSel = i })
	reqBar := widgets.NewRow(widget.NewLabelWithStyle(lang.L("mdf.requests"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		&widget.Button{Text: lang.L("mdf.new_request"), Icon: theme.ContentAddIcon(), OnTapped: t.onNewRequest},
		&widget.Button{Text: lang.L("mdf.submit"), OnTapped: t.onSubmit},
		&widget.Button{Text: lang.L("mdf.cancel_request"), OnTapped: t.onCancel},
		&widget.Button{Text: lang.L("mdf.new_claim"), OnTapped: t.onClaim})
	claimBar := widgets.NewRow(widget.NewLabelWithStyle(lang.L("mdf.claims"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		&widget.Button{Text: lang.L("mdf.add_proof"), Icon: theme.FileIcon(), OnTapped: t.onAddProof},
		&widget.Button{Text: lang.L("mdf.resubmit"), Icon: theme.MailSendIcon(), OnTapped: t.onResubmit})
	proofBar := widgets.NewRow(widget.NewLabelWithStyle(lang.L("mdf.proofs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		&widget.Button{Text: lang.L("mdf.open_proof"), Icon: theme.VisibilityIcon(), OnTapped: t.onOpenProof},
		&widget.Button{Text: lang.L("mdf.save_proof"), Icon: theme.DocumentSaveIcon(), OnTapped: t.onSaveProof})
	lower := container.NewVSplit(container.NewBorder(claimBar, nil, nil, nil, t.claims), container.NewBorder(proofBar, nil, nil, nil, t.proofs))
	split := container.NewVSplit(container.NewBorder(reqBar, nil, nil, nil, t.requests), lower)
	return container.NewBorder(container.NewVBox(t.balance, t.msg), nil, nil, nil, split)
}

func (t *mdfTab) newList(n func() int, text func(int) string, sel func(int)) *widget.List {
	return &widget.List{
		Length: n,
		CreateItem: func() fyne.CanvasObject {
			// a long line ends in "…" at the pane's edge: widen the pane to read it
			return &widget.Label{Text: "request · state · amount", Truncation: fyne.TextTruncateEllipsis}
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(text(id)) },
		OnSelected: func(id widget.ListItemID) { sel(id) },
	}
}

func (t *mdfTab) reqs() []data.MDFRequest {
	if t.view == nil {
		return nil
	}
	return t.view.Requests
}

func (t *mdfTab) cls() []data.MDFClaim {
	if t.view == nil {
		return nil
	}
	return t.view.Claims
}

func (t *mdfTab) selProofs() []data.MDFProof {
	if t.view == nil || t.claimSel < 0 || t.claimSel >= len(t.view.Claims) {
		return nil
	}
	return t.view.Proofs[t.view.Claims[t.claimSel].ID]
}

func (t *mdfTab) requestText(r data.MDFRequest) string {
	amount := t.d.loc().money(r.Requested)
	if r.ApprovedOn != "" {
		amount = lang.L("mdf.approved_of", map[string]any{"Approved": t.d.loc().money(r.Approved), "Requested": amount})
	}
	s := fmt.Sprintf("R%d · %s · %s · %s–%s · %s · %s", r.ID, requestStateLabel(r.State), activityLabel(r.Activity),
		t.d.loc().date(r.StartsOn), t.d.loc().date(r.EndsOn), r.Description, amount)
	if r.Reason != "" {
		s += " · " + r.Reason
	}
	return s
}

func (t *mdfTab) claimText(c data.MDFClaim) string {
	s := fmt.Sprintf("C%d · R%d · %s · %s · %s", c.ID, c.RequestID, claimStateLabel(c.State), t.d.loc().date(c.SubmittedOn),
		lang.L("mdf.claim_line", map[string]any{"Cost": t.d.loc().money(c.ActualCost), "Leads": c.Leads,
			"Reimbursable": t.d.loc().money(c.Reimbursable)}))
	if c.Reason != "" {
		s += " · " + c.Reason
	}
	return s
}

// set loads a partner's MDF off the UI goroutine; 0 clears the tab.
func (t *mdfTab) set(partnerID int64) {
	t.partnerID = partnerID
	if partnerID == 0 {
		t.show(nil)
		return
	}
	var v *mdf.PartnerMDF
	var err error
	t.d.run(func() { v, err = mdf.LoadPartnerMDF(context.Background(), t.d.store, partnerID) }, func() {
		if err != nil {
			t.msg.SetText(errorText(err))
			return
		}
		if partnerID == t.partnerID {
			t.show(v)
		}
	})
}

func (t *mdfTab) show(v *mdf.PartnerMDF) {
	t.view, t.reqSel, t.claimSel, t.proofSel = v, -1, -1, -1
	t.msg.SetText("")
	text := lang.L("mdf.no_funds")
	if v != nil && len(v.Funds) > 0 {
		text = lang.L("mdf.total") + ": " + t.d.loc().balanceText(v.Total)
		for _, f := range v.Funds {
			text += "\n" + f.Fund.Name + ": " + t.d.loc().balanceText(f.Balance)
		}
	}
	t.balance.SetText(text)
	for _, l := range []*widget.List{t.requests, t.claims, t.proofs} {
		l.UnselectAll()
		l.Refresh()
	}
}

func (t *mdfTab) reload(err error) error {
	if err == nil {
		t.set(t.partnerID)
	}
	return err
}

func (t *mdfTab) selectedRequest() *data.MDFRequest {
	if t.reqSel < 0 || t.reqSel >= len(t.reqs()) {
		t.msg.SetText(lang.L("mdf.pick_request"))
		return nil
	}
	return &t.view.Requests[t.reqSel]
}

func (t *mdfTab) onNewRequest() {
	if t.partnerID == 0 {
		return
	}
	funds, err := t.d.store.MDFFunds(context.Background())
	if err != nil || len(funds) == 0 {
		t.msg.SetText(lang.L("mdf.no_funds"))
		return
	}
	names := make([]string, len(funds))
	for i, f := range funds {
		names[i] = f.Name + " · " + fundPeriod(f)
	}
	fund := newSelect(names, nil)
	fund.SetSelectedIndex(0)
	act := newSelect(activityLabels(data.MDFActivities), nil)
	act.SetSelectedIndex(0)
	desc, leads := widgets.NewText(&widget.Entry{}), widgets.NewText(&widget.Entry{})
	start, end := t.d.loc().dateEntry(t.d.store, "mdf_starts_on"), t.d.loc().dateEntry(t.d.store, "mdf_ends_on")
	amount, pipeline := t.d.loc().moneyEntry("mdf_requested"), t.d.loc().moneyEntry("mdf_expected")
	pipeline.Optional = true
	items := []*widget.FormItem{widget.NewFormItem(lang.L("mdf.col.fund"), fund), widget.NewFormItem(fieldLabel("mdf_activity"), act),
		widget.NewFormItem(fieldLabel("mdf_description"), desc), widget.NewFormItem(fieldLabel("mdf_starts_on"), start),
		widget.NewFormItem(fieldLabel("mdf_ends_on"), end), widget.NewFormItem(fieldLabel("mdf_requested"), amount),
		widget.NewFormItem(fieldLabel("mdf_expected_leads"), leads), widget.NewFormItem(fieldLabel("mdf_expected"), pipeline)}
	showForm(t.d.win, lang.L("mdf.new_request"), lang.L("action.save"), items, func() error {
		r := &data.MDFRequest{FundID: funds[fund.SelectedIndex()].ID, PartnerID: t.partnerID,
			Activity: data.MDFActivities[max(0, act.SelectedIndex())], Description: desc.Text}
		var err error
		if r.StartsOn, err = start.Value(); err != nil {
			return err
		}
		if r.EndsOn, err = end.Value(); err != nil {
			return err
		}
		if r.Requested, err = amount.Value(); err != nil {
			return err
		}
		if r.ExpectedLeads, err = parseMDFInt("mdf_expected_leads", leads.Text); err != nil {
			return err
		}
		if r.ExpectedPipeline, err = pipeline.Value(); err != nil {
			return err
		}
		return t.reload(mdf.CreateRequest(context.Background(), t.d.store, r))
	})
}

func (t *mdfTab) onSubmit() {
	if r := t.selectedRequest(); r != nil {
		err := t.reload(mdf.SubmitRequest(context.Background(), t.d.store, r.ID))
		if err != nil {
			t.msg.SetText(errorText(err))
		}
	}
}

func (t *mdfTab) onCancel() {
	r := t.selectedRequest()
	if r == nil {
		return
	}
	askReason(t.d.win, lang.L("mdf.cancel_request"), lang.L("mdf.cancel_request"), func(reason string) error {
		return t.reload(mdf.CancelRequest(context.Background(), t.d.store, r.ID, reason))
	})
}

// onClaim claims reimbursement for the selected approved request, with
// proof files picked from disk.
func (t *mdfTab) onClaim() {
	r := t.selectedRequest()
	if r == nil {
		return
	}
	cost, leads, note := t.d.loc().moneyEntry("mdf_actual_cost"), widgets.NewText(&widget.Entry{}), widgets.NewText(&widget.Entry{})
	var files []mdf.ProofFile
	filesLabel := widget.NewLabel(lang.L("mdf.files", map[string]any{"Count": 0}))
	pickBtn := &widget.Button{Text: lang.L("mdf.add_proof"), Icon: theme.FileIcon(), OnTapped: func() {
		t.pickFile(func(p mdf.ProofFile) {
			files = append(files, p)
			filesLabel.SetText(lang.L("mdf.files", map[string]any{"Count": len(files)}))
		})
	}}
	items := []*widget.FormItem{widget.NewFormItem(fieldLabel("mdf_actual_cost"), cost), widget.NewFormItem(fieldLabel("mdf_leads"), leads),
		widget.NewFormItem(fieldLabel("mdf_note"), note), widget.NewFormItem(fieldLabel("mdf_proof"), container.NewHBox(pickBtn, filesLabel))}
	showForm(t.d.win, lang.L("mdf.new_claim")+" · R"+fmt.Sprint(r.ID), lang.L("mdf.submit"), items, func() error {
		c := &data.MDFClaim{RequestID: r.ID, Note: note.Text}
		var err error
		if c.ActualCost, err = cost.Value(); err != nil {
			return err
		}
		if c.Leads, err = parseMDFInt("mdf_leads", leads.Text); err != nil {
			return err
		}
		return t.reload(mdf.SubmitClaim(context.Background(), t.d.store, c, files))
	})
}

// onResubmit answers a "more info needed" claim with corrected figures.
func (t *mdfTab) onResubmit() {
	if t.claimSel < 0 || t.claimSel >= len(t.cls()) {
		t.msg.SetText(lang.L("mdf.pick_claim"))
		return
	}
	c := t.view.Claims[t.claimSel]
	cost, leads, note := t.d.loc().moneyEntry("mdf_actual_cost"), widgets.NewText(&widget.Entry{}), widgets.NewText(&widget.Entry{})
	cost.SetValue(c.ActualCost)
	leads.SetText(fmt.Sprint(c.Leads))
	note.SetText(c.Note)
	items := []*widget.FormItem{widget.NewFormItem(fieldLabel("mdf_actual_cost"), cost),
		widget.NewFormItem(fieldLabel("mdf_leads"), leads), widget.NewFormItem(fieldLabel("mdf_note"), note)}
	showForm(t.d.win, lang.L("mdf.resubmit")+" · C"+fmt.Sprint(c.ID), lang.L("mdf.submit"), items, func() error {
		v, err := cost.Value()
		if err != nil {
			return err
		}
		n, err := parseMDFInt("mdf_leads", leads.Text)
		if err != nil {
			return err
		}
		return t.reload(mdf.ResubmitClaim(context.Background(), t.d.store, c.ID, v, n, note.Text, nil))
	})
}

// pickFile reads a file the manager picks; one over the size limit is
// refused at once with the limit named.
func (t *mdfTab) pickFile(got func(mdf.ProofFile)) {
	t.d.fileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		defer rc.Close()
		buf, err := io.ReadAll(io.LimitReader(rc, data.MaxProofSize+1))
		if err != nil {
			t.msg.SetText(lang.L("mdf.open_failed", map[string]any{"Error": err.Error()}))
			return
		}
		if len(buf) > data.MaxProofSize {
			t.msg.SetText(fieldLabel("mdf_proof") + ": " + lang.L("err.mdf_proof_too_big",
				map[string]any{"Name": rc.URI().Name(), "SizeMB": ">" + fmt.Sprint(data.MaxProofSize>>20), "MaxMB": data.MaxProofSize >> 20}))
			return
		}
		got(mdf.ProofFile{Name: rc.URI().Name(), Content: buf})
	}).Show()
}

func (t *mdfTab) onAddProof() {
	if t.claimSel < 0 || t.claimSel >= len(t.cls()) {
		t.msg.SetText(lang.L("mdf.pick_claim"))
		return
	}
	id := t.view.Claims[t.claimSel].ID
	t.pickFile(func(p mdf.ProofFile) {
		if err := t.reload(mdf.AddProof(context.Background(), t.d.store, id, p)); err != nil {
			t.msg.SetText(errorText(err))
		}
	})
}

// proofContent reads the selected proof, checked against its hash.
func (t *mdfTab) proofContent() (*data.MDFProof, []byte, bool) {
	ps := t.selProofs()
	if t.proofSel < 0 || t.proofSel >= len(ps) {
		t.msg.SetText(lang.L("mdf.pick_proof"))
		return nil, nil, false
	}
	p, content, err := t.d.store.MDFProofContent(context.Background(), ps[t.proofSel].ID)
	if err != nil {
		t.msg.SetText(errorText(err))
		return nil, nil, false
	}
	return p, content, true
}

// onOpenProof writes the file to a private temporary folder and opens it
// with the system's viewer.
func (t *mdfTab) onOpenProof() {
	p, content, ok := t.proofContent()
	if !ok {
		return
	}
	dir, err := os.MkdirTemp("", "channeldesk-proof-")
	if err == nil {
		path := filepath.Join(dir, p.Name)
		if err = os.WriteFile(path, content, 0o600); err == nil {
			err = t.d.openURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)})
		}
	}
	if err != nil {
		t.msg.SetText(lang.L("mdf.open_failed", map[string]any{"Error": err.Error()}))
	}
}

func (t *mdfTab) onSaveProof() {
	p, content, ok := t.proofContent()
	if !ok {
		return
	}
	d := t.d.fileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		defer wc.Close()
		if _, err := wc.Write(content); err != nil {
			t.msg.SetText(lang.L("mdf.open_failed", map[string]any{"Error": err.Error()}))
		}
	})
	d.SetFileName(p.Name)
	d.Show()
}
