package screens

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"channeldesk/app/kit"
	"channeldesk/data"
)

// The kit preview shows the partner's answers to its lead offers row by
// row like the other kit rows: an accepted lead, and a decline without
// its reason refused (unchecked) with the reason asked for; importing the
// checked rows accepts the lead.
func TestKitPreviewShowsLeadAnswers(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	s := u.Store
	p := &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive}
	s.CreatePartner(ctx, p)
	var ids []int64
	for _, name := range []string{"Kazan Steel", "Volga Foods"} {
		l := &data.Lead{Company: name, Product: "Desk", Source: data.LeadFromWebsite}
		s.CreateLead(ctx, l)
		if err := s.OfferLead(ctx, l.ID, p.ID, 7, data.LeadMove{On: s.Today()}); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, l.ID)
	}
	path := filepath.Join(t.TempDir(), "kit.xlsx")
	if _, err := kit.ExportFile(ctx, s, p.ID, path, kit.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Leads for you")
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		switch r[0] {
		case fmt.Sprint("L:", ids[0]):
			f.SetCellStr("Leads for you", fmt.Sprintf("J%d", i+1), "Accept")
		case fmt.Sprint("L:", ids[1]):
			f.SetCellStr("Leads for you", fmt.Sprintf("J%d", i+1), "Decline")
		}
	}
	var b bytes.Buffer
	f.Write(&b)
	f.Close()
	pv, err := kit.Import(ctx, s, bytes.NewReader(b.Bytes()), u.kitFlow().importOptions(false, nil))
	if err != nil || len(pv.Items) != 2 {
		t.Fatalf("preview: %v %+v", err, pv)
	}
	texts := []string{rowText(pv.Items[0]), rowText(pv.Items[1])}
	if strings.Contains(texts[0], "Volga") {
		texts[0], texts[1] = texts[1], texts[0]
	}
	if !strings.Contains(texts[0], "Leads for you") || !strings.Contains(texts[0], "lead accepted · Kazan Steel") {
		t.Errorf("accepted row %q", texts[0])
	}
	if !strings.Contains(texts[1], "lead declined · Volga Foods") || !strings.Contains(texts[1], "reason") {
		t.Errorf("decline without a reason %q", texts[1])
	}
	pr := newKitPreview(u.kitFlow(), pv, b.Bytes())
	pr.show()
	test.Tap(overlayButton(t, u, "Import checked rows"))
	u.Wait()
	if l, _ := s.Lead(ctx, ids[0]); l.State != data.LeadAccepted {
		t.Errorf("Kazan Steel is %s after the import", l.State)
	}
	if l, _ := s.Lead(ctx, ids[1]); l.State != data.LeadOffered {
		t.Errorf("Volga Foods is %s: a decline without a reason went through", l.State)
	}
}
