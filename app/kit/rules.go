package kit

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// text reads a text cell: never evaluated, at most max characters.
func text(r Row, i int, c column) (string, error) {
	v := r.cellAt(i)
	if c.max > 0 && utf8.RuneCountInString(v) > c.max {
		return "", data.Invalid(c.field, "err.too_long", map[string]any{"Max": c.max})
	}
	if c.req && v == "" {
		return "", data.Invalid(c.field, "err.required", nil)
	}
	return v, nil
}

// optMoney reads an optional amount (0 when blank).
func (im *importer) optMoney(r Row, i int, c column) (int64, error) {
	v := r.cellAt(i)
	if v == "" {
		if c.req {
			return 0, data.Invalid(c.field, "err.required", nil)
		}
		return 0, nil
	}
	return money(v, c.field, im.currency, im.lang)
}

func (im *importer) optCount(r Row, i int, c column) (int64, error) {
	if v := r.cellAt(i); v != "" {
		return count(v, c.field, im.lang)
	}
	return 0, nil
}

func optDay(r Row, i int, c column) (string, error) {
	v := r.cellAt(i)
	if v == "" {
		if c.req {
			return "", data.Invalid(c.field, "err.required", nil)
		}
		return "", nil
	}
	return day(v, c.field)
}

// firstErr returns the first error of a row's cells.
func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// deal registers a new opportunity exactly as the deal form does: the
// customer key normalised, conflicts with other partners' protection
// windows flagged (and shown), a customer the partner already registered
// named instead of registered twice.
func (im *importer) deal(r Row, it *Item) error {
	if r.blank(0, len(dealCols)) {
		return nil
	}
	it.Kind = RowDeal
	it.Summary = joinNonEmpty(" · ", r.cellAt(0), r.cellAt(3), r.cellAt(4))
	customer, e1 := text(r, 0, dealCols[0])
	taxID, e2 := text(r, 1, dealCols[1])
	site, e3 := text(r, 2, dealCols[2])
	product, e4 := text(r, 3, dealCols[3])
	amount, e5 := im.optMoney(r, 4, dealCols[4])
	closeOn, e6 := optDay(r, 6, dealCols[6])
	contact, e7 := text(r, 7, dealCols[7])
	notes, e8 := text(r, 8, dealCols[8])
	if err := firstErr(e1, e2, e3, e4, e5, e6, e7, e8); err != nil {
		return err
	}
	if cur := r.cellAt(5); cur != "" && !strings.EqualFold(cur, im.currency) {
		return data.Invalid("currency", "err.kit_currency", map[string]any{"Value": cur, "Currency": im.currency})
	}
	d := &data.Deal{PartnerID: im.m.PartnerID, Customer: customer, CustomerKey: format.NormalizeCompany(customer),
		CustomerTaxID: taxID, CustomerDomain: site, Product: product, Amount: amount, State: data.DealSubmitted,
		RegisteredOn: im.today, ExpectedCloseOn: closeOn}
	if err := d.Validate(); err != nil {
		return err
	}
	if had, err := data.OpenDealOfCustomerTx(im.ctx, im.tx, d.PartnerID, d.CustomerKey); err != nil {
		return err
	} else if had != nil {
		return data.Conflict("err.kit_deal_exists", map[string]any{"Date": had.RegisteredOn, "State": string(had.State)})
	}
	if err := im.s.CreateDealTx(im.ctx, im.tx, d); err != nil {
		return err
	}
	it.Summary = joinNonEmpty(" · ", it.Summary, contact, notes)
	cs, err := data.DealConflictsTx(im.ctx, im.tx, d.ID)
	if err != nil {
		return err
	}
	if len(cs) > 0 {
		it.Warning = data.Conflict("err.kit_deal_conflict", map[string]any{"Partner": cs[0].OtherPartner, "Date": cs[0].OtherRegister})
	}
	return nil
}

// activity reads an activity type by its label in either language.
func activity(label string) (data.MDFActivity, bool) {
	for _, l := range []string{"en", "ru"} {
		t, _ := translations(format.Lang(l))
		for _, a := range data.MDFActivities {
			if strings.EqualFold(strings.TrimSpace(t["mdf.activity."+string(a)]), label) || strings.EqualFold(string(a), label) {
				return a, true
			}
		}
	}
	return "", false
}

