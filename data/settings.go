package data

import (
	"context"
	"database/sql"
	"regexp"
	"strconv"
	"strings"
)

// Settings are the program-wide choices the manager makes once.
type Settings struct {
	VendorName     string
	ProgramName    string
	Currency       string // ISO 4217 code; money is int64 minor units of it
	FiscalYearFrom int    // month 1–12 the fiscal year starts in
	UILang         string // "" follows the system, else "en" or "ru"
	ManagerName    string // who the timeline says did things
}

// DefaultSettings are used until the manager changes them.
func DefaultSettings() Settings {
	return Settings{VendorName: "", Currency: "EUR", FiscalYearFrom: 1}
}

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// Validate checks settings before they are stored.
func (st *Settings) Validate() error {
	st.Currency = strings.ToUpper(strings.TrimSpace(st.Currency))
	switch {
	case !currencyCode.MatchString(st.Currency):
		return Invalid("currency", "err.currency", map[string]any{"Value": st.Currency})
	case st.FiscalYearFrom < 1 || st.FiscalYearFrom > 12:
		return Invalid("fiscal_year_from", "err.month", nil)
	case st.UILang != "" && st.UILang != "en" && st.UILang != "ru":
		return Invalid("ui_lang", "err.unknown_lang", map[string]any{"Value": st.UILang})
	case len([]rune(st.VendorName)) > MaxNameLen || len([]rune(st.ProgramName)) > MaxNameLen:
		return Invalid("program_name", "err.too_long", map[string]any{"Max": MaxNameLen})
	}
	return nil
}

// Settings reads the program settings, with defaults for what is unset.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	st := DefaultSettings()
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return st, err
		}
		switch k {
		case "vendor_name":
			st.VendorName = v
		case "program_name":
			st.ProgramName = v
		case "currency":
			st.Currency = v
		case "fiscal_year_from":
			st.FiscalYearFrom, _ = strconv.Atoi(v)
		case "ui_lang":
			st.UILang = v
		case "manager_name":
			st.ManagerName = v
		}
	}
	return st, rows.Err()
}

// SaveSettings validates and stores the program settings.
func (s *Store) SaveSettings(ctx context.Context, st Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error {
		for k, v := range map[string]string{"vendor_name": st.VendorName, "program_name": st.ProgramName,
			"currency": st.Currency, "fiscal_year_from": strconv.Itoa(st.FiscalYearFrom), "ui_lang": st.UILang,
			"manager_name": st.ManagerName} {
			if err := SetSettingTx(ctx, tx, k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetSettingTx stores one key of the settings table; other areas keep
// their own settings here under their own keys.
func SetSettingTx(ctx context.Context, tx *Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// Setting reads one key of the settings table; "" when unset.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// SetSetting stores one key of the settings table.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.withTx(ctx, func(tx *Tx) error { return SetSettingTx(ctx, tx, key, value) })
}
