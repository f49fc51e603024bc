package plan

import (
	"context"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

// PlanDoc is everything a partner's plan document shows, and nothing
// else: the loader copies only shareable facts into it, so the renderer
// cannot leak what it never receives (internal notes, scorecards, demotion
// risk, the lifecycle status, tags, other partners).
type PlanDoc struct {
	Lang    format.Lang
	Today   time.Time
	Program Program
	Partner Profile
	// Contacts are the partner's own people.
	Contacts      []Contact
	Tier          TierSection
	Onboarding    OnboardingSection
	Year          int          // the fiscal year of the plan shown
	YearPeriod    Period       // its days
	Plan          *PlanSection // nil: no plan for the year
	MDF           MDFSection   // Known false: not available
	VendorContact Contact      // Name "" when not set
	Leads         LeadFigures  // the leads the vendor offered this partner
}

// Program is what the document says about the vendor's program.
type Program struct {
	Vendor   string
	Name     string
	Currency string
	FYStart  int
}

// Profile is the shareable part of a partner's profile.
type Profile struct {
	ID           int64
	Name         string
	LegalName    string
	Type         data.PartnerType
	Country      string
	Region       string
	City         string
	Website      string
	Verticals    []string
	Capabilities []string
	Products     []string
	INN, KPP     string // Russian tax numbers; the plan shows them when set
}

// Contact is a person named in the document.
type Contact struct {
	Name, Role, Email, Phone string
}

// TierSection is the tier the partner holds and its way to the next one.
type TierSection struct {
	HasProgram bool      // false: the program has no tiers at all
	Current    *TierInfo // nil: no tier assigned
	Next       *TierInfo // nil: highest tier reached
	Progress   []ProgressRow
}

// TierInfo is one tier as the document shows it.
type TierInfo struct {
	Name       string
	Color      string
	DiscountBP int
	MDFBP      int
	Benefits   []string
}

// ProgressRow is one requirement of the next tier: what is there, what is
// needed, and the exact gap. Money rows are in minor units.
type ProgressRow struct {
	Label    string
	Money    bool
	YesNo    bool // a condition (onboarding completed): 1 is yes
	Known    bool // false: the program has no figure for it yet
	Percent  bool // a rate in whole percent (lead acceptance)
	NoData   bool // a lead acceptance rate without any decided offer: counted as met
	Actual   int64
	Target   int64
	Gap      int64   // max(target − actual, 0)
	Fraction float64 // actual ÷ target, 0–1
}

// OnboardingSection is the partner's onboarding status.
type OnboardingSection struct {
	Started     bool
	StartedOn   string
	CompletedOn string
	Tasks       []OnboardingTask // remaining tasks; empty when unknown
}

// OnboardingTask is a remaining onboarding task.
type OnboardingTask struct {
	Title string
	Due   string // YYYY-MM-DD or ""
	Owner string // "vendor" or "partner"
}

// MDFSection is the partner's market development funds.
type MDFSection struct {
	Known      bool
	Allocated  int64
	Available  int64
	Activities []MDFActivity
}

// MDFActivity is an approved or upcoming MDF activity.
type MDFActivity struct {
	Kind   string // activity type: event, webinar, trade_show…
	Title  string // the request's description
	Date   string
	Amount int64
}

// PlanSection is the business plan as the partner may see it.
type PlanSection struct {
	Status     data.PlanStatus
	Revision   int
	AgreedOn   string
	Attainment Attainment
	Vendor     []data.Commitment
	Partner    []data.Commitment
	RepShareBP int
	RepCommits string
	CheckIns   []SharedCheckIn
}

// SharedCheckIn is a quarterly review without anything internal: notes
// appear only when they were marked shareable.
type SharedCheckIn struct {
	Quarter   int
	HeldOn    string
	Attendees string
	Notes     string
	Statuses  []string // "objective: status", in objective order
}

// Options say what to load: the document language ("" for the partner's
// own), the fiscal year (0 for the one today falls in) and today.
type Options struct {
	Lang  format.Lang
	Year  int
	Today time.Time
}

// Load gathers a partner's plan document from the database.
func Load(ctx context.Context, s *data.Store, partnerID int64, opt Options) (*PlanDoc, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	p, err := s.Partner(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	if opt.Today.IsZero() {
		opt.Today = s.Now()
	}
	doc := newDoc(st, p, opt)
	if err := loadContacts(ctx, s, doc); err != nil {
		return nil, err
	}
	if doc.Tier, err = loadTier(ctx, s, partnerID, doc.Lang, doc.Today); err != nil {
		return nil, err
	}
	if doc.Onboarding, err = loadOnboarding(ctx, s, partnerID, doc.Lang); err != nil {
		return nil, err
	}
	if doc.MDF, err = loadMDF(ctx, s, partnerID, doc.Today); err != nil {
		return nil, err
	}
	if doc.Leads, err = loadLeads(ctx, s, partnerID); err != nil {
		return nil, err
	}
	return doc, loadPlan(ctx, s, doc)
}

func newDoc(st data.Settings, p *data.Partner, opt Options) *PlanDoc {
	l := opt.Lang
	if l != format.EN && l != format.RU {
		l = format.Lang(p.DocLang)
	}
	year := opt.Year
	if year == 0 {
		year = FiscalYearOf(opt.Today, st.FiscalYearFrom)
	}
	return &PlanDoc{
		Lang: l, Today: opt.Today, Year: year, YearPeriod: Year(year, st.FiscalYearFrom),
		Program: Program{Vendor: st.VendorName, Name: st.ProgramName, Currency: st.Currency, FYStart: st.FiscalYearFrom},
		Partner: Profile{ID: p.ID, Name: p.Name, LegalName: p.LegalName, Type: p.Type, Country: p.Country, Region: p.Region,
			City: p.City, Website: p.Website, Verticals: p.Verticals, Capabilities: p.Capabilities, Products: p.Products,
			INN: p.INN, KPP: p.KPP},
	}
}

func loadContacts(ctx context.Context, s *data.Store, doc *PlanDoc) error {
	cs, err := s.Contacts(ctx, doc.Partner.ID)
	for _, c := range cs {
		doc.Contacts = append(doc.Contacts, Contact{Name: c.Name, Role: c.Role, Email: c.Email, Phone: c.Phone})
	}
	return err
}

func loadPlan(ctx context.Context, s *data.Store, doc *PlanDoc) error {
	p, err := s.PlanFor(ctx, doc.Partner.ID, doc.Year)
	if data.ErrorCode(err) == data.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	if p, err = agreedVersion(ctx, s, p); err != nil {
		return err
	}
	c, err := ComputeActualsFor(ctx, s, doc.Partner.ID, doc.Year, doc.Program.FYStart, doc.Today)
	if err != nil {
		return err
	}
	sec := &PlanSection{Status: p.Status, Revision: p.Revision, AgreedOn: p.AgreedOn, RepShareBP: p.RepShareBP,
		RepCommits: p.RepCommitment,
		Attainment: Evaluate(p.Objectives, c, QuartersStarted(doc.Year, doc.Program.FYStart, doc.Today))}
	for _, cm := range p.Commitments {
		if cm.Side == data.SideVendor {
			sec.Vendor = append(sec.Vendor, cm)
		} else {
			sec.Partner = append(sec.Partner, cm)
		}
	}
	if sec.CheckIns, err = sharedCheckIns(ctx, s, p, doc.Lang); err != nil {
		return err
	}
	doc.Plan = sec
	doc.VendorContact = Contact{Name: p.VendorContactName, Role: p.VendorContactRole, Email: p.VendorContactEmail, Phone: p.VendorContactPhone}
	return nil
}

// agreedVersion returns what the partner agreed to: while a new revision
// of an agreed plan is being drafted, the document shows the last agreed
// revision (with today's entered actuals), not the unagreed draft.
func agreedVersion(ctx context.Context, s *data.Store, p *data.Plan) (*data.Plan, error) {
	if p.Status != data.PlanDraft || p.Revision < 2 {
		return p, nil
	}
	revs, err := s.PlanRevisions(ctx, p.ID)
	if err != nil || len(revs) == 0 {
		return p, err
	}
	agreed := revs[len(revs)-1].Plan
	current := map[int64]data.Objective{}
	for _, o := range p.Objectives {
		current[o.ID] = o
	}
	for i, o := range agreed.Objectives {
		if c, ok := current[o.ID]; ok {
			agreed.Objectives[i].Actuals, agreed.Objectives[i].Reported = c.Actuals, c.Reported
		}
	}
	agreed.ID = p.ID
	return &agreed, nil
}

// sharedCheckIns keeps what a partner may read of the check-ins: date,
// attendees and statuses always, notes only when marked shareable.
func sharedCheckIns(ctx context.Context, s *data.Store, p *data.Plan, l format.Lang) ([]SharedCheckIn, error) {
	cs, err := s.CheckIns(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	out := make([]SharedCheckIn, 0, len(cs))
	for _, c := range cs {
		sc := SharedCheckIn{Quarter: c.Quarter, HeldOn: c.HeldOn, Attendees: c.Attendees}
		if c.Shareable {
			sc.Notes = c.Notes
		}
		for _, o := range p.Objectives {
			if st, ok := c.Statuses[o.ID]; ok {
				sc.Statuses = append(sc.Statuses, ObjectiveLabel(o, l)+": "+text(l, "ostatus."+string(st)))
			}
		}
		out = append(out, sc)
	}
	return out, nil
}

// ObjectiveLabel names an objective in a language: its measure, and its
// title when it has one.
func ObjectiveLabel(o data.Objective, l format.Lang) string {
	m := text(l, "measure."+string(o.Measure))
	switch {
	case o.Measure == data.MeasureCustom:
		return o.Title
	case o.Title != "":
		return m + " — " + o.Title
	}
	return m
}
