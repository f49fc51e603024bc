package data

import (
	"context"
	"strings"
	"unicode/utf8"
)

// SetAccountManager gives several partners the same account manager, in
// one transaction.
func (s *Store) SetAccountManager(ctx context.Context, ids []int64, manager string) error {
	manager = strings.TrimSpace(manager)
	if utf8.RuneCountInString(manager) > MaxNameLen {
		return Invalid("account_manager", "err.too_long", map[string]any{"Max": MaxNameLen})
	}
	now := s.now()
	return s.withTx(ctx, func(tx *Tx) error {
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, `UPDATE partners SET account_manager = ?, updated_at = ? WHERE id = ?`, manager, now, id)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return NotFound("partner")
			}
		}
		return nil
	})
}

// ChangeTag adds a tag to several partners (remove false) or takes it
// off them, in one transaction; a partner that already has (or lacks)
// the tag is left as it is. Tags compare without case.
func (s *Store) ChangeTag(ctx context.Context, ids []int64, tag string, remove bool) error {
	tag = strings.TrimSpace(tag)
	switch {
	case tag == "":
		return Invalid("tags", "err.required", nil)
	case strings.Contains(tag, ","):
		return Invalid("tags", "err.week_tag_comma", nil)
	case utf8.RuneCountInString(tag) > MaxNameLen:
		return Invalid("tags", "err.too_long", map[string]any{"Max": MaxNameLen})
	}
	now := s.now()
	return s.withTx(ctx, func(tx *Tx) error {
		for _, id := range ids {
			var tags string
			if err := tx.QueryRowContext(ctx, `SELECT tags FROM partners WHERE id = ?`, id).Scan(&tags); err != nil {
				return notFoundIf(err, "partner")
			}
			next := withTag(SplitList(tags), tag, remove)
			if _, err := tx.ExecContext(ctx, `UPDATE partners SET tags = ?, updated_at = ? WHERE id = ?`, JoinList(next), now, id); err != nil {
				return err
			}
		}
		return nil
	})
}

func withTag(tags []string, tag string, remove bool) []string {
	out := make([]string, 0, len(tags)+1)
	for _, t := range tags {
		if !strings.EqualFold(t, tag) {
			out = append(out, t)
		}
	}
	if !remove {
		out = append(out, tag)
	}
	return out
}