// request files a new MDF request as submitted: the fund whose period
// holds the activity's start and makes it eligible, then the same ledger
// check as the MDF screen (no more than the partner has available).
func (im *importer) request(r Row, it *Item) error {
	if r.blank(0, len(requestCols)) {
		return nil
	}
	it.Kind = RowRequest
	it.Summary = joinNonEmpty(" · ", r.cellAt(0), r.cellAt(1), r.cellAt(5))
	act, ok := activity(r.cellAt(0))
	if !ok {
		return data.Invalid("mdf_activity", "err.mdf_activity", map[string]any{"Value": r.cellAt(0)})
	}
	desc, e1 := text(r, 1, requestCols[1])
	from, e2 := optDay(r, 2, requestCols[2])
	to, e3 := optDay(r, 3, requestCols[3])
	planned, e4 := im.optMoney(r, 4, requestCols[4])
	requested, e5 := im.optMoney(r, 5, requestCols[5])
	leads, e6 := im.optCount(r, 6, requestCols[6])
	if err := firstErr(e1, e2, e3, e4, e5, e6); err != nil {
		return err
	}
	if planned > 0 && requested > planned {
		return data.Invalid("mdf_requested", "err.kit_over_planned", nil)
	}
	req := &data.MDFRequest{PartnerID: im.m.PartnerID, Activity: act, Description: desc, StartsOn: from, EndsOn: to,
		Requested: requested, ExpectedLeads: leads}
	if err := req.Validate(); err != nil {
		return err
	}
	fund, err := im.fundFor(req)
	if err != nil {
		return err
	}
	req.FundID = fund
	return mdf.RequestMDFTx(im.ctx, im.tx, im.s, req)
}

// fundFor is the partner's fund for a request: its period holds the start
// date, the activity is eligible and the partner has money in it.
func (im *importer) fundFor(req *data.MDFRequest) (int64, error) {
	funds, err := data.MDFFundsTx(im.ctx, im.tx)
	if err != nil {
		return 0, err
	}
	for _, f := range funds {
		if req.StartsOn < f.StartsOn || req.StartsOn > f.EndsOn || !f.Eligible(req.Activity) {
			continue
		}
		b, err := mdf.PartnerBalance(im.ctx, im.tx, f.ID, im.m.PartnerID)
		if err != nil {
			return 0, err
		}
		if b.Allocated > 0 {
			return f.ID, nil
		}
	}
	return 0, data.Invalid("mdf_starts_on", "err.kit_no_fund", map[string]any{"Date": req.StartsOn})
}

// claim files a claim against an approved request of this partner with
// the same checks as the MDF screen (approved, activity over, deadline not
// passed, no other live claim).
func (im *importer) claim(r Row, it *Item) error {
	in := len(claimShown)
	if r.blank(in, len(claimCols)) {
		return nil
	}
	id := tagID(r.Tag, tagClaim)
	it.Kind = RowClaim
	it.Summary = joinNonEmpty(" · ", fmt.Sprintf("#%d", id), r.cellAt(2), r.cellAt(in))
	req, err := data.MDFRequestTx(im.ctx, im.tx, id)
	if err != nil || req.PartnerID != im.m.PartnerID {
		return data.NotFound("mdf_request")
	}
	cost, e1 := im.optMoney(r, in, claimCols[0])
	leads, e2 := im.optCount(r, in+1, claimCols[1])
	proofs, e3 := text(r, in+2, claimCols[2])
	if err := firstErr(e1, e2, e3); err != nil {
		return err
	}
	c := &data.MDFClaim{RequestID: id, ActualCost: cost, Leads: leads}
	if proofs != "" {
		c.Note = "Proof files: " + proofs
	}
	files := im.proofs(proofs, it)
	if err := mdf.SubmitMDFClaimTx(im.ctx, im.tx, im.s, c, files); err != nil {
		return err
	}
	f, err := data.MDFFundTx(im.ctx, im.tx, req.FundID)
	if err != nil {
		return err
	}
	if pay := cost * int64(f.ShareBP) / 10000; pay > req.Approved {
		it.Warning = data.Conflict("err.kit_claim_capped", map[string]any{"Value": format.FormatMoney(req.Approved, im.currency, im.lang)})
	}
	return nil
}

// actual stores the quarters the partner changed. A quarter whose actual
// changed in the database since the kit was made is not overwritten: the
// row is refused naming the quarter and both figures.
func (im *importer) actual(r Row, it *Item) error {
	in := len(planShown)
	id := tagID(r.Tag, tagActual)
	var was [4]*int64 // nil: the kit showed no figure (kits before reported marks showed 0)
	if json.Unmarshal([]byte(r.Orig), &was) != nil {
		return data.Conflict("err.kit_tampered", nil)
	}
	o, partner, err := data.ObjectiveTx(im.ctx, im.tx, id)
	if err != nil || partner != im.m.PartnerID {
		it.Kind, it.Summary = RowActual, r.cellAt(0)
		return data.NotFound("objective")
	}
	var changes []string
	for q := 0; q < 4; q++ {
		v := r.cellAt(in + q)
		if v == "" {
			continue
		}
		n, err := count(v, "actual", im.lang)
		if err != nil || was[q] != nil && n == *was[q] {
			if err != nil {
				it.Kind, it.Summary = RowActual, r.cellAt(0)
				return err
			}
			continue
		}
		it.Kind, it.Summary = RowActual, r.cellAt(0)
		if changedSince(o, q, was[q]) {
			return data.Conflict("err.kit_actual_changed", map[string]any{"Quarter": q + 1, "Value": o.Actuals[q], "Kit": kitFigure(was[q])})
		}
		if err := data.SetActualTx(im.ctx, im.tx, id, q+1, n); err != nil {
			return err
		}
		changes = append(changes, fmt.Sprintf("Q%d %s › %d", q+1, kitFigure(was[q]), n))
	}
	if len(changes) > 0 {
		it.Summary += ": " + strings.Join(changes, ", ")
	}
	return nil
}

