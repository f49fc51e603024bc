package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// TaskKind says what an onboarding task is; some kinds complete themselves
// from data (first deal, certification of N people, first MDF activity).
type TaskKind string

// Onboarding task kinds.
const (
	KindAgreement     TaskKind = "agreement"
	KindPortalAccess  TaskKind = "portal_access"
	KindSalesTraining TaskKind = "sales_training"
	KindTechTraining  TaskKind = "tech_training"
	KindCertification TaskKind = "certification"
	KindMarketingKit  TaskKind = "marketing_kit"
	KindFirstDeal     TaskKind = "first_deal"
	KindFirstMDF      TaskKind = "first_mdf"
	KindCustom        TaskKind = "custom"
)

// TaskKinds lists every task kind in display order.
var TaskKinds = []TaskKind{KindAgreement, KindPortalAccess, KindSalesTraining, KindTechTraining,
	KindCertification, KindMarketingKit, KindFirstDeal, KindFirstMDF, KindCustom}

// Valid reports whether k is a known task kind.
func (k TaskKind) Valid() bool {
	for _, x := range TaskKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Automatic reports whether tasks of this kind complete themselves from data.
func (k TaskKind) Automatic() bool {
	return k == KindFirstDeal || k == KindCertification || k == KindFirstMDF
}

// Side is who owns an onboarding task: the vendor or the partner.
type Side string

// Owner sides.
const (
	SideVendor  Side = "vendor"
	SidePartner Side = "partner"
)

// Sides lists both owner sides.
var Sides = []Side{SideVendor, SidePartner}

// MaxDueDays bounds a task's due offset: five years is plenty.
const MaxDueDays = 5 * 366

// TemplateTask is one task of an onboarding template.
type TemplateTask struct {
	TitleEN  string   `json:"title_en"`
	TitleRU  string   `json:"title_ru"`
	Kind     TaskKind `json:"kind"`
	Owner    Side     `json:"owner"`
	DueDays  int      `json:"due_days"`          // from the start date
	Product  string   `json:"product,omitempty"` // "" applies to every partner
	Required bool     `json:"required"`
	Target   int      `json:"target,omitempty"` // people to certify
}

// TemplateStage is an ordered group of tasks.
type TemplateStage struct {
	NameEN string         `json:"name_en"`
	NameRU string         `json:"name_ru"`
	Tasks  []TemplateTask `json:"tasks"`
}

// OnboardingTemplate is the programme a partner type goes through.
type OnboardingTemplate struct {
	Type   PartnerType     `json:"type"`
	Name   string          `json:"name"`
	NameRU string          `json:"name_ru,omitempty"`
	Stages []TemplateStage `json:"stages"`
}

// Validate checks one task of a template.
func (t *TemplateTask) Validate() error {
	t.TitleEN, t.TitleRU, t.Product = strings.TrimSpace(t.TitleEN), strings.TrimSpace(t.TitleRU), strings.TrimSpace(t.Product)
	switch {
	case t.TitleEN == "":
		return Invalid("title_en", "err.required", nil)
	case t.TitleRU == "":
		return Invalid("title_ru", "err.required", nil)
	case utf8.RuneCountInString(t.TitleEN) > MaxNameLen || utf8.RuneCountInString(t.TitleRU) > MaxNameLen:
		return Invalid("title_en", "err.too_long", map[string]any{"Max": MaxNameLen})
	case !t.Kind.Valid():
		return Invalid("kind", "err.unknown_kind", map[string]any{"Value": string(t.Kind)})
	case t.Owner != SideVendor && t.Owner != SidePartner:
		return Invalid("owner", "err.onboard_owner", nil)
	case t.DueDays < 0 || t.DueDays > MaxDueDays:
		return Invalid("due_days", "err.onboard_due_days", map[string]any{"Max": MaxDueDays})
	case t.Kind == KindCertification && t.Target < 1:
		return Invalid("certify_target", "err.onboard_target", nil)
	}
	return nil
}

// Validate checks a template before it is stored.
func (tpl *OnboardingTemplate) Validate() error {
	tpl.Name = strings.TrimSpace(tpl.Name)
	switch {
	case !tpl.Type.Valid():
		return Invalid("type", "err.unknown_type", map[string]any{"Value": string(tpl.Type)})
	case tpl.Name == "":
		return Invalid("name", "err.required", nil)
	case tpl.TaskCount() == 0:
		return Invalid("tasks", "err.onboard_no_tasks", nil)
	}
	for i := range tpl.Stages {
		st := &tpl.Stages[i]
		st.NameEN, st.NameRU = strings.TrimSpace(st.NameEN), strings.TrimSpace(st.NameRU)
		if st.NameEN == "" || st.NameRU == "" {
			return Invalid("stage", "err.required", nil)
		}
		for j := range st.Tasks {
			if err := st.Tasks[j].Validate(); err != nil {
				return err
			}
		}
	}
	return nil
}

// TaskCount is the number of tasks over all stages.
func (tpl *OnboardingTemplate) TaskCount() int {
	n := 0
	for _, st := range tpl.Stages {
		n += len(st.Tasks)
	}
	return n
}

// ParseTemplate reads a template from JSON and validates it.
func ParseTemplate(b []byte) (*OnboardingTemplate, error) {
	var tpl OnboardingTemplate
	if err := json.Unmarshal(b, &tpl); err != nil {
		return nil, err
	}
	return &tpl, tpl.Validate()
}

// OnboardingTemplate returns the edited template of a partner type, or
// nil when the type still uses the shipped default.
func (s *Store) OnboardingTemplate(ctx context.Context, t PartnerType) (*OnboardingTemplate, error) {
	return onboardingTemplate(ctx, s.db, t)
}

// OnboardingTemplateTx is OnboardingTemplate inside a caller's transaction.
func OnboardingTemplateTx(ctx context.Context, tx *Tx, t PartnerType) (*OnboardingTemplate, error) {
	return onboardingTemplate(ctx, tx, t)
}

func onboardingTemplate(ctx context.Context, q querier, t PartnerType) (*OnboardingTemplate, error) {
	var body string
	err := q.QueryRowContext(ctx, `SELECT body FROM onboarding_templates WHERE partner_type = ?`, t).Scan(&body)
	if err == sql.ErrNoRows {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return ParseTemplate([]byte(body))
}

// SaveOnboardingTemplate stores an edited template for its partner type.
// Running checklists are copies and do not change.
func (s *Store) SaveOnboardingTemplate(ctx context.Context, tpl *OnboardingTemplate) error {
	if err := tpl.Validate(); err != nil {
		return err
	}
	body, err := json.Marshal(tpl)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO onboarding_templates (partner_type, name, body, updated_at) VALUES (?,?,?,?)
		ON CONFLICT(partner_type) DO UPDATE SET name = excluded.name, body = excluded.body, updated_at = excluded.updated_at`,
		tpl.Type, tpl.Name, string(body), s.now())
	return err
}

// ResetOnboardingTemplate drops the edited template of a type, so the
// shipped default applies again.
func (s *Store) ResetOnboardingTemplate(ctx context.Context, t PartnerType) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM onboarding_templates WHERE partner_type = ?`, t)
	return err
}
