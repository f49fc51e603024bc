package recruit

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/onboarding"
	"channeldesk/data"
)

// Capture is what the trade-show quick capture form collects.
type Capture struct {
	Company     string
	ContactName string
	Email       string
	Phone       string
	Interest    string
	Event       string // event name; "" for none
	EventDate   string // YYYY-MM-DD or ""
}

// Settings keys under which the last capture's event is remembered.
const (
	SettingLastEvent     = "recruit.last_event"
	SettingLastEventDate = "recruit.last_event_date"
)

// Duplicate is a stored partner a new one probably repeats, and why.
type Duplicate struct {
	ID     int64
	Name   string
	Reason string // "name" or "domain"
}

// FindDuplicate looks for a stored partner with the same company name
// (after NormalizeCompany) or the same company e-mail domain or website.
// It returns nil when there is none.
func FindDuplicate(ctx context.Context, s *data.Store, company, email string) (*Duplicate, error) {
	key, domain := format.NormalizeCompany(company), format.CompanyDomain(email)
	var found, byDomain *Duplicate
	err := s.EachPartnerIdentity(ctx, func(p *data.PartnerIdentity) bool {
		if key != "" && (format.NormalizeCompany(p.Name) == key || (p.LegalName != "" && format.NormalizeCompany(p.LegalName) == key)) {
			found = &Duplicate{ID: p.ID, Name: p.Name, Reason: "name"}
			return false
		}
		if byDomain == nil && domain != "" && sameDomain(domain, p.Website, p.Emails) {
			byDomain = &Duplicate{ID: p.ID, Name: p.Name, Reason: "domain"}
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if found != nil {
		return found, nil
	}
	return byDomain, nil
}

func sameDomain(domain, site string, emails []string) bool {
	if format.CompanyDomain(site) == domain {
		return true
	}
	for _, e := range emails {
		if format.CompanyDomain(e) == domain {
			return true
		}
	}
	return false
}

// CaptureProspect stores a captured prospect in one transaction: a new
// partner (reseller, prospect), its contact, the event it was met at and
// its interest; the event is remembered for the next capture.
func CaptureProspect(ctx context.Context, s *data.Store, c Capture) (*data.Partner, error) {
	p := &data.Partner{Name: c.Company, Type: data.TypeReseller, Status: data.StatusProspect, DocLang: langOf(c.Company)}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var contact *data.Contact
	if name := strings.TrimSpace(c.ContactName); name != "" || strings.TrimSpace(c.Email) != "" {
		if name == "" {
			name = strings.TrimSpace(c.Email)
		}
		contact = &data.Contact{Name: name, Email: c.Email, Phone: c.Phone, Primary: true}
		if err := contact.Validate(); err != nil {
			return nil, err
		}
	}
	src := &data.ProspectSource{Source: data.SourceOutbound, Interest: c.Interest}
	if strings.TrimSpace(c.Event) != "" {
		src.Source, src.EventName, src.EventDate = data.SourceEvent, c.Event, c.EventDate
	}
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		if err := s.CreatePartnerTx(ctx, tx, p); err != nil {
			return err
		}
		if contact != nil {
			contact.PartnerID = p.ID
			if err := s.SaveContactTx(ctx, tx, contact); err != nil {
				return err
			}
		}
		src.PartnerID = p.ID
		if err := s.SaveProspectSourceTx(ctx, tx, src); err != nil {
			return err
		}
		if err := data.SetSettingTx(ctx, tx, SettingLastEvent, src.EventName); err != nil {
			return err
		}
		return data.SetSettingTx(ctx, tx, SettingLastEventDate, src.EventDate)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

func langOf(name string) string {
	for _, r := range name {
		if r >= 'А' && r <= 'я' || r == 'ё' || r == 'Ё' {
			return "ru"
		}
	}
	return "en"
}

// WeightedScore is a prospect's fit, 0–100: each mark 1–5 scaled to 0–1,
// weighted, over the criteria it has been scored on. ok is false when it
// has no marks on a weighted criterion.
func WeightedScore(criteria []data.Criterion, scores []data.Score) (score int, ok bool) {
	weight := map[int64]int{}
	for _, c := range criteria {
		weight[c.ID] = c.Weight
	}
	sum, total := 0, 0
	for _, sc := range scores {
		w := weight[sc.CriterionID]
		sum += w * (sc.Score - 1)
		total += w
	}
	if total == 0 {
		return 0, false
	}
	return (sum*100 + total*2) / (total * 4), true // rounded half up
}

// ApproveHooks run inside the approval's transaction after the status
// change and the start of the onboarding checklist (tests add theirs).
var ApproveHooks []func(ctx context.Context, tx *data.Tx, s *data.Store, partnerID int64) error

// Approve moves a vetted prospect to onboarding in one transaction: the
// status change with note in the timeline, the onboarding checklist from
// the partner type's template, then every ApproveHook.
func Approve(ctx context.Context, s *data.Store, partnerID int64, note, author string) error {
	return s.WithTx(ctx, func(tx *data.Tx) error {
		if err := s.ChangeStatusTx(ctx, tx, partnerID, data.StatusOnboarding, strings.TrimSpace(note), author); err != nil {
			return err
		}
		today := s.Now()
		if _, err := onboarding.StartTx(ctx, tx, partnerID, today, today); err != nil {
			return err
		}
		for _, hook := range ApproveHooks {
			if err := hook(ctx, tx, s, partnerID); err != nil {
				return err
			}
		}
		return nil
	})
}

// Decline closes a prospect with a reason, which is required.
func Decline(ctx context.Context, s *data.Store, partnerID int64, reason, author string) error {
	if strings.TrimSpace(reason) == "" {
		return data.Invalid("reason", "err.reason_required", nil)
	}
	return s.ChangeStatus(ctx, partnerID, data.StatusDeclined, reason, author)
}

// Prospect is a recruitment row with its weighted score.
type Prospect struct {
	data.RecruitRow
	Score  int
	Scored bool
}

// Filter narrows the pipeline. Empty fields match everything.
type Filter struct {
	Source data.Source
	Event  string
}

// Pipeline holds the prospects with their scores, for filtering
// and sorting in memory.
type Pipeline struct {
	all []Prospect
}

// LoadPipeline reads the prospects, the criteria and every score.
func LoadPipeline(ctx context.Context, s *data.Store) (*Pipeline, error) {
	rows, err := s.RecruitRows(ctx)
	if err != nil {
		return nil, err
	}
	criteria, err := s.Criteria(ctx)
	if err != nil {
		return nil, err
	}
	scores, err := s.AllScores(ctx)
	if err != nil {
		return nil, err
	}
	return NewPipeline(rows, criteria, scores), nil
}

// NewPipeline scores rows with criteria and scores.
func NewPipeline(rows []data.RecruitRow, criteria []data.Criterion, scores map[int64][]data.Score) *Pipeline {
	pl := &Pipeline{all: make([]Prospect, len(rows))}
	for i, r := range rows {
		pl.all[i].RecruitRow = r
		pl.all[i].Score, pl.all[i].Scored = WeightedScore(criteria, scores[r.ID])
	}
	return pl
}

// Events lists the distinct event names, sorted.
func (pl *Pipeline) Events() []string {
	var out []string
	for _, p := range pl.all {
		if p.EventName != "" && !slices.Contains(out, p.EventName) {
			out = append(out, p.EventName)
		}
	}
	slices.Sort(out)
	return out
}

// Find returns the prospects in one status matching f; with byScore the
// best scored first (unscored last), otherwise by name.
func (pl *Pipeline) Find(status data.Status, f Filter, byScore bool) []Prospect {
	var out []Prospect
	for _, p := range pl.all {
		if p.Status == status && (f.Source == "" || p.Source == f.Source) && (f.Event == "" || p.EventName == f.Event) {
			out = append(out, p)
		}
	}
	if byScore {
		slices.SortStableFunc(out, func(a, b Prospect) int {
			if a.Scored != b.Scored {
				if a.Scored {
					return -1
				}
				return 1
			}
			return cmp.Compare(b.Score, a.Score)
		})
	}
	return out
}

// Counts returns how many prospects matching f are in each status.
func (pl *Pipeline) Counts(f Filter) map[data.Status]int {
	out := map[data.Status]int{}
	for _, p := range pl.all {
		if (f.Source == "" || p.Source == f.Source) && (f.Event == "" || p.EventName == f.Event) {
			out[p.Status]++
		}
	}
	return out
}

// SourceText describes where a prospect came from in one line, given the
// source names in the reader's language.
func SourceText(p data.RecruitRow, sourceName func(data.Source) string, lang format.Lang) string {
	switch p.Source {
	case "":
		return ""
	case data.SourceEvent:
		if p.EventDate != "" {
			return fmt.Sprintf("%s: %s, %s", sourceName(p.Source), p.EventName, format.FormatDate(p.EventDate, lang))
		}
		return fmt.Sprintf("%s: %s", sourceName(p.Source), p.EventName)
	case data.SourceReferral:
		return fmt.Sprintf("%s: %s", sourceName(p.Source), p.ReferredBy)
	}
	return sourceName(p.Source)
}
