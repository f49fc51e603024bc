package onboarding

import (
	"context"
	"strings"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/assets/onboarding"
	"channeldesk/data"
)

// templateType is the type whose checklist a partner of type t follows:
// one without a type gets the reseller's, the generic one (agreement,
// portal, sales training, first deal).
func templateType(t data.PartnerType) data.PartnerType {
	if t == data.TypeNone {
		return data.TypeReseller
	}
	return t
}

// DefaultTemplate is the template shipped for a partner type.
func DefaultTemplate(t data.PartnerType) (*data.OnboardingTemplate, error) {
	t = templateType(t)
	b, err := onboarding.Template(string(t))
	if err != nil {
		return nil, data.NotFound("onboarding_template")
	}
	return data.ParseTemplate(b)
}

// TemplateFor is the template a partner type uses now: the edited one if
// the manager saved one, else the shipped default.
func TemplateFor(ctx context.Context, s *data.Store, t data.PartnerType) (tpl *data.OnboardingTemplate, edited bool, err error) {
	t = templateType(t)
	tpl, err = s.OnboardingTemplate(ctx, t)
	return orDefault(tpl, t, err)
}

func orDefaultTx(ctx context.Context, tx *data.Tx, t data.PartnerType) (*data.OnboardingTemplate, bool, error) {
	t = templateType(t)
	tpl, err := data.OnboardingTemplateTx(ctx, tx, t)
	return orDefault(tpl, t, err)
}

func orDefault(tpl *data.OnboardingTemplate, t data.PartnerType, err error) (*data.OnboardingTemplate, bool, error) {
	if err != nil || tpl != nil {
		return tpl, tpl != nil, err
	}
	tpl, err = DefaultTemplate(t)
	return tpl, false, err
}

// BuildTasks copies a template's tasks for a partner: tasks for a product
// the partner does not sell are left out, due dates count from start.
func BuildTasks(tpl *data.OnboardingTemplate, products []string, start time.Time) []data.OnboardingTask {
	sells := map[string]bool{}
	for _, p := range products {
		sells[strings.ToLower(strings.TrimSpace(p))] = true
	}
	var out []data.OnboardingTask
	for si, st := range tpl.Stages {
		for _, tt := range st.Tasks {
			if tt.Product != "" && !sells[strings.ToLower(tt.Product)] {
				continue
			}
			out = append(out, data.OnboardingTask{
				Stage: si, StageEN: st.NameEN, StageRU: st.NameRU, Position: len(out),
				TitleEN: tt.TitleEN, TitleRU: tt.TitleRU, Kind: tt.Kind, Owner: tt.Owner,
				DueOn: fiscal.AddDays(start, tt.DueDays), Product: tt.Product, Required: tt.Required,
				Target: tt.Target, State: data.TaskPending,
			})
		}
	}
	return out
}

// Start gives a partner its checklist, from the template of its
// type filtered by its products, starting on start. A partner that already
// has a checklist keeps it unchanged. Rules that complete tasks from data
// run at once (a partner may already have a deal).
func Start(ctx context.Context, s *data.Store, partnerID int64, start time.Time) (*data.OnboardingChecklist, error) {
	var cl *data.OnboardingChecklist
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		var err error
		cl, err = StartTx(ctx, tx, partnerID, start, start)
		return err
	})
	return cl, err
}

// StartTx is Start inside a caller's transaction;
// today is the day the automatic rules are judged on.
func StartTx(ctx context.Context, tx *data.Tx, partnerID int64, start, today time.Time) (*data.OnboardingChecklist, error) {
	cl, err := data.ChecklistTx(ctx, tx, partnerID)
	if err != nil || cl != nil {
		return cl, err
	}
	p, tpl, err := partnerTemplate(ctx, tx, partnerID)
	if err != nil {
		return nil, err
	}
	cl = &data.OnboardingChecklist{PartnerID: partnerID, TemplateName: tpl.Name, StartedOn: fiscal.ISODate(start),
		Tasks: BuildTasks(tpl, p.Products, start)}
	if err := data.SaveChecklistTx(ctx, tx, cl); err != nil {
		return nil, err
	}
	if _, err := ApplyAutoRulesTx(ctx, tx, partnerID, fiscal.ISODate(today)); err != nil {
		return nil, err
	}
	return data.ChecklistTx(ctx, tx, partnerID)
}

