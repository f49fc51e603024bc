package importer

import (
	"context"

	"channeldesk/app/format"
	"channeldesk/data"
)

// companyIDHeaders are the columns of a contacts export that hold the
// company's record ID (not the contact's own).
var companyIDHeaders = map[string]bool{"account id": true, "accountid": true, "company id": true,
	"associated company id": true, "organization id": true, "organisation id": true, "id компании": true,
	"код контрагента": true, "person organization id": true}

// contactIDHeaders are the columns of a contacts export that hold the
// person's own record ID.
var contactIDHeaders = map[string]bool{"record id": true, "contact id": true, "contactid": true, "person id": true,
	"id контакта": true, "id": true, "ид": true, "crm id": true}

// ContactRow is one row of a contacts file as the import will treat it.
type ContactRow struct {
	Num       int
	Action    Action // Create (a new contact), Merge (already there), Update (known by record ID, changed), Skip (no partner found), Reject
	RecordID  string // the person's ID in the source system
	ContactID int64  // Update: the stored contact
	Changes   []Change
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
	Mapping                                Mapping
	Rows                                   []ContactRow
	Created, Existing, Unmatched, Rejected int
	Updated                                int
	Source                                 string
}

// ContactMapping maps a contacts file's columns: the person's fields, the
// company's name, ИНН and website, and the person's own record ID (a
// column holding the company's record ID is read apart, see
// companyIDHeaders). In a plain list "Name" is the person's.
func ContactMapping(header []string) Mapping {
	m := DetectMapping(header)
	if !m.Has(FContactName) && !m.Has(FContactFirst) && !m.Has(FContactLast) && !m.Has(FContactEmail) {
		for i, f := range m {
			if f == FName {
				m[i] = FContactName
			}
		}
	}
	for i, h := range header {
		if companyIDHeaders[headerKey(h)] && m[i] == FRecordID {
			m[i] = Ignore
		}
	}
	for i, h := range header {
		if contactIDHeaders[headerKey(h)] && !m.Has(FRecordID) {
			m[i] = FRecordID
		}
	}
	return m
}

// PlanContacts reads a contacts export (HubSpot, Salesforce, Bitrix24 or
// a plain spreadsheet) and links each contact to a stored partner by the
// company's record ID in the same source, its ИНН, its name, or the
// contact's e-mail domain. A contact whose company is not found is
// listed (Skip), never dropped silently.
func PlanContacts(ctx context.Context, s *data.Store, t *Table, opt Options) (*ContactPreview, error) {
	return PlanContactsWith(ctx, s, t, ContactMapping(t.Header), opt)
}

// PlanContactsWith is PlanContacts with the user's column mapping (and
// their single-cell fixes in opt). A contact whose record ID in the same
// source is stored updates that person.
func PlanContactsWith(ctx context.Context, s *data.Store, t *Table, m Mapping, opt Options) (*ContactPreview, error) {
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
	known, err := s.ContactsBySourceID(ctx, opt.Source)
	if err != nil {
		return nil, err
	}
	p := &ContactPreview{Table: t, Mapping: m, Source: opt.Source}
	for i, rec := range t.Rows {
		if i%1000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if len(opt.Fixes) > 0 {
			rec = fixedRecord(rec, i, opt.Fixes, len(t.Header))
		}
		r := readContactRow(t, m, rec, companyID, ex)
		r.Num = t.RowNums[i]
		if opt.Source != "file" {
			r.update(known)
		}
		p.count(r.Action)
		p.Rows = append(p.Rows, r)
	}
	return p, nil
}

// update turns a row whose record ID names a stored contact into an
// update of that person (their company stays), listing what changes; a
// row that changes nothing is already there.
func (r *ContactRow) update(known map[string]data.Contact) {
	c, ok := known[r.RecordID]
	if r.RecordID == "" || !ok || r.Action == Reject {
		return
	}
	next := c
	set := func(f Field, dst *string, v string) {
		if v != "" && v != *dst {
			r.Changes = append(r.Changes, Change{Field: f, Old: *dst, New: v})
			*dst = v
		}
	}
	set(FContactName, &next.Name, r.Contact.Name)
	set(FContactEmail, &next.Email, r.Contact.Email)
	set(FContactPhone, &next.Phone, r.Contact.Phone)
	set(FContactRole, &next.Role, r.Contact.Role)
	r.Contact, r.ContactID, r.PartnerID = next, c.ID, c.PartnerID
	r.Action = Merge
	if len(r.Changes) > 0 {
		r.Action = Update
	}
}

func (p *ContactPreview) count(a Action) {
	switch a {
	case Create:
		p.Created++
	case Merge:
		p.Existing++
	case Skip:
		p.Unmatched++
	case Update:
		p.Updated++
	default:
		p.Rejected++
	}
}

func readContactRow(t *Table, m Mapping, rec []string, companyID int, ex *existing) ContactRow {
	vals, cols := cells(m, rec)
	r := ContactRow{Company: vals[FName], RecordID: vals[FRecordID]}
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

// ApplyContacts adds the new contacts of a preview and updates those
// known by record ID, in one transaction, recording each contact's
// record ID; a cancelled ctx or any error leaves the database as it was.
// It returns how many contacts were added and updated.
func ApplyContacts(ctx context.Context, s *data.Store, p *ContactPreview) (int, error) {
	added, _, err := ApplyContactsCounted(ctx, s, p)
	return added, err
}

// ApplyContactsCounted is ApplyContacts returning the added and updated counts.
func ApplyContactsCounted(ctx context.Context, s *data.Store, p *ContactPreview) (added, updated int, err error) {
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		added, updated = 0, 0
		w, err := s.NewContactWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		for i := range p.Rows {
			r := &p.Rows[i]
			if i%500 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			c := r.Contact
			switch r.Action {
			case Create:
				c.PartnerID, c.Primary = r.PartnerID, false
				if err := w.Add(ctx, &c); err != nil {
					return err
				}
				added++
			case Update:
				if err := w.Update(ctx, &c); err != nil {
					return err
				}
				updated++
			default:
				continue
			}
			if r.RecordID != "" && p.Source != "file" {
				if err := w.SetID(ctx, p.Source, r.RecordID, c.ID); err != nil {
					return err
				}
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return 0, 0, err
	}
	return added, updated, nil
}
