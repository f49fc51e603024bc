package dealimport

import (
	"channeldesk/app/importer"
	"context"
	"database/sql"
	"strconv"
	"strings"

	"channeldesk/app"
	"channeldesk/data"
)

// column names a header may use, in English and Russian, lower case.
var columnNames = map[string][]string{
	"partner":    {"partner", "partner name", "partner id", "partner_id", "партнёр", "партнер", "id партнёра", "id партнера"},
	"customer":   {"customer", "end customer", "account", "account name", "company", "заказчик", "клиент", "конечный заказчик"},
	"tax_id":     {"inn", "tax id", "tax_id", "customer tax id", "инн"},
	"domain":     {"domain", "website", "домен", "сайт"},
	"product":    {"product", "продукт"},
	"amount":     {"amount", "value", "deal value", "сумма", "стоимость"},
	"state":      {"state", "status", "stage", "состояние", "статус", "стадия"},
	"registered": {"registered", "registered on", "registered_on", "registration date", "created", "дата регистрации", "зарегистрирована"},
	"expected":   {"expected close", "expected close date", "expected_close_on", "close date expected", "ожидаемая дата закрытия"},
	"approved":   {"approved on", "approved_on", "approval date", "дата одобрения"},
	"closed":     {"closed on", "closed_on", "close date", "дата закрытия"},
	"reason":     {"reason", "причина"},
}

// stateNames maps what CRMs and people write to deal states.
var stateNames = map[string]data.DealState{
	"submitted": data.DealSubmitted, "new": data.DealSubmitted, "подана": data.DealSubmitted, "новая": data.DealSubmitted,
	"approved": data.DealApproved, "одобрена": data.DealApproved,
	"won": data.DealWon, "closed won": data.DealWon, "выиграна": data.DealWon, "успешно": data.DealWon,
	"lost": data.DealLost, "closed lost": data.DealLost, "проиграна": data.DealLost,
	"expired": data.DealExpired, "истекла": data.DealExpired,
	"rejected": data.DealRejected, "отклонена": data.DealRejected,
}

// Row is one line of the file as a deal, with what is wrong with it.
type Row struct {
	Line    int // 1-based line in the file (the header is line 1)
	Deal    data.Deal
	Partner string // the partner as written in the file
	Err     error  // nil when the row can be imported
}

// Preview is the whole file checked and ready to import.
type Preview struct {
	Table   *Table
	Rows    []Row
	Errors  int
	Unknown []string // partners the file names that do not exist
}

// partnerIndex finds partners by ID, name or legal name.
type partnerIndex struct {
	byID   map[int64]bool
	byName map[string]int64
}

func loadPartners(ctx context.Context, s *data.Store) (*partnerIndex, error) {
	ix := &partnerIndex{byID: map[int64]bool{}, byName: map[string]int64{}}
	rows, err := s.DB().QueryContext(ctx, `SELECT id, name, legal_name FROM partners`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name, legal string
		if err := rows.Scan(&id, &name, &legal); err != nil {
			return nil, err
		}
		ix.byID[id] = true
		for _, n := range []string{name, legal} {
			if k := app.NormalizeCompany(n); k != "" {
				if _, taken := ix.byName[k]; !taken {
					ix.byName[k] = id
				}
			}
		}
	}
	return ix, rows.Err()
}

func (ix *partnerIndex) find(ref string) int64 {
	if id, err := strconv.ParseInt(strings.TrimSpace(ref), 10, 64); err == nil && ix.byID[id] {
		return id
	}
	return ix.byName[app.NormalizeCompany(ref)]
}

// Check reads a file and checks every row; nothing is stored.
func Check(ctx context.Context, s *data.Store, name string, content []byte) (*Preview, error) {
	t, err := ReadTable(name, content)
	if err != nil && err != importer.ErrEmptyFile {
		return nil, err
	}
	if t == nil || len(t.Rows) == 0 {
		return nil, data.Invalid("file", "err.deals_import_empty", nil)
	}
	cols, err := mapColumns(t.Header)
	if err != nil {
		return nil, err
	}
	ix, err := loadPartners(ctx, s)
	if err != nil {
		return nil, err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	days, err := s.ProtectionDays(ctx)
	if err != nil {
		return nil, err
	}
	p := &Preview{Table: t}
	unknown := map[string]bool{}
	for i, rec := range t.Rows {
		if blank(rec) {
			continue
		}
		r := parseRow(rec, cols, ix, st.Currency, days)
		r.Line = t.RowNums[i]
		if r.Err != nil {
			p.Errors++
			if r.Deal.PartnerID == 0 && r.Partner != "" && !unknown[r.Partner] {
				unknown[r.Partner] = true
				p.Unknown = append(p.Unknown, r.Partner)
			}
		}
		p.Rows = append(p.Rows, r)
	}
	return p, nil
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// mapColumns finds each known column in the header; partner, customer,
// amount and registration date are required.
func mapColumns(header []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.Join(strings.Fields(strings.Trim(h, "\ufeff \"")), " "))
		for key, names := range columnNames {
			for _, n := range names {
				if h == n {
					if _, dup := cols[key]; !dup {
						cols[key] = i
					}
				}
			}
		}
	}
	for _, req := range []string{"partner", "customer", "amount", "registered"} {
		if _, ok := cols[req]; !ok {
			return nil, data.Invalid("file", "err.deals_import_column", map[string]any{"Column": req})
		}
	}
	return cols, nil
}