func partnerTemplate(ctx context.Context, tx *data.Tx, partnerID int64) (*data.Partner, *data.OnboardingTemplate, error) {
	p, err := data.OnboardingPartnerTx(ctx, tx, partnerID)
	if err != nil {
		return nil, nil, err
	}
	tpl, _, err := orDefaultTx(ctx, tx, p.Type)
	return p, tpl, err
}

// UpdateFromTemplate rebuilds a running checklist from the current
// template and the partner's current products, keeping the start date and
// the state of every task that is still in the template (same kind and
// English title). Without a checklist it starts one today.
func UpdateFromTemplate(ctx context.Context, s *data.Store, partnerID int64, today time.Time) (*data.OnboardingChecklist, error) {
	var out *data.OnboardingChecklist
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		old, err := data.ChecklistTx(ctx, tx, partnerID)
		if err != nil {
			return err
		}
		if old == nil {
			out, err = StartTx(ctx, tx, partnerID, today, today)
			return err
		}
		p, tpl, err := partnerTemplate(ctx, tx, partnerID)
		if err != nil {
			return err
		}
		start, _ := time.Parse(format.DateLayout, old.StartedOn)
		cl := &data.OnboardingChecklist{PartnerID: partnerID, TemplateName: tpl.Name, StartedOn: old.StartedOn,
			Tasks: carryStates(old.Tasks, BuildTasks(tpl, p.Products, start))}
		if err := data.SaveChecklistTx(ctx, tx, cl); err != nil {
			return err
		}
		if _, err := ApplyAutoRulesTx(ctx, tx, partnerID, fiscal.ISODate(today)); err != nil {
			return err
		}
		out, err = data.ChecklistTx(ctx, tx, partnerID)
		return err
	})
	return out, err
}

func carryStates(old, fresh []data.OnboardingTask) []data.OnboardingTask {
	key := func(t data.OnboardingTask) string { return string(t.Kind) + "\x00" + t.TitleEN }
	prev := map[string]data.OnboardingTask{}
	for _, t := range old {
		prev[key(t)] = t
	}
	for i := range fresh {
		if p, ok := prev[key(fresh[i])]; ok {
			fresh[i].State, fresh[i].Reason, fresh[i].DoneOn, fresh[i].DoneBy = p.State, p.Reason, p.DoneOn, p.DoneBy
		}
	}
	return fresh
}

// SetTaskState ticks, unticks, blocks or skips a task and keeps the
// checklist's completion date right. It reports whether every required
// task is now done, so the screen can suggest moving the partner to active.
func SetTaskState(ctx context.Context, s *data.Store, taskID int64, c data.TaskChange) (complete bool, err error) {
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		partnerID, err := data.SetTaskStateTx(ctx, tx, taskID, c)
		if err != nil {
			return err
		}
		today := c.On
		if today == "" {
			today = fiscal.ISODate(s.Now())
		}
		complete, err = RefreshCompletionTx(ctx, tx, partnerID, today)
		return err
	})
	return complete, err
}

// RefreshCompletionTx sets onboarding_checklists.completed_on when every
// required task is done (to the day the last one was done) and clears it
// when one is reopened. It reports whether the checklist is complete.
func RefreshCompletionTx(ctx context.Context, tx *data.Tx, partnerID int64, today string) (bool, error) {
	cl, err := data.ChecklistTx(ctx, tx, partnerID)
	if err != nil || cl == nil {
		return false, err
	}
	complete, last := true, ""
	for _, t := range cl.Tasks {
		if !t.Required {
			continue
		}
		if t.State != data.TaskDone {
			complete = false
			break
		}
		last = max(last, t.DoneOn)
	}
	switch {
	case complete && cl.CompletedOn == "":
		if last == "" {
			last = today
		}
		return true, data.SetChecklistCompletedTx(ctx, tx, partnerID, last)
	case !complete && cl.CompletedOn != "":
		return false, data.SetChecklistCompletedTx(ctx, tx, partnerID, "")
	}
	return complete, nil
}

// ChangePartnerStatus moves a partner through its lifecycle like
// Store.ChangeStatus and, when it enters onboarding, gives it its
// checklist starting today, all in one transaction.
func ChangePartnerStatus(ctx context.Context, s *data.Store, id int64, to data.Status, reason, author string, today time.Time) error {
	return s.WithTx(ctx, func(tx *data.Tx) error {
		if err := s.ChangeStatusTx(ctx, tx, id, to, reason, author); err != nil {
			return err
		}
		if to != data.StatusOnboarding {
			return nil
		}
		_, err := StartTx(ctx, tx, id, today, today)
		return err
	})
}
