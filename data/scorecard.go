package data

import (
	"context"
	"strings"
	"unicode/utf8"
)

// Criterion is one line of the fit scorecard prospects are vetted against;
// Weight is its share (0–100) relative to the other criteria.
type Criterion struct {
	ID       int64
	Position int
	NameEN   string
	NameRU   string
	Weight   int
}

// Validate checks a criterion before it is stored.
func (c *Criterion) Validate() error {
	c.NameEN, c.NameRU = strings.TrimSpace(c.NameEN), strings.TrimSpace(c.NameRU)
	switch {
	case c.NameEN == "":
		return Invalid("name_en", "err.required", nil)
	case c.NameRU == "":
		return Invalid("name_ru", "err.required", nil)
	case utf8.RuneCountInString(c.NameEN) > MaxNameLen || utf8.RuneCountInString(c.NameRU) > MaxNameLen:
		return Invalid("name_en", "err.too_long", map[string]any{"Max": MaxNameLen})
	case c.Weight < 0 || c.Weight > 100:
		return Invalid("weight", "err.recruit_weight", map[string]any{"Value": c.Weight})
	}
	return nil
}

// Score is a prospect's mark (1–5) on one criterion, with a comment.
type Score struct {
	CriterionID int64
	Score       int
	Comment     string
}

// Validate checks a score before it is stored.
func (sc *Score) Validate() error {
	sc.Comment = strings.TrimSpace(sc.Comment)
	switch {
	case sc.Score < 1 || sc.Score > 5:
		return Invalid("score", "err.recruit_score", map[string]any{"Value": sc.Score})
	case utf8.RuneCountInString(sc.Comment) > MaxTextLen:
		return Invalid("comment", "err.too_long", map[string]any{"Max": MaxTextLen})
	}
	return nil
}

// Criteria returns the scorecard criteria in order.
func (s *Store) Criteria(ctx context.Context) ([]Criterion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, position, name_en, name_ru, weight FROM scorecard_criteria
		ORDER BY position, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Criterion
	for rows.Next() {
		var c Criterion
		if err := rows.Scan(&c.ID, &c.Position, &c.NameEN, &c.NameRU, &c.Weight); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveCriteria replaces the scorecard: criteria with an ID are updated,
// those without are added, stored ones missing from cs are removed with
// their scores. At least one criterion must carry weight.
func (s *Store) SaveCriteria(ctx context.Context, cs []Criterion) error {
	total := 0
	for i := range cs {
		if err := cs[i].Validate(); err != nil {
			return err
		}
		cs[i].Position = i + 1
		total += cs[i].Weight
	}
	if total == 0 {
		return Invalid("weight", "err.recruit_no_weight", nil)
	}
	return s.withTx(ctx, func(tx *Tx) error {
		keep := []any{}
		for i := range cs {
			if err := saveCriterion(ctx, tx, &cs[i]); err != nil {
				return err
			}
			keep = append(keep, cs[i].ID)
		}
		q := `DELETE FROM scorecard_criteria WHERE id NOT IN (?` + strings.Repeat(",?", len(keep)-1) + `)`
		_, err := tx.ExecContext(ctx, q, keep...)
		return err
	})
}

func saveCriterion(ctx context.Context, tx *Tx, c *Criterion) error {
	if c.ID != 0 {
		res, err := tx.ExecContext(ctx, `UPDATE scorecard_criteria SET position=?, name_en=?, name_ru=?, weight=? WHERE id=?`,
			c.Position, c.NameEN, c.NameRU, c.Weight, c.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return nil
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO scorecard_criteria (id, position, name_en, name_ru, weight) VALUES (`+teamID("scorecard_criteria")+`, ?,?,?,?)`,
		c.Position, c.NameEN, c.NameRU, c.Weight)
	if err != nil {
		return err
	}
	c.ID, err = res.LastInsertId()
	return err
}

// Scores returns a partner's scorecard marks.
func (s *Store) Scores(ctx context.Context, partnerID int64) ([]Score, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT criterion_id, score, comment FROM scorecard_scores WHERE partner_id = ?`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Score
	for rows.Next() {
		var sc Score
		if err := rows.Scan(&sc.CriterionID, &sc.Score, &sc.Comment); err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, rows.Err()
}

// AllScores returns every partner's marks, keyed by partner, in one query.
func (s *Store) AllScores(ctx context.Context) (map[int64][]Score, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT partner_id, criterion_id, score, comment FROM scorecard_scores`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]Score{}
	for rows.Next() {
		var id int64
		var sc Score
		if err := rows.Scan(&id, &sc.CriterionID, &sc.Score, &sc.Comment); err != nil {
			return nil, err
		}
		out[id] = append(out[id], sc)
	}
	return out, rows.Err()
}

// SaveScores replaces a partner's scorecard marks.
func (s *Store) SaveScores(ctx context.Context, partnerID int64, scores []Score) error {
	for i := range scores {
		if err := scores[i].Validate(); err != nil {
			return err
		}
	}
	return s.withTx(ctx, func(tx *Tx) error { return SaveScoresTx(ctx, tx, partnerID, scores) })
}

// SaveScoresTx replaces a partner's marks inside a caller's transaction.
func SaveScoresTx(ctx context.Context, tx *Tx, partnerID int64, scores []Score) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM scorecard_scores WHERE partner_id = ?`, partnerID); err != nil {
		return err
	}
	for _, sc := range scores {
		if err := sc.Validate(); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO scorecard_scores (partner_id, criterion_id, score, comment) VALUES (?,?,?,?)`,
			partnerID, sc.CriterionID, sc.Score, sc.Comment)
		if err != nil {
			return notFoundIfFK(err, "partner")
		}
	}
	return nil
}
