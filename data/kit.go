package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
)

// SettingKitSecret is the settings key of the per-database secret that
// signs partner kits, so a kit is matched only by the database that made it.
const SettingKitSecret = "kit.secret"

// EventKit is the timeline kind of a row accepted from a partner kit.
const EventKit EventKind = "kit"

// KitOutcome is what happened to one row of a returned kit.
type KitOutcome string

// Kit row outcomes.
const (
	KitAccepted KitOutcome = "accepted"
	KitRejected KitOutcome = "rejected"
)

// KitRow is one handled row of a returned kit.
type KitRow struct {
	KitID     string
	Sheet     string
	RowHash   string
	PartnerID int64
	KitDate   string
	Outcome   KitOutcome
	Summary   string // what the row said, in the partner's words
	Reason    string // why it was rejected; goes back in the next kit
	At        string
}

// KitSecret returns the database's kit-signing secret, making one the
// first time it is asked for.
func (s *Store) KitSecret(ctx context.Context) ([]byte, error) {
	var secret []byte
	err := s.withTx(ctx, func(tx *Tx) error {
		var v string
		err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, SettingKitSecret).Scan(&v)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if b, err := hex.DecodeString(v); err == nil && len(b) >= 32 {
			secret = b
			return nil
		}
		secret = make([]byte, 32)
		if _, err := rand.Read(secret); err != nil {
			return err
		}
		return SetSettingTx(ctx, tx, SettingKitSecret, hex.EncodeToString(secret))
	})
	return secret, err
}

// KitRowDone reports whether a row of a kit was already handled, and how.
func KitRowDone(ctx context.Context, q Querier, kitID, sheet, hash string) (KitOutcome, bool, error) {
	var o KitOutcome
	err := q.QueryRowContext(ctx, `SELECT outcome FROM kit_rows WHERE kit_id = ? AND sheet = ? AND row_hash = ?`,
		kitID, sheet, hash).Scan(&o)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return o, err == nil, err
}

