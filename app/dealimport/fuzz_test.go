package dealimport_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/dealimport"
	"channeldesk/data"
)

func dealXLSX(f *testing.F, rows [][]any) []byte {
	f.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			f.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzDealImport feeds the deal import arbitrary CSV and XLSX files and
// checks them against a database with one partner: Check must return a
// preview or an error, never panic, and count its row errors right; every
// row it accepts holds a valid deal of a known partner.
func FuzzDealImport(f *testing.F) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(f.TempDir(), "f.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	p := &data.Partner{Name: "Орбита", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		f.Fatal(err)
	}
	header := []any{"Partner", "Customer", "Amount", "State", "Registered", "Closed on", "Reason"}
	f.Add(false, []byte("Partner;Customer;Amount;State;Registered\nОрбита;Ромашка;1 000,50;won;2026-01-02\n"))
	f.Add(false, []byte("partner,customer,amount,registered\n1,X,\"1,5\",02.01.2026\n,,,\n\"a\"\"b,c\n"))
	f.Add(false, []byte{0xcf, 0xe0, 0xf0, 0xf2, 0xed, 0xe5, 0xf0, ';', 'x', '\n', 0xc0, ';', '1', '\n'})
	f.Add(true, dealXLSX(f, [][]any{header, {"Орбита", "Ромашка", 1000.5, "won", 46000, 46010, ""}, {1, "Y", "abc", "lost", "x", "", "price"}}))
	f.Add(true, []byte("PK\x03\x04"))
	if b, err := os.ReadFile("testdata/deals.xlsx"); err == nil {
		f.Add(true, b)
	}
	f.Fuzz(func(t *testing.T, xlsx bool, raw []byte) {
		name := "deals.csv"
		if xlsx {
			name = "deals.xlsx"
		}
		pv, err := dealimport.Check(ctx, s, name, raw)
		if err != nil {
			if data.ErrorCode(err) != data.EINVALID {
				t.Fatalf("error %v is not an invalid-file error", err)
			}
			return
		}
		bad := 0
		for _, r := range pv.Rows {
			if r.Err != nil {
				bad++
				continue
			}
			if r.Deal.PartnerID != p.ID {
				t.Fatalf("line %d accepted for partner %d", r.Line, r.Deal.PartnerID)
			}
			if err := r.Deal.Validate(); err != nil {
				t.Fatalf("line %d accepted with an invalid deal: %v", r.Line, err)
			}
		}
		if bad != pv.Errors {
			t.Fatalf("%d rows with errors, preview says %d", bad, pv.Errors)
		}
	})
}
