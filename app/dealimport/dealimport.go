package dealimport

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/importer"
	"channeldesk/data"
)

// column names a header may use, in English and Russian, lower case.
var columnNames = map[string][]string{
	"partner": {"partner", "partner name", "partner id", "partner_id", "партнёр", "партнер", "id партнёра", "id партнера",
		"partner account", "partner account name", "partner account: account name", "channel partner", "reseller",
		"partner company", "партнёр по сделке", "партнер по сделке", "компания партнёр", "компания партнер"},
	"customer": {"customer", "end customer", "account", "account name", "company", "заказчик", "клиент", "конечный заказчик",
		"organization", "organization - name", "deal - organization", "компания"},
	"tax_id":  {"inn", "tax id", "tax_id", "customer tax id", "инн"},
	"domain":  {"domain", "website", "домен", "сайт"},
	"product": {"product", "продукт"},
	"amount": {"amount", "value", "deal value", "сумма", "стоимость", "amount (converted)", "deal - value", "opportunity amount",
		"сумма сделки", "бюджет"},
	"state": {"state", "status", "stage", "состояние", "статус", "стадия", "deal stage", "deal - stage", "стадия сделки", "этап"},
	"registered": {"registered", "registered on", "registered_on", "registration date", "created", "дата регистрации",
		"зарегистрирована", "created date", "create date", "deal - deal created", "дата создания"},
	"expected": {"expected close", "expected close date", "expected_close_on", "close date expected", "ожидаемая дата закрытия"},
	"approved": {"approved on", "approved_on", "approval date", "дата одобрения"},
	"closed":   {"closed on", "closed_on", "close date", "дата закрытия"},
	"reason":   {"reason", "причина"},
}

// stateNames maps what CRMs and people write to deal states.
var stateNames = map[string]data.DealState{
	"submitted": data.DealSubmitted, "new": data.DealSubmitted, "подана": data.DealSubmitted, "новая": data.DealSubmitted,
	"approved": data.DealApproved, "одобрена": data.DealApproved,
	"won": data.DealWon, "closed won": data.DealWon, "выиграна": data.DealWon, "успешно": data.DealWon,
	"lost": data.DealLost, "closed lost": data.DealLost, "проиграна": data.DealLost,
	"expired": data.DealExpired, "истекла": data.DealExpired,
	"rejected": data.DealRejected, "отклонена": data.DealRejected,
	// CRM stages: open ones are registered (submitted) until the vendor
	// has committed to them (proposal, negotiation: approved).
	"prospecting": data.DealSubmitted, "qualification": data.DealSubmitted, "needs analysis": data.DealSubmitted,
	"value proposition": data.DealSubmitted, "id. decision makers": data.DealSubmitted,
	"perception analysis": data.DealSubmitted, "appointment scheduled": data.DealSubmitted,
	"qualified to buy": data.DealSubmitted, "presentation scheduled": data.DealSubmitted,
	"decision maker bought-in": data.DealSubmitted, "в работе": data.DealSubmitted, "подготовка документов": data.DealSubmitted,
	"proposal/price quote": data.DealApproved, "negotiation/review": data.DealApproved, "contract sent": data.DealApproved,
	"proposal": data.DealApproved, "negotiation": data.DealApproved, "счёт на предоплату": data.DealApproved,
	"счет на предоплату": data.DealApproved, "финальный счёт": data.DealApproved, "финальный счет": data.DealApproved,
	"closedwon": data.DealWon, "сделка успешна": data.DealWon, "успешно реализовано": data.DealWon,
	"closedlost": data.DealLost, "сделка провалена": data.DealLost, "закрыто и не реализовано": data.DealLost,
}

// Options are the user's answers for a file: what its CRM stages become.
type Options struct {
	// Stages maps a stage as the file writes it (folded by StageKey) to
	// one of our states; it wins over the stages we know.
	Stages map[string]data.DealState
}

// StageKey folds a stage name for comparison and for Options.Stages.
func StageKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Stage is one distinct value of the file's stage column, with its rows
// and the state it becomes.
type Stage struct {
	Value  string // as first written in the file
	Rows   int
	State  data.DealState
	Known  bool // we know the word (Closed Won, «Сделка успешна»…)
	Mapped bool // the user said what it becomes
}

