package metrics

import (
	"context"
	"fmt"
	"sort"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/data"
)

// TodayGoneQuiet is a partner past its contact cadence.
const TodayGoneQuiet TodayKind = "gone_quiet"

// TodayOrder is the order of the Today groups, most pressing first.
var TodayOrder = []TodayKind{TodayEscalation, TodayDealExpiry, TodayMDFDeadline, TodayTaskDue, TodayCheckIn,
	TodayCertExpiry, TodayGoneQuiet}

// TodayExtras are the items other areas add to Today (leads: offers
// about to expire, leads waiting for a partner); each registers in init.
var TodayExtras []func(ctx context.Context, s *data.Store, today time.Time) ([]TodayItem, error)

// TodayHandful is how many entries of a group show before "show all".
const TodayHandful = 5

// TodayEntry is one line of Today: one partner's items of one kind, shown
// by the most urgent of them.
type TodayEntry struct {
	TodayItem          // the most urgent item
	Refs      []string // every item's ref, so that a snooze or dismissal covers them all
	N         int      // how many items
}

// TodayGroup is the entries of one kind, most urgent first.
type TodayGroup struct {
	Kind    TodayKind
	Entries []TodayEntry
}

// TodayBoard is the Today list as the manager works through it.
type TodayBoard struct {
	Groups  []TodayGroup // only kinds with entries, in TodayOrder
	Entries int          // entries in all groups
	Hidden  int          // items snoozed (still asleep) or dismissed
}

// Ref names a Today item so that a snooze or dismissal finds it again:
// the partner, the day it is about and its text. An item that changes
// (a new last contact, a new expiry) is a new item.
func (it TodayItem) Ref() string { return fmt.Sprintf("%d|%s|%s", it.PartnerID, it.Date, it.Text) }

// BuildToday gathers the Today list with the partners gone quiet, leaves
// out what is dismissed or snoozed past today, and groups it by kind.
func BuildToday(ctx context.Context, s *data.Store, today time.Time) (TodayBoard, error) {
	items, err := TodayList(ctx, s, today)
	if err != nil {
		return TodayBoard{}, err
	}
	cad, err := LoadCadence(ctx, s)
	if err != nil {
		return TodayBoard{}, err
	}
	quiet, err := GoneQuiet(ctx, s, today, cad)
	if err != nil {
		return TodayBoard{}, err
	}
	for _, q := range quiet {
		items = append(items, TodayItem{Kind: TodayGoneQuiet, PartnerID: q.PartnerID, PartnerName: q.Name,
			Date: q.Since, Cadence: q.Cadence})
	}
	for _, extra := range TodayExtras {
		more, err := extra(ctx, s, today)
		if err != nil {
			return TodayBoard{}, err
		}
		items = append(items, more...)
	}
	marks, err := s.TodayMarks(ctx)
	if err != nil {
		return TodayBoard{}, err
	}
	return groupToday(items, hiddenRefs(marks, fiscal.ISODate(today))), nil
}

// hiddenRefs are the items dismissed or snoozed until after today, by kind and ref.
func hiddenRefs(marks []data.TodayMark, today string) map[string]bool {
	out := map[string]bool{}
	for _, m := range marks {
		if m.Action == data.TodayDismiss || m.Until > today {
			out[m.Kind+"#"+m.Ref] = true
		}
	}
	return out
}

func groupToday(items []TodayItem, hidden map[string]bool) TodayBoard {
	var b TodayBoard
	byKind := map[TodayKind][]TodayEntry{}
	at := map[string]int{} // kind#partner → index in byKind[kind]
	for _, it := range items {
		ref := it.Ref()
		if hidden[string(it.Kind)+"#"+ref] {
			b.Hidden++
			continue
		}
		key := fmt.Sprintf("%s#%d", it.Kind, it.PartnerID)
		if it.PartnerID == 0 { // items about no partner group by their text (a lead's event)
			key += "#" + it.Text
		}
		if i, ok := at[key]; ok {
			e := &byKind[it.Kind][i]
			e.Refs, e.N = append(e.Refs, ref), e.N+1
			if it.Date < e.Date || it.Date == e.Date && it.Title < e.Title {
				e.TodayItem = it
			}
			continue
		}
		at[key] = len(byKind[it.Kind])
		byKind[it.Kind] = append(byKind[it.Kind], TodayEntry{TodayItem: it, Refs: []string{ref}, N: 1})
	}
	for _, k := range TodayOrder {
		es := byKind[k]
		if len(es) == 0 {
			continue
		}
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].Date != es[j].Date {
				return es[i].Date < es[j].Date
			}
			if es[i].PartnerName != es[j].PartnerName {
				return es[i].PartnerName < es[j].PartnerName
			}
			return es[i].Title < es[j].Title
		})
		b.Groups = append(b.Groups, TodayGroup{Kind: k, Entries: es})
		b.Entries += len(es)
	}
	return b
}

// SnoozeToday hides an entry until a day after today; on that day (by
// the store's clock) it is back on Today if it still applies.
func SnoozeToday(ctx context.Context, s *data.Store, e TodayEntry, until string, label string) error {
	t, err := format.ParseDate(until)
	if err != nil {
		return data.Invalid("until", "err.week_date", nil)
	}
	if fiscal.ISODate(t) <= fiscal.ISODate(s.Now()) {
		return data.Invalid("until", "err.week_future", nil)
	}
	return s.MarkToday(ctx, marks(e, data.TodayMark{Action: data.TodaySnooze, Until: fiscal.ISODate(t), Label: label}))
}

// DismissToday hides an entry for good, with the reason.
func DismissToday(ctx context.Context, s *data.Store, e TodayEntry, reason, label string) error {
	return s.MarkToday(ctx, marks(e, data.TodayMark{Action: data.TodayDismiss, Reason: reason, Label: label}))
}

func marks(e TodayEntry, m data.TodayMark) []data.TodayMark {
	out := make([]data.TodayMark, len(e.Refs))
	for i, ref := range e.Refs {
		out[i] = m
		out[i].Kind, out[i].Ref, out[i].PartnerID = string(e.Kind), ref, e.PartnerID
	}
	return out
}

// ActiveTodayMarks are the marks that still hide something on today:
// dismissals and snoozes that have not come back yet.
func ActiveTodayMarks(ctx context.Context, s *data.Store, today time.Time) ([]data.TodayMark, error) {
	all, err := s.TodayMarks(ctx)
	if err != nil {
		return nil, err
	}
	var out []data.TodayMark
	for _, m := range all {
		if m.Action == data.TodayDismiss || m.Until > fiscal.ISODate(today) {
			out = append(out, m)
		}
	}
	return out, nil
}
