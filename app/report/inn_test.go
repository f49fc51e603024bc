package report

import (
	"channeldesk/app/format"
	"channeldesk/data"
	"context"
	"slices"
	"testing"
)

// The partner sheet carries ИНН and КПП, and a partner an import left
// without a type shows "—" there and is counted on the summary.
func TestPartnersSheetHasINNAndNoTypeIsCounted(t *testing.T) {
	s := openStore(t, 5, 0)
	ctx := context.Background()
	p := &data.Partner{Name: "ООО Ромашка", Type: data.TypeNone, Status: data.StatusActive, DocLang: "ru",
		INN: "7707083893", KPP: "773601001"}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	for _, l := range []format.Lang{format.EN, format.RU} {
		f, _ := writeReport(t, s, Options{Lang: l})
		rows, _ := f.GetRows(f.GetSheetList()[1])
		inn, kpp := slices.Index(rows[0], "ИНН"), slices.Index(rows[0], "КПП")
		if inn < 0 || kpp < 0 {
			t.Fatalf("%s: partner sheet header %q has no ИНН/КПП", l, rows[0])
		}
		found := false
		for _, r := range rows[1:] {
			if len(r) > kpp && r[1] == "ООО Ромашка" {
				found = true
				if r[inn] != "7707083893" || r[kpp] != "773601001" || r[3] != "—" {
					t.Errorf("%s: row %q: want ИНН, КПП and type —", l, r)
				}
			}
		}
		if !found {
			t.Errorf("%s: the partner is not on the sheet", l)
		}
		sum, _ := f.GetRows(f.GetSheetList()[0])
		counted := false
		for _, r := range sum {
			if len(r) > 1 && (r[0] == "Partners without a type" || r[0] == "Партнёры без типа") && r[1] == "1" {
				counted = true
			}
		}
		if !counted {
			t.Errorf("%s: the summary does not count the partner without a type", l)
		}
	}
}
