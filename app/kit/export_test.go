package kit_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/format"
	"channeldesk/app/kit"
	"channeldesk/data"
)

func firstActive(t testing.TB, s *data.Store) int64 {
	t.Helper()
	rows, err := s.PartnerRows(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, r := range rows {
		if r.Status == data.StatusActive && (id == 0 || r.ID < id) {
			id = r.ID
		}
	}
	if id == 0 {
		t.Fatal("no active partner")
	}
	return id
}

func TestKitHasItsSheetsLockedAndSigned(t *testing.T) {
	s := demoStore(t, 12)
	ctx := context.Background()
	id := firstActive(t, s)
	path := filepath.Join(t.TempDir(), "k.xlsx")
	m, err := kit.ExportFile(ctx, s, id, path, kit.Options{Lang: format.EN})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := strings.Join(f.GetSheetList(), "|")
	if got != "Read me|Deal registrations|MDF|Plan actuals|Contacts and certifications|_kit" {
		t.Errorf("sheets: %s", got)
	}
	if v, _ := f.GetSheetVisible("_kit"); v {
		t.Error("the marker sheet is visible")
	}
	secret, _ := s.KitSecret(ctx)
	if !m.Verify(secret) || m.PartnerID != id {
		t.Errorf("marker %+v does not verify", m)
	}
	// Input cells are unlocked, headers locked.
	st, _ := f.GetCellStyle("Deal registrations", "C4")
	style, _ := f.GetStyle(st)
	if style.Protection == nil || style.Protection.Locked {
		t.Error("the first input cell of the deal table is locked")
	}
	hs, _ := f.GetCellStyle("Deal registrations", "C3")
	if h, _ := f.GetStyle(hs); h.Protection == nil || !h.Protection.Locked {
		t.Error("the header is not locked")
	}
	dvs, _ := f.GetDataValidations("Deal registrations")
	if len(dvs) < 8 {
		t.Errorf("%d validations on the deal sheet, want one per column", len(dvs))
	}
	if os.Getenv("KIT_KEEP") != "" {
		b, _ := os.ReadFile(path)
		os.WriteFile(os.Getenv("KIT_KEEP"), b, 0o644)
	}
}
