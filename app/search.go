// Package app holds what ChannelDesk does without a screen: search, rules,
// formats, demo data. Screens and the command line call the same functions.
package app

import (
	"cmp"
	"slices"
	"strings"

	"channeldesk/data"
)

// PartnerFilter narrows the partner list. Empty fields match everything.
type PartnerFilter struct {
	Query  string // words matched against name, city, contacts and tags
	Type   data.PartnerType
	Status data.Status
	Region string
}

// SortKey is a column the partner list sorts by.
type SortKey int

// Sort keys of the partner list.
const (
	SortName SortKey = iota
	SortType
	SortStatus
	SortCity
	SortRegion
	SortUpdated
)

// PartnerIndex holds every partner row with the lower-cased text search
// looks through, so a keystroke filters memory instead of the database.
type PartnerIndex struct {
	rows []data.PartnerRow
	hay  []string
}

// NewPartnerIndex builds the search index over rows.
func NewPartnerIndex(rows []data.PartnerRow) *PartnerIndex {
	ix := &PartnerIndex{rows: rows, hay: make([]string, len(rows))}
	for i, r := range rows {
		ix.hay[i] = strings.ToLower(strings.Join([]string{r.Name, r.City, r.Country, r.Region, r.Contacts, r.Tags, r.INN}, " "))
	}
	return ix
}

// Len is the number of partners indexed.
func (ix *PartnerIndex) Len() int { return len(ix.rows) }

// Regions lists the distinct regions, sorted.
func (ix *PartnerIndex) Regions() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range ix.rows {
		if r.Region != "" && !seen[r.Region] {
			seen[r.Region] = true
			out = append(out, r.Region)
		}
	}
	slices.Sort(out)
	return out
}

// Find returns the rows that match f, sorted by key (descending if desc).
// Every word of the query must appear somewhere in the row.
func (ix *PartnerIndex) Find(f PartnerFilter, key SortKey, desc bool) []data.PartnerRow {
	words := strings.Fields(strings.ToLower(f.Query))
	out := make([]data.PartnerRow, 0, len(ix.rows))
	for i, r := range ix.rows {
		if (f.Type != "" && r.Type != f.Type) || (f.Status != "" && r.Status != f.Status) ||
			(f.Region != "" && r.Region != f.Region) || !containsAll(ix.hay[i], words) {
			continue
		}
		out = append(out, r)
	}
	if key != SortName || desc {
		sortRows(out, key, desc)
	}
	return out
}

func containsAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func sortRows(rows []data.PartnerRow, key SortKey, desc bool) {
	field := func(r data.PartnerRow) string {
		switch key {
		case SortType:
			return string(r.Type)
		case SortStatus:
			return string(rune('a' + slices.Index(data.Statuses, r.Status)))
		case SortCity:
			return strings.ToLower(r.City)
		case SortRegion:
			return strings.ToLower(r.Region)
		case SortUpdated:
			return r.Updated
		}
		return strings.ToLower(r.Name)
	}
	slices.SortStableFunc(rows, func(a, b data.PartnerRow) int {
		c := cmp.Compare(field(a), field(b))
		if desc {
			return -c
		}
		return c
	})
}
