package data

import (
	"strings"
	"unicode/utf8"
)

// PlanStatus is where a joint business plan stands.
type PlanStatus string

// Plan statuses: a draft is agreed (and frozen as a revision), then completed.
const (
	PlanDraft     PlanStatus = "draft"
	PlanAgreed    PlanStatus = "agreed"
	PlanCompleted PlanStatus = "completed"
)

// Measure is what an objective counts.
type Measure string

// Objective measures. Revenue, won deals and certified people are computed
// from data; the others are entered by hand.
const (
	MeasureRevenue         Measure = "revenue"
	MeasureNewCustomers    Measure = "new_customers"
	MeasureWonDeals        Measure = "won_deals"
	MeasureCertifiedPeople Measure = "certified_people"
	MeasureMarketing       Measure = "marketing_activities"
	MeasureCustom          Measure = "custom"
)

// Measures lists every measure in display order.
var Measures = []Measure{MeasureRevenue, MeasureNewCustomers, MeasureWonDeals, MeasureCertifiedPeople, MeasureMarketing, MeasureCustom}

// Valid reports whether m is a known measure.
func (m Measure) Valid() bool {
	for _, k := range Measures {
		if k == m {
			return true
		}
	}
	return false
}

// Computed reports whether actuals of m come from data rather than typing.
func (m Measure) Computed() bool {
	return m == MeasureRevenue || m == MeasureWonDeals || m == MeasureCertifiedPeople
}

// Money reports whether targets and actuals of m are minor units of money.
func (m Measure) Money() bool { return m == MeasureRevenue }

// Level reports whether m is a level held at a moment (certified people)
// rather than a count that adds up over quarters.
func (m Measure) Level() bool { return m == MeasureCertifiedPeople }

// Objective is one goal of a plan with a target and an actual per quarter.
type Objective struct {
	ID      int64
	Measure Measure
	Title   string // what a custom objective counts; a note for the others
	Weight  int    // relative weight, 1–100
	Targets [4]int64
	Actuals [4]int64 // entered actuals; computed measures ignore them
	// Reported marks the quarters whose actual was entered, 0 included: an
	// actual of 0 that is not reported means "nothing yet". An actual
	// above 0 is always reported.
	Reported [4]bool
}

// HasActual reports whether quarter q (0–3) has an entered actual: one
// reported, or above 0 (a record from a team member whose file predates
// the mark).
func (o *Objective) HasActual(q int) bool { return o.Reported[q] || o.Actuals[q] > 0 }

// Commitment kinds; the side is a Side (vendor or partner).
const (
	CommitTraining = "training"
	CommitMDF      = "mdf"
	CommitSalesRep = "sales_rep"
	CommitOther    = "other"
)

// CommitmentKinds lists the kinds of commitment in display order.
var CommitmentKinds = []string{CommitTraining, CommitMDF, CommitSalesRep, CommitOther}

// Commitment is one promise the vendor or the partner makes in a plan.
type Commitment struct {
	Side Side   // SideVendor or SidePartner
	Kind string // one of CommitmentKinds; partners' are CommitOther
	Body string
}

// Plan is the joint business plan of one partner for one fiscal year. The
// fiscal year is named after the calendar year it starts in.
type Plan struct {
	ID         int64
	PartnerID  int64
	FiscalYear int
	Status     PlanStatus
	Revision   int    // the revision being worked on, or agreed
	AgreedOn   string // date the current revision was agreed; "" for a draft

	VendorContactName  string
	VendorContactRole  string
	VendorContactEmail string
	VendorContactPhone string

	RepShareBP    int    // co-funded dedicated sales rep: 0, 5000 or 7500
	RepCommitment string // what the rep commits to, e.g. calls per day

	Objectives  []Objective
	Commitments []Commitment

	CreatedAt string
	UpdatedAt string
}

// MaxObjectives bounds a plan's objectives.
const MaxObjectives = 100

