package kit

import (
	"context"
	"errors"
	"fmt"
	"io"

	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// Kind of row in the preview.
const (
	RowDeal          = "deal"
	RowRequest       = "mdf_request"
	RowClaim         = "mdf_claim"
	RowActual        = "plan_actual"
	RowContactNew    = "contact_new"
	RowContactChange = "contact_changed"
	RowContactLeft   = "contact_left"
	RowCert          = "certification"
	RowApplication   = "application"
	RowLeadAccept    = "lead_accept"
	RowLeadDecline   = "lead_decline"
	RowLeadAnswer    = "lead_answer" // an answer the import could not read
)

// Item is one row of a returned kit in the preview: what it is, what it
// says and what happens to it.
type Item struct {
	Sheet   string
	Line    int
	Kind    string
	Summary string // the row in a few words
	Hash    string
	// Err is why the row cannot be accepted (the same typed error manual
	// entry gives); nil when it can.
	Err error
	// Warning is something the manager should see on an acceptable row:
	// a deal conflict, a claim above the approved amount.
	Warning error
	// Done says the row was handled when this kit was imported before.
	Done bool
	// Rejected is the manager's decision to refuse an acceptable row.
	Rejected bool
	Reason   string
	// Proofs are the files attached to a claim: those it names that came
	// with the kit and those the manager attached by hand (also in
	// ByHand); Missing are the names it gives that match no file.
	Proofs, Missing, ByHand []string
}

// Accepted says whether the row is (or would be) stored.
func (it Item) Accepted() bool { return it.Err == nil && !it.Done && !it.Rejected }

// Preview is a returned kit checked against the database.
type Preview struct {
	Marker      *Marker
	PartnerName string
	Items       []Item
	// Unnamed are the files dropped with the kit that no claim took, by
	// name or by hand: the manager may attach them (ImportOptions.Attach).
	Unnamed []string
}

// Decision is the manager's choice for one row, by its hash.
type Decision struct {
	Reject bool
	Reason string // required to reject; goes back to the partner
}

// ImportOptions say how to import.
type ImportOptions struct {
	// PartnerID, when set, is the partner the kit must belong to.
	PartnerID int64
	// Commit stores the accepted rows; otherwise the preview changes nothing.
	Commit bool
	// Decisions are the manager's rejections by row hash; rows without one
	// are accepted when valid.
	Decisions map[string]Decision
	// Say turns a refused row's error into the text stored with it (it
	// goes back to the partner in the next kit); nil stores the error key.
	Say func(error) string
	// EventText is the timeline text of an accepted row, from the kit's
	// date and the row's summary; nil gives an English line.
	EventText func(kitDate, summary string) string
	Author    string
	// Proofs are files that came with the kit (dropped onto the window
	// with it); a claim that names one gets it attached (see matchProof).
	Proofs []mdf.ProofFile
	// Attach are the manager's own choices: a claim row (by its hash)
	// gets these files of Proofs (by name) besides those it names.
	Attach map[string][]string
}

// errPreview rolls the preview's transaction back.
var errPreview = errors.New("preview only")

// Import reads a returned kit and checks every row under the rules of
// manual entry, in one transaction. With opt.Commit the accepted rows and
// the record of every handled row are stored; without it nothing changes.
func Import(ctx context.Context, s *data.Store, r io.Reader, opt ImportOptions) (*Preview, error) {
	secret, err := s.KitSecret(ctx)
	if err != nil {
		return nil, err
	}
	ret, err := Read(r, secret)
	if err != nil {
		return nil, err
	}
	return Apply(ctx, s, ret, opt)
}

// Apply checks (and with opt.Commit stores) the rows of a read kit.
func Apply(ctx context.Context, s *data.Store, ret *Returned, opt ImportOptions) (*Preview, error) {
	m := ret.Marker
	if opt.PartnerID != 0 && m.PartnerID != opt.PartnerID {
		return nil, data.Conflict("err.kit_other_partner", nil)
	}
	if m.Kind == KindApplication {
		return applyApplication(ctx, s, ret, opt)
	}
	p, err := s.Partner(ctx, m.PartnerID)
	if err != nil {
		return nil, err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	pv := &Preview{Marker: m, PartnerName: p.Name}
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		im := &importer{ctx: ctx, tx: tx, s: s, m: m, lang: ret.Lang, currency: st.Currency, opt: opt,
			today: s.Now().Format(format.DateLayout), usedProofs: map[int]bool{}}
		for i, row := range ret.Rows {
			it, err := im.row(i, row)
			if err != nil {
				return err
			}
			if it != nil {
				pv.Items = append(pv.Items, *it)
			}
		}
		pv.Unnamed = im.unnamedProofs()
		if !opt.Commit {
			return errPreview
		}
		return nil
	})
	if errors.Is(err, errPreview) {
		err = nil
	}
	return pv, err
}

// importer carries one import's transaction and context.
type importer struct {
	ctx      context.Context
	tx       *data.Tx
	s        *data.Store
	m        *Marker
	lang     format.Lang
	currency string
	today    string
	opt      ImportOptions
	// usedProofs are the indexes of opt.Proofs a claim row took.
	usedProofs map[int]bool
}