// Row is one line of the file as a deal, with what is wrong with it.
type Row struct {
	Line    int // 1-based line in the file (the header is line 1)
	Deal    data.Deal
	Partner string // the partner as written in the file
	Err     error  // nil when the row can be imported
	// Currency is a currency the amount names other than the program's:
	// the amount is taken as written and the row is flagged.
	Currency string
	// UnknownStage: the stage is neither known nor mapped; the deal is
	// registered (submitted) until the user maps the stage.
	UnknownStage string
}

// Preview is the whole file checked and ready to import.
type Preview struct {
	Table   *Table
	Rows    []Row
	Errors  int
	Unknown []string // partners the file names that do not exist
	// AmbiguousDates names the date columns whose every value could be
	// D/M or M/D; they are read day first.
	AmbiguousDates []string
	Foreign        int // rows whose amount names another currency
	// Stages lists every distinct stage of the file with its row count,
	// most frequent first; the unknown ones are for the user to map.
	Stages []Stage
	// UnknownStages counts rows whose stage is neither known nor mapped.
	UnknownStages int
	// Profile names the saved profile whose stage mapping was used.
	Profile string
	// Options are the answers the preview was made with.
	Options Options
}

// partnerIndex finds partners by ID, name or legal name.
type partnerIndex struct {
	byID   map[int64]bool
	byName map[string]int64
}

