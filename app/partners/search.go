package partners

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
	// SilentBefore (ISO date) keeps the partners whose last contact is
	// before it, or who were never contacted; "" keeps everyone.
	SilentBefore string
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
	SortTier        // by rank, best last
	SortWon         // won revenue over the last 12 months
	SortOpenDeals   // open deals
	SortLastContact // days since the last contact: most recent first, never contacted last
	SortManager     // account manager
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
			(f.Region != "" && r.Region != f.Region) || (f.SilentBefore != "" && r.LastContact >= f.SilentBefore) ||
			!containsAll(ix.hay[i], words) {
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

// rowOrder compares two rows by one column.
var rowOrder = map[SortKey]func(a, b data.PartnerRow) int{
	SortType:   func(a, b data.PartnerRow) int { return cmp.Compare(a.Type, b.Type) },
	SortStatus: func(a, b data.PartnerRow) int { return cmp.Compare(statusIndex(a.Status), statusIndex(b.Status)) },
	SortCity:   func(a, b data.PartnerRow) int { return cmp.Compare(strings.ToLower(a.City), strings.ToLower(b.City)) },
	SortRegion: func(a, b data.PartnerRow) int {
		return cmp.Compare(strings.ToLower(a.Region), strings.ToLower(b.Region))
	},
	SortUpdated:   func(a, b data.PartnerRow) int { return cmp.Compare(a.Updated, b.Updated) },
	SortTier:      func(a, b data.PartnerRow) int { return cmp.Compare(tierKey(a), tierKey(b)) },
	SortWon:       func(a, b data.PartnerRow) int { return cmp.Compare(a.Won12m, b.Won12m) },
	SortOpenDeals: func(a, b data.PartnerRow) int { return cmp.Compare(a.OpenDeals, b.OpenDeals) },
	// Most recent contact first: a later date sorts first, never last.
	SortLastContact: func(a, b data.PartnerRow) int { return cmp.Compare(b.LastContact, a.LastContact) },
	SortManager: func(a, b data.PartnerRow) int {
		return cmp.Compare(strings.ToLower(a.AccountManager), strings.ToLower(b.AccountManager))
	},
}

func statusIndex(s data.Status) int { return slices.Index(data.Statuses, s) }

// tierKey orders by tier rank, partners without a tier first.
func tierKey(r data.PartnerRow) int {
	if r.TierID == 0 {
		return -1 << 30
	}
	return r.TierRank
}

func sortRows(rows []data.PartnerRow, key SortKey, desc bool) {
	order, ok := rowOrder[key]
	if !ok {
		order = func(a, b data.PartnerRow) int { return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) }
	}
	slices.SortStableFunc(rows, func(a, b data.PartnerRow) int {
		if desc {
			return -order(a, b)
		}
		return order(a, b)
	})
}
