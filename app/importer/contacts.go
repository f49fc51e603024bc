package importer

import (
	"context"
	"database/sql"

	"channeldesk/app/format"
	"channeldesk/data"
)

// companyIDHeaders are the columns of a contacts export that hold the
// company's record ID (not the contact's own).
var companyIDHeaders = map[string]bool{"account id": true, "accountid": true, "company id": true,
	"associated company id": true, "organization id": true, "organisation id": true, "id компании": true,
	"код контрагента": true, "person organization id": true}

// ContactRow is one row of a contacts file as the import will treat it.
type ContactRow struct {
	Num       int
	Action    Action // Create (a new contact), Merge (already there), Skip (no partner found), Reject
	Contact   data.Contact
	Company   string // as written in the file
	PartnerID int64
	Partner   string // the partner it is linked to
	LinkedBy  Field  // FRecordID, FINN, FName or FWebsite (e-mail domain)
	Column    string
	Err       *data.Error
}

// ContactPreview is what a contacts import would do.
type ContactPreview struct {
	Table                                  *Table
	Rows                                   []ContactRow
	Created, Existing, Unmatched, Rejected int
	Source                                 string
}

// PlanContacts reads a contacts export (HubSpot, Salesforce, Bitrix24 or
// a plain spreadsheet) and links each contact to a stored partner by the
// company's record ID in the same source, its ИНН, its name, or the
// contact's e-mail domain. A contact whose company is not found is
// listed (Skip), never dropped silently.
func PlanContacts(ctx context.Context, s *data.Store, t *Table, opt Options) (*ContactPreview, error) {
	m := DetectMapping(t.Header)
	if !m.Has(FContactName) && !m.Has(FContactFirst) && !m.Has(FContactLast) && !m.Has(FContactEmail) {
		// a plain list: "Name" is the person's
		for i, f := range m {
			if f == FName {
				m[i] = FContactName
			}
		}
	}
	companyID := -1
	for i, h := range t.Header {
		if companyIDHeaders[headerKey(h)] {
			companyID = i
		}
	}
	if opt.Source == "" {
		opt.Source = DetectSource(t.Header)
	}
	ex, err := loadExisting(ctx, s, opt.Source)
	if err != nil {
		return nil, err
	}
	p := &ContactPreview{Table: t, Source: opt.Source}
	for i, rec := range t.Rows {
		if i%1000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		r := readContactRow(t, m, rec, companyID, ex)
		r.Num = t.RowNums[i]
		p.count(r.Action)
		p.Rows = append(p.Rows, r)
	}
	return p, nil
}

func (p *ContactPreview) count(a Action) {
	switch a {
	case Create:
		p.Created++
	case Merge:
		p.Existing++
	case Skip:
		p.Unmatched++
	default:
		p.Rejected++
	}
}

func readContactRow(t *Table, m Mapping, rec []string, companyID int, ex *existing) ContactRow {
	vals, cols := cells(m, rec)
	r := ContactRow{Company: vals[FName]}
	c, bad := readContact(vals, "")
	switch {
	case bad != "":
		r.Action, r.Column = Reject, t.Header[cols[bad]]
		r.Err = data.Invalid("email", "err.email", map[string]any{"Value": vals[bad]})
		return r
	case c == nil:
		r.Action, r.Err = Reject, data.Invalid("contact_name", "err.required", nil)
		return r
	}
	r.Contact = *c
	if err := c.Validate(); err != nil {
		e, _ := data.AsError(err)
		r.Action, r.Err = Reject, e
		return r
	}
	r.PartnerID, r.LinkedBy = ex.link(vals, rec, companyID, c.Email)
	if r.PartnerID == 0 {
		r.Action = Skip
		return r
	}
	r.Partner = ex.names[r.PartnerID]
	r.Action = Create
	if ex.emails[r.PartnerID][contactKey(c.Name, c.Email)] {
		r.Action = Merge
	} else {
		ex.addContact(r.PartnerID, c.Name, c.Email)
	}
	return r
}

// link finds the stored partner a contact belongs to.
func (ex *existing) link(vals map[Field]string, rec []string, companyID int, email string) (int64, Field) {
	if companyID >= 0 && companyID < len(rec) {
		if id, ok := ex.byRecord[rec[companyID]]; ok && rec[companyID] != "" {
			return id, FRecordID
		}
	}
	if inn := taxDigits(vals[FINN]); inn != "" {
		if id, ok := ex.byINN[inn]; ok {
			return id, FINN
		}
	}
	if k := format.NormalizeCompany(vals[FName]); k != "" {
		if id, ok := ex.byKey[k]; ok {
			return id, FName
		}
	}
	if d := format.CompanyDomain(email); d != "" {
		if id, ok := ex.byDomain[d]; ok {
			return id, FWebsite
		}
	}
	return 0, ""
}

// ApplyContacts adds the new contacts of a preview in one transaction;
// a cancelled ctx or any error leaves the database as it was.
func ApplyContacts(ctx context.Context, s *data.Store, p *ContactPreview) (int, error) {
	n := 0
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		n = 0
		w, err := s.NewBulkWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		for i := range p.Rows {
			r := &p.Rows[i]
			if i%500 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if r.Action != Create {
				continue
			}
			c := r.Contact
			c.PartnerID, c.Primary = r.PartnerID, false
			if err := w.AddContact(ctx, &c); err != nil {
				return err
			}
			n++
		}
		return ctx.Err()
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}
