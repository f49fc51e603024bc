package screens

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"channeldesk/app/kit"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// A returned kit dropped with proof files: the claim row shows what its
// loosely written names matched and which one did not come; the dropped
// file no claim names is shown under the rows; the manager attaches it
// to the claim by hand and it is stored with the claim.
func TestKitPreviewAttachesAnUnnamedProofByHand(t *testing.T) {
	u := newTestUI(t, 0, "en")
	u.Store.Now = func() time.Time { return time.Date(2026, 8, 15, 10, 0, 0, 0, time.UTC) }
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	p := &data.Partner{Name: "Alpha Systems", Type: data.TypeReseller, Status: data.StatusActive, DocLang: "en"}
	must(u.Store.CreatePartner(ctx, p))
	f := &data.MDFFund{Name: "Q3", PeriodKind: "quarter", FiscalYear: 2026, Quarter: 3, Budget: 10_000_00,
		Model: data.ModelDiscretionary, Activities: []data.MDFActivity{data.ActivityEvent}, ShareBP: 5000, ClaimDays: 60}
	must(mdf.CreateFund(ctx, u.Store, f))
	must(mdf.Allocate(ctx, u.Store, f.ID, p.ID, 5_000_00, ""))
	r := &data.MDFRequest{FundID: f.ID, PartnerID: p.ID, Activity: data.ActivityEvent, Description: "Summer roadshow",
		StartsOn: "2026-07-05", EndsOn: "2026-07-10", Requested: 1_000_00}
	must(mdf.CreateRequest(ctx, u.Store, r))
	must(mdf.SubmitRequest(ctx, u.Store, r.ID))
	must(mdf.ApproveRequest(ctx, u.Store, r.ID, 800_00))

	path := t.TempDir() + "/kit.xlsx"
	if _, err := kit.ExportFile(ctx, u.Store, p.ID, path, kit.Options{}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	must(err)
	rows, _ := x.GetRows("MDF")
	for i, row := range rows {
		if len(row) > 0 && row[0] == fmt.Sprint("C:", r.ID) {
			x.SetCellValue("MDF", fmt.Sprint("I", i+1), 2000)
			x.SetCellValue("MDF", fmt.Sprint("J", i+1), 25)
			x.SetCellStr("MDF", fmt.Sprint("K", i+1), "Invoice 12; contract.pdf")
		}
	}
	b, err := x.WriteToBuffer()
	must(err)
	x.Close()
	proofs := []mdf.ProofFile{{Name: "invoice_12.PDF", Content: []byte("inv")}, {Name: "scan001.png", Content: []byte("png")}}

	k := u.kitFlow()
	opt := k.importOptions(false, nil)
	opt.Proofs = proofs
	pv, err := kit.Import(ctx, u.Store, strings.NewReader(b.String()), opt)
	must(err)
	pr := newKitPreview(k, pv, b.Bytes())
	pr.proofs = proofs
	pr.show()
	rowsText := func() string {
		var out []string
		for _, it := range pr.pv.Items {
			out = append(out, rowText(it))
		}
		return strings.Join(out, "\n") + "\n" + topOverlayText(u)
	}
	txt := rowsText()
	for _, want := range []string{"proof files attached: invoice_12.PDF", "not among the files dropped: contract.pdf",
		"Named in a claim but not among the files dropped: MDF", "no claim names: scan001.png"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the preview does not say %q:\n%s", want, txt)
		}
	}
	// the form offers the claim missing a proof and the unnamed file first
	test.Tap(overlayButton(t, u, "Attach a proof file…"))
	test.Tap(overlayButton(t, u, "Attach"))
	u.Wait()
	if txt := rowsText(); len(pr.pv.Unnamed) != 0 || !strings.Contains(txt, "invoice_12.PDF, scan001.png") {
		t.Errorf("after attaching by hand the preview says:\n%s", txt)
	}
	pr.commit()
	u.Wait()
	claims, _ := u.Store.MDFClaimsBy(ctx, data.MDFClaimFilter{PartnerID: p.ID})
	if len(claims) != 1 {
		t.Fatalf("claims stored: %+v", claims)
	}
	files, _ := u.Store.MDFProofs(ctx, claims[0].ID)
	if len(files) != 2 {
		t.Errorf("proof files stored with the claim: %+v", files)
	}
}