func loadPartners(ctx context.Context, s *data.Store) (*partnerIndex, error) {
	ix := &partnerIndex{byID: map[int64]bool{}, byName: map[string]int64{}}
	err := s.EachPartnerName(ctx, func(id int64, name, legal string) {
		ix.byID[id] = true
		for _, n := range []string{name, legal} {
			if k := format.NormalizeCompany(n); k != "" {
				if _, taken := ix.byName[k]; !taken {
					ix.byName[k] = id
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	return ix, nil
}

func (ix *partnerIndex) find(ref string) int64 {
	if id, err := strconv.ParseInt(strings.TrimSpace(ref), 10, 64); err == nil && ix.byID[id] {
		return id
	}
	return ix.byName[format.NormalizeCompany(ref)]
}

// Check reads a file and checks every row; nothing is stored.
func Check(ctx context.Context, s *data.Store, name string, content []byte) (*Preview, error) {
	return CheckWith(ctx, s, name, content, Options{})
}

// CheckWith is Check with the user's stage mapping.
func CheckWith(ctx context.Context, s *data.Store, name string, content []byte, opt Options) (*Preview, error) {
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
	if opt.Stages == nil {
		if opt.Stages, p.Profile, err = profileStages(ctx, s, t.Header); err != nil {
			return nil, err
		}
	}
	p.Options = opt
	orders := p.dateOrders(t, cols)
	unknown := map[string]bool{}
	stages := map[string]int{}
	for i, rec := range t.Rows {
		if blank(rec) {
			continue
		}
		r := parseRow(rec, cols, ix, st.Currency, days, orders, opt)
		r.Line = t.RowNums[i]
		p.countStage(cell(rec, cols, "state"), opt, stages)
		if r.UnknownStage != "" {
			p.UnknownStages++
		}
		if r.Currency != "" {
			p.Foreign++
		}
		if r.Err != nil {
			p.Errors++
			if r.Deal.PartnerID == 0 && r.Partner != "" && !unknown[r.Partner] {
				unknown[r.Partner] = true
				p.Unknown = append(p.Unknown, r.Partner)
			}
		}
		p.Rows = append(p.Rows, r)
	}
	sort.SliceStable(p.Stages, func(i, j int) bool { return p.Stages[i].Rows > p.Stages[j].Rows })
	return p, nil
}

// countStage adds a row's stage to the list of the file's stages.
func (p *Preview) countStage(v string, opt Options, index map[string]int) {
	if v == "" {
		return
	}
	k := StageKey(v)
	if i, ok := index[k]; ok {
		p.Stages[i].Rows++
		return
	}
	st, known, mapped := stageState(v, opt)
	index[k] = len(p.Stages)
	p.Stages = append(p.Stages, Stage{Value: v, Rows: 1, State: st, Known: known, Mapped: mapped})
}

// stageState is what a stage becomes: the user's mapping, else the
// stage we know, else submitted (registered) with known and mapped false.
func stageState(v string, opt Options) (st data.DealState, known, mapped bool) {
	k := StageKey(v)
	if st, ok := opt.Stages[k]; ok {
		_, known = stateNames[k]
		return st, known, true
	}
	if st, ok := stateNames[k]; ok {
		return st, true, false
	}
	return data.DealSubmitted, false, false
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// dateOrders decides, per date column, from all its values, whether
// slashed dates are day or month first.
func (p *Preview) dateOrders(t *Table, cols map[string]int) map[string]importer.DateOrder {
	orders := map[string]importer.DateOrder{}
	for _, key := range []string{"registered", "expected", "approved", "closed"} {
		i, ok := cols[key]
		if !ok {
			continue
		}
		values := make([]string, 0, len(t.Rows))
		for _, rec := range t.Rows {
			if i < len(rec) {
				values = append(values, rec[i])
			}
		}
		dc := importer.DetectDates(values)
		orders[key] = dc.Order
		if dc.Ambiguous {
			p.AmbiguousDates = append(p.AmbiguousDates, t.Header[i])
		}
	}
	return orders
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
func parseRow(rec []string, cols map[string]int, ix *partnerIndex, currency string, days int,
	orders map[string]importer.DateOrder, opt Options) Row {
	get := func(k string) string { return cell(rec, cols, k) }
	r := Row{Partner: get("partner")}
	d := &r.Deal
	d.Customer, d.CustomerTaxID, d.CustomerDomain, d.Product, d.Reason =
		get("customer"), get("tax_id"), get("domain"), get("product"), get("reason")
	d.CustomerKey = format.NormalizeCompany(d.Customer)
	if d.PartnerID = ix.find(r.Partner); d.PartnerID == 0 {
		r.Err = data.Invalid("partner", "err.deals_unknown_partner", map[string]any{"Value": r.Partner})
		return r
	}
	amount, cur, ok := importer.ReadAmount(get("amount"), currency)
	if !ok || amount < 0 {
		r.Err = data.Invalid("amount", "err.deals_amount", map[string]any{"Value": get("amount")})
		return r
	}
	d.Amount = amount
	if cur != "" && !strings.EqualFold(cur, currency) {
		r.Currency = cur
	}
	if r.Err = parseDates(d, get, orders); r.Err != nil {
		return r
	}
	r.UnknownStage = parseState(d, get("state"), days, opt)
	r.Err = d.Validate()
	return r
}

func parseDates(d *data.Deal, get func(string) string, orders map[string]importer.DateOrder) error {
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
		iso, ok := importer.ReadDate(v, orders[f.col])
		if !ok {
			return data.Invalid(f.field, "err.deals_date", map[string]any{"Value": v})
		}
		*f.dst = iso
	}
	return nil
}

// parseState reads the state (default submitted) and fills the dates an
// approved deal needs. A stage nobody knows is no reason to refuse the
// deal: it is registered (submitted) and the stage is returned, to be
// listed for the user to map.
func parseState(d *data.Deal, s string, days int, opt Options) (unknown string) {
	d.State = data.DealSubmitted
	if s != "" {
		st, known, mapped := stageState(s, opt)
		d.State = st
		if !known && !mapped {
			unknown = s
		}
	}
	if d.State == data.DealApproved || d.ApprovedOn != "" {
		if d.ApprovedOn == "" {
			d.ApprovedOn = d.RegisteredOn
		}
		d.ProtectedUntil = data.AddDays(d.ApprovedOn, days)
	}
	return unknown
}

// Import stores every row of a preview in one transaction, or none: a
// preview with any row error is refused.
func Import(ctx context.Context, s *data.Store, p *Preview) (int, error) {
	if p.Errors > 0 {
		return 0, data.Invalid("file", "err.deals_import_rows", map[string]any{"Count": p.Errors})
	}
	err := s.WithTx(ctx, func(tx *data.Tx) error {
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
