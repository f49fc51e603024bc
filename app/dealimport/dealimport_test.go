package dealimport_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"channeldesk/app/dealimport"
	"channeldesk/data"
)

func open(t *testing.T) (*data.Store, *data.Partner) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := &data.Partner{Name: "Орбита Софт", LegalName: `ООО "Орбита Софт"`, Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return s, p
}

func countDeals(t *testing.T, s *data.Store) int {
	ds, err := s.Deals(context.Background(), data.DealFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(ds)
}

func TestWindows1251SemicolonCSV(t *testing.T) {
	s, p := open(t)
	csv := "Партнёр;Заказчик;ИНН;Сумма;Дата регистрации;Статус;Дата закрытия\r\n" +
		"ООО «Орбита Софт»;ООО \"Ромашка\";7701234567;1 234 567,50;27.11.2025;Выиграна;15.01.2026\r\n" +
		"орбита софт;АО Вектор;;500000;2026-03-01;;\r\n"
	enc, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(csv))
	pv, err := dealimport.Check(context.Background(), s, "crm.csv", enc)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Table.Encoding != "windows-1251" || pv.Table.Delimiter != ';' || pv.Errors != 0 || len(pv.Rows) != 2 {
		t.Fatalf("read as %s %q with %d errors, %d rows: %+v", pv.Table.Encoding, pv.Table.Delimiter, pv.Errors, len(pv.Rows), pv.Rows)
	}
	d := pv.Rows[0].Deal
	if d.PartnerID != p.ID || d.Amount != 123456750 || d.State != data.DealWon || d.ClosedOn != "2026-01-15" || d.CustomerKey != "ромашка" {
		t.Errorf("first row %+v", d)
	}
	if n, err := dealimport.Import(context.Background(), s, pv); err != nil || n != 2 || countDeals(t, s) != 2 {
		t.Errorf("imported %d (%v), stored %d", n, err, countDeals(t, s))
	}
}

func TestRowErrorsImportNothing(t *testing.T) {
	s, _ := open(t)
	csv := "partner,customer,amount,registered,state\n" +
		"Орбита Софт,Acme,100,2026-01-10,won\n" + // won without a close date
		"Unknown Partner Ltd,Acme,100,2026-01-10,\n" +
		"Орбита Софт,\"Globex, Inc.\",abc,2026-01-10,\n" +
		"Орбита Софт,Initech,100,2026-01-10,approved\n"
	pv, err := dealimport.Check(context.Background(), s, "deals.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	wantFields := []string{"closed_on", "partner", "amount", ""}
	for i, r := range pv.Rows {
		e, _ := data.AsError(r.Err)
		got := ""
		if e != nil {
			got = e.Field
		}
		if got != wantFields[i] {
			t.Errorf("line %d: error %v, want one about %q", r.Line, r.Err, wantFields[i])
		}
	}
	if len(pv.Unknown) != 1 || pv.Unknown[0] != "Unknown Partner Ltd" {
		t.Errorf("unknown partners %v", pv.Unknown)
	}
	if r := pv.Rows[3].Deal; r.ProtectedUntil == "" {
		t.Errorf("an approved import row is not protected: %+v", r)
	}
	if _, err := dealimport.Import(context.Background(), s, pv); data.ErrorCode(err) != data.EINVALID || countDeals(t, s) != 0 {
		t.Errorf("import with row errors: %v, stored %d", err, countDeals(t, s))
	}
}

func TestXLSXWithPartnerIDsAndSerialDates(t *testing.T) {
	s, p := open(t)
	f := excelize.NewFile()
	rows := [][]any{
		{"Partner ID", "Customer", "Amount", "Registered on", "Stage", "Close date"},
		{p.ID, "Contoso GmbH", 2500.75, 46000, "Closed Won", 46030},
	}
	for i, r := range rows {
		cellRef, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cellRef, &r)
	}
	var buf bytes.Buffer
	f.Write(&buf)
	pv, err := dealimport.Check(context.Background(), s, "export.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if pv.Errors != 0 || len(pv.Rows) != 1 {
		t.Fatalf("%d errors: %+v", pv.Errors, pv.Rows)
	}
	d := pv.Rows[0].Deal
	if d.PartnerID != p.ID || d.Amount != 250075 || d.RegisteredOn != "2025-12-09" || d.ClosedOn != "2026-01-08" || d.State != data.DealWon {
		t.Errorf("row %+v", d)
	}
}

func TestMissingColumnIsReported(t *testing.T) {
	s, _ := open(t)
	_, err := dealimport.Check(context.Background(), s, "x.csv", []byte("partner,customer\nA,B\n"))
	if e, ok := data.AsError(err); !ok || e.Args["Column"] != "amount" {
		t.Errorf("got %v, want the amount column named", err)
	}
}

func TestSalesforceOpportunitiesWithPartnerAccountUSDatesAndAmounts(t *testing.T) {
	s, p := open(t)
	csv := "Opportunity Name,Account Name,Partner Account,Amount,Stage,Created Date,Close Date\n" +
		"Big deal,Globex Corp,Орбита Софт,\"125,000.00\",Proposal/Price Quote,3/15/2026,\n" +
		"Small deal,Initech,Орбита Софт,\"1,234.56\",Prospecting,03/04/2026,\n" +
		"Won deal,Umbrella,Орбита Софт,\"USD 99,000\",Closed Won,12/1/2025,1/20/2026\n"
	pv, err := dealimport.Check(context.Background(), s, "opportunities.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	if pv.Errors != 0 || len(pv.Rows) != 3 {
		t.Fatalf("%d errors: %+v", pv.Errors, pv.Rows)
	}
	big, small := pv.Rows[0].Deal, pv.Rows[1].Deal
	if big.PartnerID != p.ID || big.Amount != 12500000 || big.State != data.DealApproved || big.RegisteredOn != "2026-03-15" {
		t.Errorf("big deal %+v", big)
	}
	if small.Amount != 123456 || small.State != data.DealSubmitted || small.RegisteredOn != "2026-03-04" {
		t.Errorf("small deal %+v: a US column reads 03/04 as March 4", small)
	}
	if pv.Rows[2].Currency != "USD" || pv.Rows[2].Deal.ClosedOn != "2026-01-20" || pv.Foreign != 1 || pv.Rows[2].Deal.State != data.DealWon {
		t.Errorf("a euro amount: %+v, foreign %d", pv.Rows[2], pv.Foreign)
	}
}