// InsertKitRowTx records a handled row of a kit.
func (s *Store) InsertKitRowTx(ctx context.Context, tx *Tx, r *KitRow) error {
	if r.Outcome != KitAccepted && r.Outcome != KitRejected {
		return Invalid("outcome", "err.unknown_status", map[string]any{"Value": string(r.Outcome)})
	}
	if r.At == "" {
		r.At = s.now()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO kit_rows (kit_id, sheet, row_hash, partner_id, kit_date, outcome, summary, reason, at)
		VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`, r.KitID, r.Sheet, r.RowHash, r.PartnerID, r.KitDate, r.Outcome,
		r.Summary, strings.TrimSpace(r.Reason), r.At)
	return notFoundIfFK(err, "partner")
}

// KitRejections returns the rows rejected from a partner's last returned
// kit (the one imported most recently), for its next kit.
func (s *Store) KitRejections(ctx context.Context, partnerID int64) ([]KitRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kit_id, sheet, row_hash, partner_id, kit_date, outcome, summary, reason, at
		FROM kit_rows WHERE partner_id = ? AND outcome = 'rejected'
		  AND kit_id = (SELECT kit_id FROM kit_rows WHERE partner_id = ? ORDER BY at DESC, rowid DESC LIMIT 1)
		ORDER BY rowid`, partnerID, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []KitRow
	for rows.Next() {
		var r KitRow
		if err := rows.Scan(&r.KitID, &r.Sheet, &r.RowHash, &r.PartnerID, &r.KitDate, &r.Outcome, &r.Summary, &r.Reason, &r.At); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Savepoint opens a named savepoint inside tx, so one row of a batch can
// be undone without the others (name: letters and digits only).
func Savepoint(ctx context.Context, tx *Tx, name string) error {
	_, err := tx.ExecContext(ctx, `SAVEPOINT `+savepointName(name))
	return err
}

// RollbackToSavepoint undoes everything since the savepoint and closes it.
func RollbackToSavepoint(ctx context.Context, tx *Tx, name string) error {
	n := savepointName(name)
	if _, err := tx.ExecContext(ctx, `ROLLBACK TO `+n); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `RELEASE `+n)
	return err
}

// ReleaseSavepoint keeps what was done since the savepoint.
func ReleaseSavepoint(ctx context.Context, tx *Tx, name string) error {
	_, err := tx.ExecContext(ctx, `RELEASE `+savepointName(name))
	return err
}

func savepointName(name string) string {
	var b strings.Builder
	b.WriteString("sp_")
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// DealConflictsTx returns the open conflicts of one deal, each naming the
// other registration.
func DealConflictsTx(ctx context.Context, tx *Tx, dealID int64) ([]DealConflictRef, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, o.id, p.name, o.registered_on, c.later_deal_id = ?
		FROM deal_conflicts c JOIN deals o ON o.id = CASE WHEN c.later_deal_id = ? THEN c.earlier_deal_id ELSE c.later_deal_id END
		JOIN partners p ON p.id = o.partner_id
		WHERE c.resolution = '' AND (c.later_deal_id = ? OR c.earlier_deal_id = ?) ORDER BY c.id`, dealID, dealID, dealID, dealID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DealConflictRef
	for rows.Next() {
		var r DealConflictRef
		if err := rows.Scan(&r.ID, &r.OtherDealID, &r.OtherPartner, &r.OtherRegister, &r.Earlier); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// OpenDealOfCustomerTx returns a partner's own open (submitted or
// approved) or won registration of a customer, or nil.
func OpenDealOfCustomerTx(ctx context.Context, tx *Tx, partnerID int64, customerKey string) (*Deal, error) {
	d, err := scanDeal(tx.QueryRowContext(ctx, `SELECT `+dealColumns+` FROM deals d WHERE d.partner_id = ? AND d.customer_key = ?
		AND d.state IN ('submitted','approved','won') ORDER BY d.registered_on DESC LIMIT 1`, partnerID, customerKey))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return d, err
}

// ContactTx reads one contact of a partner.
func ContactTx(ctx context.Context, tx *Tx, partnerID, id int64) (*Contact, error) {
	var c Contact
	err := tx.QueryRowContext(ctx, `SELECT id, partner_id, name, role, email, phone, is_primary, left_on FROM contacts
		WHERE id = ? AND partner_id = ?`, id, partnerID).Scan(&c.ID, &c.PartnerID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.Primary, &c.LeftOn)
	return &c, notFoundIf(err, "contact")
}

// ContactByNameTx finds a partner's contact by name, ignoring case.
func ContactByNameTx(ctx context.Context, tx *Tx, partnerID int64, name string) (*Contact, error) {
	var c Contact
	err := tx.QueryRowContext(ctx, `SELECT id, partner_id, name, role, email, phone, is_primary, left_on FROM contacts
		WHERE partner_id = ? AND lower(trim(name)) = lower(trim(?)) ORDER BY id LIMIT 1`, partnerID, name).
		Scan(&c.ID, &c.PartnerID, &c.Name, &c.Role, &c.Email, &c.Phone, &c.Primary, &c.LeftOn)
	return &c, notFoundIf(err, "contact")
}

// MarkContactLeftTx records that a partner's contact left on the day
// given (ISO): kept with their history, no longer primary, left out of
// kits and e-mails. Marking one already gone keeps the first day.
func MarkContactLeftTx(ctx context.Context, tx *Tx, partnerID, id int64, on string) error {
	res, err := tx.ExecContext(ctx, `UPDATE contacts SET left_on = CASE WHEN left_on = '' THEN ? ELSE left_on END, is_primary = 0
		WHERE id = ? AND partner_id = ?`, on, id, partnerID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("contact")
	}
	return nil
}

// DeleteContactTx removes a partner's contact with its certifications,
// inside a caller's transaction.
func DeleteContactTx(ctx context.Context, tx *Tx, partnerID, id int64) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM contacts WHERE id = ? AND partner_id = ?`, id, partnerID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("contact")
	}
	return nil
}

// CertificationExistsTx reports whether a contact already holds a
// certification of that name earned that day.
func CertificationExistsTx(ctx context.Context, tx *Tx, contactID int64, name, earnedOn string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM certifications WHERE contact_id = ? AND lower(name) = lower(?) AND earned_on = ?`,
		contactID, strings.TrimSpace(name), earnedOn).Scan(&n)
	return n > 0, err
}

// ObjectiveTx reads one objective with the partner whose plan holds it.
func ObjectiveTx(ctx context.Context, tx *Tx, id int64) (Objective, int64, error) {
	var o Objective
	var partnerID int64
	err := tx.QueryRowContext(ctx, `SELECT o.id, o.measure, o.title, o.weight, o.target_q1, o.target_q2, o.target_q3, o.target_q4,
		o.actual_q1, o.actual_q2, o.actual_q3, o.actual_q4, `+reportedColumns("o.")+`, p.partner_id
		FROM plan_objectives o JOIN plans p ON p.id = o.plan_id
		WHERE o.id = ?`, id).Scan(&o.ID, &o.Measure, &o.Title, &o.Weight, &o.Targets[0], &o.Targets[1], &o.Targets[2], &o.Targets[3],
		&o.Actuals[0], &o.Actuals[1], &o.Actuals[2], &o.Actuals[3], &o.Reported[0], &o.Reported[1], &o.Reported[2], &o.Reported[3], &partnerID)
	return o, partnerID, notFoundIf(err, "objective")
}

// PartnersOfTier returns the IDs of the partners assigned a tier whose
// English or Russian name is name (ignoring case).
func (s *Store) PartnersOfTier(ctx context.Context, name string) ([]int64, error) {
	return idsQ(ctx, s.db, `SELECT p.id FROM partners p JOIN tiers t ON t.id = p.tier_id
		WHERE lower(t.name_en) = lower(?) OR lower(t.name_ru) = lower(?) ORDER BY p.name COLLATE NOCASE`, name, name)
}

// ApplicationAnswer is one answer of a partner application, in the
// applicant's words; Question is the question's key.
type ApplicationAnswer struct {
	Question string
	Answer   string
}

// SaveApplicationAnswersTx stores an applicant's answers in order.
func SaveApplicationAnswersTx(ctx context.Context, tx *Tx, partnerID int64, answers []ApplicationAnswer) error {
	for i, a := range answers {
		if _, err := tx.ExecContext(ctx, `INSERT INTO application_answers (partner_id, position, question, answer) VALUES (?,?,?,?)
			ON CONFLICT (partner_id, position) DO UPDATE SET question = excluded.question, answer = excluded.answer`,
			partnerID, i, a.Question, strings.TrimSpace(a.Answer)); err != nil {
			return notFoundIfFK(err, "partner")
		}
	}
	return nil
}

// ApplicationAnswers returns a partner's application answers in order.
func (s *Store) ApplicationAnswers(ctx context.Context, partnerID int64) ([]ApplicationAnswer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT question, answer FROM application_answers WHERE partner_id = ? ORDER BY position`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ApplicationAnswer
	for rows.Next() {
		var a ApplicationAnswer
		if err := rows.Scan(&a.Question, &a.Answer); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// KitDoneTx reports whether any row of a kit was already handled.
func KitDoneTx(ctx context.Context, q Querier, kitID string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM kit_rows WHERE kit_id = ?`, kitID).Scan(&n)
	return n > 0, err
}