func cell(rec []string, cols map[string]int, key string) string {
	i, ok := cols[key]
	if !ok || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// parseRow turns one record into a deal; the first problem is its error.
func parseRow(rec []string, cols map[string]int, ix *partnerIndex, currency string, days int) Row {
	get := func(k string) string { return cell(rec, cols, k) }
	r := Row{Partner: get("partner")}
	d := &r.Deal
	d.Customer, d.CustomerTaxID, d.CustomerDomain, d.Product, d.Reason =
		get("customer"), get("tax_id"), get("domain"), get("product"), get("reason")
	d.CustomerKey = app.NormalizeCompany(d.Customer)
	if d.PartnerID = ix.find(r.Partner); d.PartnerID == 0 {
		r.Err = data.Invalid("partner", "err.deals_unknown_partner", map[string]any{"Value": r.Partner})
		return r
	}
	var err error
	if d.Amount, err = parseAmount(get("amount"), currency); err != nil {
		r.Err = data.Invalid("amount", "err.deals_amount", map[string]any{"Value": get("amount")})
		return r
	}
	if r.Err = parseDates(d, get); r.Err != nil {
		return r
	}
	if r.Err = parseState(d, get("state"), days); r.Err != nil {
		return r
	}
	r.Err = d.Validate()
	return r
}

func parseAmount(s, currency string) (int64, error) {
	if v, err := app.ParseMoney(s, currency, app.EN); err == nil && v >= 0 {
		return v, nil
	}
	v, err := app.ParseMoney(s, currency, app.RU)
	if err == nil && v < 0 {
		return 0, app.ErrMoney
	}
	return v, err
}

func parseDates(d *data.Deal, get func(string) string) error {
	for _, f := range []struct {
		col, field string
		dst        *string
		required   bool
	}{
		{"registered", "registered_on", &d.RegisteredOn, true}, {"expected", "expected_close_on", &d.ExpectedCloseOn, false},
		{"approved", "approved_on", &d.ApprovedOn, false}, {"closed", "closed_on", &d.ClosedOn, false},
	} {
		v := get(f.col)
		if v == "" && !f.required {
			continue
		}
		iso, ok := importer.CellDate(v)
		if !ok {
			return data.Invalid(f.field, "err.deals_date", map[string]any{"Value": v})
		}
		*f.dst = iso
	}
	return nil
}

// parseState reads the state (default submitted) and fills the dates an
// approved deal needs.
func parseState(d *data.Deal, s string, days int) error {
	d.State = data.DealSubmitted
	if s != "" {
		st, ok := stateNames[strings.ToLower(strings.Join(strings.Fields(s), " "))]
		if !ok {
			return data.Invalid("state", "err.deals_import_state", map[string]any{"Value": s})
		}
		d.State = st
	}
	if d.State == data.DealApproved || d.ApprovedOn != "" {
		if d.ApprovedOn == "" {
			d.ApprovedOn = d.RegisteredOn
		}
		d.ProtectedUntil = data.AddDays(d.ApprovedOn, days)
	}
	return nil
}

// Import stores every row of a preview in one transaction, or none: a
// preview with any row error is refused.
func Import(ctx context.Context, s *data.Store, p *Preview) (int, error) {
	if p.Errors > 0 {
		return 0, data.Invalid("file", "err.deals_import_rows", map[string]any{"Count": p.Errors})
	}
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		for i := range p.Rows {
			d := p.Rows[i].Deal
			if err := s.CreateDealTx(ctx, tx, &d); err != nil {
				return data.Invalid("row", "err.deals_import_row", map[string]any{"Line": p.Rows[i].Line})
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(p.Rows), nil
}
