package importer

import (
	"context"
	"encoding/json"
	"time"

	"channeldesk/data"
)

// Result counts what an import wrote.
type Result struct {
	Created int
	Merged  int
	Updated int
	Skipped int // rejected rows, and rows the value map skips, left out
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
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		res = Result{}
		w, err := newWriter(ctx, tx, s, len(p.Rows), author)
		if err != nil {
			return err
		}
		w.source = p.Source
		defer w.close()
		for i := range p.Rows {
			if i%500 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil {
					progress(i, len(p.Rows))
				}
			}
			if err := w.apply(ctx, i, &p.Rows[i]); err != nil {
				return err
			}
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
	case Update:
		r.Updated++
	default:
		r.Skipped++
	}
}

// writer applies rows inside the import's transaction with prepared
// statements, remembering the partner each row became.
type writer struct {
	bulk   *data.BulkWriter
	src    *data.SourceWriter
	source string
	ids    []int64
	at     string
	author string
}

func newWriter(ctx context.Context, tx *data.Tx, s *data.Store, rows int, author string) (*writer, error) {
	bulk, err := s.NewBulkWriter(ctx, tx)
	if err != nil {
		return nil, err
	}
	src, err := s.NewSourceWriter(ctx, tx)
	if err != nil {
		bulk.Close()
		return nil, err
	}
	return &writer{bulk: bulk, src: src, ids: make([]int64, rows), at: s.Now().UTC().Format(time.RFC3339),
		author: author}, nil
}

func (w *writer) close() {
	w.bulk.Close()
	w.src.Close()
}

// apply writes row i: a new partner, or a merge into a stored one or into
// an earlier row of the file; then its contact and note.
func (w *writer) apply(ctx context.Context, i int, row *Row) error {
	var id int64
	switch row.Action {
	case Reject, Skip:
		return nil
	case Create:
		p := row.Partner
		p.CreatedAt = w.at
		if err := w.bulk.CreatePartner(ctx, &p); err != nil {
			return err
		}
		id = p.ID
	case Merge:
		id = row.MergeID
		if row.MergeRow >= 0 {
			id = w.ids[row.MergeRow]
		}
		if err := w.bulk.FillBlanks(ctx, id, &row.Partner); err != nil {
			return err
		}
	case Update:
		id = row.MergeID
		if row.Applied() {
			p := row.Partner
			if err := w.src.Update(ctx, &p); err != nil {
				return err
			}
		}
	}
	w.ids[i] = id
	if row.RecordID != "" && w.source != "" {
		imported := ""
		if row.Action == Create || row.Action == Update {
			if row.Imported == nil {
				row.Imported = importedValues(&row.Partner)
			}
			b, err := json.Marshal(row.Imported)
			if err != nil {
				return err
			}
			imported = string(b)
		}
		if err := w.src.SetID(ctx, w.source, row.RecordID, id, imported); err != nil {
			return err
		}
	}
	if row.Source != nil && (row.Action == Create || (row.SourceGiven && row.Action == Merge)) {
		src := *row.Source
		src.PartnerID, src.CapturedAt = id, w.at
		if err := w.bulk.AddSource(ctx, &src); err != nil {
			return err
		}
	}
	if row.Contact != nil {
		c := *row.Contact
		c.PartnerID, c.Primary = id, row.Action == Create
		if err := w.bulk.AddContact(ctx, &c); err != nil {
			return err
		}
	}
	if row.Note == "" {
		return nil
	}
	return w.bulk.AddNote(ctx, id, w.at, w.author, row.Note, row.Action != Create)
}