// Validate checks a plan before it is stored.
func (p *Plan) Validate() error {
	p.VendorContactName, p.VendorContactEmail = strings.TrimSpace(p.VendorContactName), strings.TrimSpace(p.VendorContactEmail)
	p.RepCommitment = strings.TrimSpace(p.RepCommitment)
	switch {
	case p.FiscalYear < 2000 || p.FiscalYear > 2100:
		return Invalid("fiscal_year", "err.plans_year", nil)
	case p.VendorContactEmail != "" && !ValidEmail(p.VendorContactEmail):
		return Invalid("vendor_contact_email", "err.email", map[string]any{"Value": p.VendorContactEmail})
	case p.RepShareBP != 0 && p.RepShareBP != 5000 && p.RepShareBP != 7500:
		return Invalid("rep_share", "err.plans_rep_share", nil)
	case p.RepShareBP != 0 && p.RepCommitment == "":
		return Invalid("rep_commitment", "err.required", nil)
	case len(p.Objectives) > MaxObjectives:
		return Invalid("objectives", "err.plans_too_many", map[string]any{"Max": MaxObjectives})
	}
	for field, v := range map[string]string{"vendor_contact_name": p.VendorContactName, "vendor_contact_role": p.VendorContactRole,
		"vendor_contact_phone": p.VendorContactPhone} {
		if utf8.RuneCountInString(v) > MaxNameLen {
			return Invalid(field, "err.too_long", map[string]any{"Max": MaxNameLen})
		}
	}
	if utf8.RuneCountInString(p.RepCommitment) > MaxTextLen {
		return Invalid("rep_commitment", "err.too_long", map[string]any{"Max": MaxTextLen})
	}
	for i := range p.Objectives {
		if err := p.Objectives[i].Validate(); err != nil {
			return err
		}
	}
	for i := range p.Commitments {
		if err := p.Commitments[i].Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks one objective.
func (o *Objective) Validate() error {
	o.Title = strings.TrimSpace(o.Title)
	switch {
	case !o.Measure.Valid():
		return Invalid("measure", "err.unknown_kind", map[string]any{"Value": string(o.Measure)})
	case o.Measure == MeasureCustom && o.Title == "":
		return Invalid("objective_title", "err.required", nil)
	case utf8.RuneCountInString(o.Title) > MaxNameLen:
		return Invalid("objective_title", "err.too_long", map[string]any{"Max": MaxNameLen})
	case o.Weight < 1 || o.Weight > 100:
		return Invalid("weight", "err.plans_weight", nil)
	}
	for q := range 4 {
		if o.Targets[q] < 0 || o.Actuals[q] < 0 {
			return Invalid("target", "err.plans_negative", nil)
		}
	}
	return nil
}

// Validate checks one commitment.
func (c *Commitment) Validate() error {
	c.Body = strings.TrimSpace(c.Body)
	switch {
	case c.Side != SideVendor && c.Side != SidePartner:
		return Invalid("side", "err.unknown_kind", map[string]any{"Value": c.Side})
	case !validCommitKind(c.Kind):
		return Invalid("kind", "err.unknown_kind", map[string]any{"Value": c.Kind})
	case c.Body == "":
		return Invalid("commitment", "err.required", nil)
	case utf8.RuneCountInString(c.Body) > MaxTextLen:
		return Invalid("commitment", "err.too_long", map[string]any{"Max": MaxTextLen})
	}
	return nil
}

func validCommitKind(k string) bool {
	for _, x := range CommitmentKinds {
		if x == k {
			return true
		}
	}
	return false
}

// ObjectiveStatus is how a check-in judges an objective.
type ObjectiveStatus string

// Check-in judgements.
const (
	OnTrack  ObjectiveStatus = "on_track"
	AtRisk   ObjectiveStatus = "at_risk"
	OffTrack ObjectiveStatus = "off_track"
)

// CheckIn is the quarterly review of a plan. Internal notes never leave
// the program; shareable ones may appear in the partner's document.
type CheckIn struct {
	ID        int64
	PlanID    int64
	Quarter   int // 1–4 of the plan's fiscal year
	HeldOn    string
	Attendees string
	Notes     string
	Shareable bool
	Statuses  map[int64]ObjectiveStatus // by objective ID
}

// Validate checks a check-in before it is stored.
func (c *CheckIn) Validate() error {
	c.Attendees, c.Notes = strings.TrimSpace(c.Attendees), strings.TrimSpace(c.Notes)
	switch {
	case c.Quarter < 1 || c.Quarter > 4:
		return Invalid("quarter", "err.plans_quarter", nil)
	case !isISODate(c.HeldOn):
		return Invalid("held_on", "err.plans_date", map[string]any{"Value": c.HeldOn})
	case utf8.RuneCountInString(c.Attendees) > MaxTextLen || utf8.RuneCountInString(c.Notes) > MaxTextLen:
		return Invalid("notes", "err.too_long", map[string]any{"Max": MaxTextLen})
	}
	for _, st := range c.Statuses {
		if st != OnTrack && st != AtRisk && st != OffTrack {
			return Invalid("objective_status", "err.unknown_status", map[string]any{"Value": string(st)})
		}
	}
	return nil
}

func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:10] >= "01" && s[8:10] <= "31"
}

// PlanRevision is an agreed revision of a plan, frozen as it was agreed.
type PlanRevision struct {
	Revision int
	AgreedOn string
	Plan     Plan
}
