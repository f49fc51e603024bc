package importer

import (
	"context"
	"database/sql"
	"time"

	"channeldesk/data"
)

// Result counts what an import wrote.
type Result struct {
	Created int
	Merged  int
	Skipped int // rejected rows left out
}

// Progress is told how many rows of total are done; it may be nil.
type Progress func(done, total int)

// Apply imports the valid rows of a preview in one transaction: new
// partners with their contact and note, merges that fill a known
// partner's blank fields and add its new contact. Rejected rows are
// skipped. Any error, or ctx being cancelled, leaves the database as it
// was.
func Apply(ctx context.Context, s *data.Store, p *Preview, author string, progress Progress) (Result, error) {
	var res Result
	err := s.WithTx(ctx, func(tx *sql.Tx) error {
		res = Result{}
		w, err := s.NewBulkWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		ids := make([]int64, len(p.Rows))
		at := s.Now().UTC().Format(time.RFC3339)
		for i := range p.Rows {
			if i%500 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil {
					progress(i, len(p.Rows))
				}
			}
			id, err := applyRow(ctx, tx, w, &p.Rows[i], ids, at, author)
			if err != nil {
				return err
			}
			ids[i] = id
			res.count(p.Rows[i].Action)
		}
		return ctx.Err()
	})
	if err != nil {
		return Result{}, err
	}
	if progress != nil {
		progress(len(p.Rows), len(p.Rows))
	}
	return res, nil
}

func (r *Result) count(a Action) {
	switch a {
	case Create:
		r.Created++
	case Merge:
		r.Merged++
	default:
		r.Skipped++
	}
}

func applyRow(ctx context.Context, tx *sql.Tx, w *data.BulkWriter, row *Row, ids []int64, at, author string) (int64, error) {
	var id int64
	switch row.Action {
	case Reject:
		return 0, nil
	case Create:
		p := row.Partner
		p.CreatedAt = at
		if err := w.CreatePartner(ctx, &p); err != nil {
			return 0, err
		}
		id = p.ID
	case Merge:
		id = row.MergeID
		if row.MergeRow >= 0 {
			id = ids[row.MergeRow]
		}
		if err := fillBlanks(ctx, tx, id, &row.Partner); err != nil {
			return 0, err
		}
	}
	if row.Contact != nil {
		c := *row.Contact
		c.PartnerID = id
		c.Primary = row.Action == Create
		if err := w.AddContact(ctx, &c); err != nil {
			return 0, err
		}
	}
	if row.Note == "" {
		return id, nil
	}
	return id, w.AddNote(ctx, id, at, author, row.Note, row.Action == Merge)
}

// fillBlanks copies a merged row's values into the stored partner's empty
// fields; what the manager already entered is never overwritten.
func fillBlanks(ctx context.Context, tx *sql.Tx, id int64, p *data.Partner) error {
	_, err := tx.ExecContext(ctx, `UPDATE partners SET
		legal_name = CASE WHEN legal_name = '' THEN ? ELSE legal_name END,
		country = CASE WHEN country = '' THEN ? ELSE country END,
		region = CASE WHEN region = '' THEN ? ELSE region END,
		city = CASE WHEN city = '' THEN ? ELSE city END,
		website = CASE WHEN website = '' THEN ? ELSE website END,
		verticals = CASE WHEN verticals = '' THEN ? ELSE verticals END,
		capabilities = CASE WHEN capabilities = '' THEN ? ELSE capabilities END,
		products = CASE WHEN products = '' THEN ? ELSE products END,
		tags = CASE WHEN tags = '' THEN ? ELSE tags END,
		account_manager = CASE WHEN account_manager = '' THEN ? ELSE account_manager END
		WHERE id = ?`,
		p.LegalName, p.Country, p.Region, p.City, p.Website, data.JoinList(p.Verticals), data.JoinList(p.Capabilities),
		data.JoinList(p.Products), data.JoinList(p.Tags), p.AccountManager, id)
	return err
}
