package data

import (
	"context"
	"strings"
	"unicode/utf8"
)

// MDFRequestState is where a funding request stands.
type MDFRequestState string

// Request states: draft → submitted → approved / rejected / cancelled;
// an approved request whose claim deadline passes unclaimed expires.
const (
	RequestDraft     MDFRequestState = "draft"
	RequestSubmitted MDFRequestState = "submitted"
	RequestApproved  MDFRequestState = "approved"
	RequestRejected  MDFRequestState = "rejected"
	RequestCancelled MDFRequestState = "cancelled"
	RequestExpired   MDFRequestState = "expired"
)

// MDFRequestStates lists every request state in display order.
var MDFRequestStates = []MDFRequestState{RequestDraft, RequestSubmitted, RequestApproved, RequestRejected, RequestCancelled, RequestExpired}

// MDFRequest is a partner's request for money for one marketing activity.
type MDFRequest struct {
	ID               int64
	FundID           int64
	PartnerID        int64
	Activity         MDFActivity
	Description      string
	StartsOn         string
	EndsOn           string
	Requested        int64
	Approved         int64 // approved amount; ≤ Requested
	ExpectedLeads    int64
	ExpectedPipeline int64
	State            MDFRequestState
	Reason           string // why it was rejected or cancelled
	SubmittedOn      string
	ApprovedOn       string
	ClosedOn         string
	CreatedAt        string
	UpdatedAt        string
}

// MaxMDFText is the longest description, reason or note.
const MaxMDFText = 2000

// Validate checks what a person types into a request.
func (r *MDFRequest) Validate() error {
	r.Description = strings.TrimSpace(r.Description)
	switch {
	case !r.Activity.Valid():
		return Invalid("mdf_activity", "err.mdf_activity", map[string]any{"Value": string(r.Activity)})
	case r.Description == "":
		return Invalid("mdf_description", "err.required", nil)
	case utf8.RuneCountInString(r.Description) > MaxMDFText:
		return Invalid("mdf_description", "err.too_long", map[string]any{"Max": MaxMDFText})
	case !isoDay(r.StartsOn):
		return Invalid("mdf_starts_on", "err.mdf_date", nil)
	case !isoDay(r.EndsOn) || r.EndsOn < r.StartsOn:
		return Invalid("mdf_ends_on", "err.mdf_ends_before", nil)
	case r.Requested <= 0:
		return Invalid("mdf_requested", "err.mdf_positive", nil)
	case r.ExpectedLeads < 0 || r.ExpectedPipeline < 0:
		return Invalid("mdf_expected", "err.mdf_negative", nil)
	}
	return nil
}

const mdfRequestCols = `id, fund_id, partner_id, activity, description, starts_on, ends_on, requested, approved_amount,
	expected_leads, expected_pipeline, state, reason, submitted_on, approved_on, closed_on, created_at, updated_at`

func scanMDFRequest(r scanner) (*MDFRequest, error) {
	var q MDFRequest
	err := r.Scan(&q.ID, &q.FundID, &q.PartnerID, &q.Activity, &q.Description, &q.StartsOn, &q.EndsOn, &q.Requested,
		&q.Approved, &q.ExpectedLeads, &q.ExpectedPipeline, &q.State, &q.Reason, &q.SubmittedOn, &q.ApprovedOn,
		&q.ClosedOn, &q.CreatedAt, &q.UpdatedAt)
	return &q, err
}

// InsertMDFRequestTx stores a new request as a draft.
func (s *Store) InsertMDFRequestTx(ctx context.Context, tx *Tx, r *MDFRequest) error {
	if err := r.Validate(); err != nil {
		return err
	}
	r.State, r.CreatedAt, r.UpdatedAt = RequestDraft, s.now(), s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO mdf_requests (id, fund_id, partner_id, activity, description, starts_on,
		ends_on, requested, expected_leads, expected_pipeline, state, created_at, updated_at) VALUES (`+teamID("mdf_requests")+`, ?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.FundID, r.PartnerID, r.Activity, r.Description, r.StartsOn, r.EndsOn, r.Requested, r.ExpectedLeads,
		r.ExpectedPipeline, r.State, r.CreatedAt, r.UpdatedAt)
	if err != nil {
		return notFoundIfFK(err, "partner")
	}
	r.ID, err = res.LastInsertId()
	return err
}

// UpdateMDFRequestTx writes every field of a request back.
func (s *Store) UpdateMDFRequestTx(ctx context.Context, tx *Tx, r *MDFRequest) error {
	if err := r.Validate(); err != nil {
		return err
	}
	r.UpdatedAt = s.now()
	_, err := tx.ExecContext(ctx, `UPDATE mdf_requests SET activity=?, description=?, starts_on=?, ends_on=?, requested=?,
		approved_amount=?, expected_leads=?, expected_pipeline=?, state=?, reason=?, submitted_on=?, approved_on=?,
		closed_on=?, updated_at=? WHERE id=?`, r.Activity, r.Description, r.StartsOn, r.EndsOn, r.Requested, r.Approved,
		r.ExpectedLeads, r.ExpectedPipeline, r.State, r.Reason, r.SubmittedOn, r.ApprovedOn, r.ClosedOn, r.UpdatedAt, r.ID)
	return err
}

// MDFRequestTx reads one request.
func MDFRequestTx(ctx context.Context, q MDFQuerier, id int64) (*MDFRequest, error) {
	r, err := scanMDFRequest(q.QueryRowContext(ctx, `SELECT `+mdfRequestCols+` FROM mdf_requests WHERE id = ?`, id))
	return r, notFoundIf(err, "mdf_request")
}

// MDFRequests lists requests matching where (a SQL condition over
// mdf_requests, "" for all), newest first.
func MDFRequests(ctx context.Context, q MDFQuerier, where string, args ...any) ([]MDFRequest, error) {
	query := `SELECT ` + mdfRequestCols + ` FROM mdf_requests`
	if where != "" {
		query += ` WHERE ` + where
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY starts_on DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var rs []MDFRequest
	for rows.Next() {
		r, err := scanMDFRequest(rows)
		if err != nil {
			return nil, err
		}
		rs = append(rs, *r)
	}
	return rs, rows.Err()
}