// row handles one tagged row inside its own savepoint: the row's change
// stays only when it is valid and the manager did not reject it.
func (im *importer) row(i int, r Row) (*Item, error) {
	handle := im.handler(r)
	if handle == nil {
		return nil, nil
	}
	if o, done, err := data.KitRowDone(im.ctx, im.tx, im.m.KitID, r.Sheet, r.Hash); err != nil {
		return nil, err
	} else if done {
		return &Item{Sheet: r.Sheet, Line: r.Line, Hash: r.Hash, Done: true, Rejected: o == data.KitRejected}, nil
	}
	sp := fmt.Sprintf("kit%d", i)
	if err := data.Savepoint(im.ctx, im.tx, sp); err != nil {
		return nil, err
	}
	it := &Item{Sheet: r.Sheet, Line: r.Line, Hash: r.Hash}
	err := handle(r, it)
	if it.Kind == "" { // a row the partner left as it was
		return nil, data.RollbackToSavepoint(im.ctx, im.tx, sp)
	}
	if d, ok := im.opt.Decisions[r.Hash]; ok && d.Reject && err == nil {
		it.Rejected, it.Reason = true, d.Reason
	}
	if err != nil {
		if _, ok := data.AsError(err); !ok {
			return nil, err // not a rule: a database failure stops the import
		}
		it.Err = err
	}
	if !it.Accepted() {
		if err := data.RollbackToSavepoint(im.ctx, im.tx, sp); err != nil {
			return nil, err
		}
	} else {
		if err := data.ReleaseSavepoint(im.ctx, im.tx, sp); err != nil {
			return nil, err
		}
		if err := im.event(it); err != nil {
			return nil, err
		}
	}
	return it, im.record(it)
}

// handler picks the rule for a row's tag; nil for rows the import ignores.
func (im *importer) handler(r Row) func(Row, *Item) error {
	switch {
	case r.Sheet == sheetDeals && r.Tag == tagDeal:
		return im.deal
	case r.Sheet == sheetMDF && r.Tag == tagRequest:
		return im.request
	case r.Sheet == sheetMDF && needsRef(r.Tag) && r.Tag[:len(tagClaim)] == tagClaim:
		return im.claim
	case r.Sheet == sheetPlan && needsRef(r.Tag):
		return im.actual
	case r.Sheet == sheetPeople && r.Tag == tagContact:
		return im.newContact
	case r.Sheet == sheetPeople && needsRef(r.Tag):
		return im.contact
	case r.Sheet == sheetPeople && r.Tag == tagCert:
		return im.cert
	case r.Sheet == sheetLeads && needsRef(r.Tag):
		return im.lead
	}
	return nil
}

// event puts an accepted row in the partner's timeline.
func (im *importer) event(it *Item) error {
	if !im.opt.Commit {
		return nil
	}
	body := "From the partner kit of " + im.m.KitDate + ": " + it.Summary
	if im.opt.EventText != nil {
		body = im.opt.EventText(im.m.KitDate, it.Summary)
	}
	return data.InsertEventTx(im.ctx, im.tx, &data.Event{PartnerID: im.m.PartnerID, Kind: data.EventKit,
		At: im.s.Now().UTC().Format("2006-01-02T15:04:05Z07:00"), Author: im.opt.Author, Body: body, Shareable: false})
}

// record keeps the row's outcome so the same kit imported again creates
// nothing, and a refused row's reason goes back in the next kit.
func (im *importer) record(it *Item) error {
	if !im.opt.Commit {
		return nil
	}
	kr := &data.KitRow{KitID: im.m.KitID, Sheet: it.Sheet, RowHash: it.Hash, PartnerID: im.m.PartnerID, KitDate: im.m.KitDate,
		Outcome: data.KitAccepted, Summary: fmt.Sprintf("%d: %s", it.Line, it.Summary)}
	switch {
	case it.Err != nil:
		kr.Outcome, kr.Reason = data.KitRejected, im.say(partnerSafe(it.Err))
	case it.Rejected:
		kr.Outcome, kr.Reason = data.KitRejected, it.Reason
	}
	return im.s.InsertKitRowTx(im.ctx, im.tx, kr)
}

// partnerSafe is a refusal as the partner may read it in its next kit:
// errors that name a fund (an internal budget line) say the same without it.
func partnerSafe(err error) error {
	e, ok := data.AsError(err)
	if !ok {
		return err
	}
	switch e.Key {
	case "err.mdf_shortfall_partner", "err.mdf_shortfall_fund", "err.mdf_over_budget":
		return data.Conflict("err.kit_no_money", nil)
	case "err.mdf_not_eligible":
		return data.Invalid(e.Field, "err.kit_not_eligible", nil)
	}
	if _, named := e.Args["Fund"]; named {
		return data.Conflict("err.kit_no_money", nil)
	}
	return err
}

func (im *importer) say(err error) string {
	if im.opt.Say != nil {
		return im.opt.Say(err)
	}
	if e, ok := data.AsError(err); ok {
		return e.Error()
	}
	return err.Error()
}