// changedSince reports whether quarter q of o changed in the database
// since the kit showed was (nil: no figure): another figure, or one
// reported where the kit showed none.
func changedSince(o data.Objective, q int, was *int64) bool {
	if was == nil {
		return o.HasActual(q)
	}
	return o.Actuals[q] != *was
}

// kitFigure is what the kit showed for a quarter: its figure, or – for none.
func kitFigure(was *int64) string {
	if was == nil {
		return "–"
	}
	return strconv.FormatInt(*was, 10)
}

// yes reads the "left the company" choice in either language.
func yes(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "yes" || s == "да" || s == "y" || s == "1" || s == "true"
}

// contact applies a partner's corrections to one of its people, or marks
// one who left (kept, with the day). A field changed in the database since the kit was
// made is not overwritten: the row is refused naming it.
func (im *importer) contact(r Row, it *Item) error {
	id := tagID(r.Tag, tagContact)
	var was [4]string
	if json.Unmarshal([]byte(r.Orig), &was) != nil {
		return data.Conflict("err.kit_tampered", nil)
	}
	now := [4]string{r.cellAt(0), r.cellAt(1), r.cellAt(2), r.cellAt(3)}
	left := yes(r.cellAt(4))
	if now == was && !left {
		return nil
	}
	it.Kind, it.Summary = RowContactChange, was[0]
	c, err := data.ContactTx(im.ctx, im.tx, im.m.PartnerID, id)
	if err != nil {
		return data.Conflict("err.kit_contact_gone", map[string]any{"Name": was[0]})
	}
	if left && c.Left() { // known already (the same kit imported again)
		it.Kind, it.Summary = "", ""
		return nil
	}
	if left {
		it.Kind = RowContactLeft
		return data.MarkContactLeftTx(im.ctx, im.tx, im.m.PartnerID, id, im.s.Today())
	}
	cur := [4]*string{&c.Name, &c.Role, &c.Email, &c.Phone}
	var changed []string
	for i := range now {
		if now[i] == was[i] {
			continue
		}
		if *cur[i] != was[i] {
			return &data.Error{Code: data.ECONFLICT, Field: contactCols[i].field, Key: "err.kit_contact_changed", Args: map[string]any{"Value": *cur[i]}}
		}
		if _, err := text(r, i, contactCols[i]); err != nil {
			return err
		}
		*cur[i] = now[i]
		changed = append(changed, fmt.Sprintf("%q › %q", was[i], now[i]))
	}
	it.Summary += ": " + strings.Join(changed, ", ")
	return im.s.SaveContactTx(im.ctx, im.tx, c)
}

// newContact adds a person the partner listed.
func (im *importer) newContact(r Row, it *Item) error {
	if r.blank(0, 4) {
		return nil
	}
	it.Kind = RowContactNew
	it.Summary = joinNonEmpty(" · ", r.cellAt(0), r.cellAt(1), r.cellAt(2))
	vals := make([]string, 4)
	for i := range vals {
		v, err := text(r, i, contactCols[i])
		if err != nil {
			return err
		}
		vals[i] = v
	}
	if _, err := data.ContactByNameTx(im.ctx, im.tx, im.m.PartnerID, vals[0]); err == nil {
		return data.Conflict("err.kit_contact_exists", map[string]any{"Name": vals[0]})
	}
	return im.s.SaveContactTx(im.ctx, im.tx, &data.Contact{PartnerID: im.m.PartnerID, Name: vals[0], Role: vals[1], Email: vals[2], Phone: vals[3]})
}

// cert adds a certification to one of the partner's people (one listed in
// the kit or added above it in the same kit).
func (im *importer) cert(r Row, it *Item) error {
	if r.blank(0, len(certCols)) {
		return nil
	}
	it.Kind = RowCert
	it.Summary = joinNonEmpty(" · ", r.cellAt(0), r.cellAt(1), r.cellAt(3))
	person, e1 := text(r, 0, certCols[0])
	name, e2 := text(r, 1, certCols[1])
	level, e3 := text(r, 2, certCols[2])
	earned, e4 := optDay(r, 3, certCols[3])
	expires, e5 := optDay(r, 4, certCols[4])
	if err := firstErr(e1, e2, e3, e4, e5); err != nil {
		return err
	}
	c, err := data.ContactByNameTx(im.ctx, im.tx, im.m.PartnerID, person)
	if err != nil {
		return data.Invalid("contact_name", "err.kit_person_unknown", map[string]any{"Name": person})
	}
	cert := &data.Certification{ContactID: c.ID, Name: name, Level: level, EarnedOn: earned, ExpiresOn: expires}
	if err := cert.Validate(); err != nil {
		return err
	}
	if had, err := data.CertificationExistsTx(im.ctx, im.tx, c.ID, name, earned); err != nil {
		return err
	} else if had {
		return data.Conflict("err.kit_cert_exists", nil)
	}
	return data.SaveCertificationTx(im.ctx, im.tx, cert)
}
