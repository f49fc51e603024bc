package data_test

import (
	"context"
	"testing"

	"channeldesk/data"
)

func TestTemplateValidation(t *testing.T) {
	ok := func() data.TemplateTask {
		return data.TemplateTask{TitleEN: "Agreement signed", TitleRU: "Договор подписан", Kind: data.KindAgreement, Owner: data.SidePartner, DueDays: 7, Required: true}
	}
	tests := map[string]struct {
		edit  func(*data.TemplateTask)
		field string
	}{
		"valid":                   {func(*data.TemplateTask) {}, ""},
		"ErrTitleENRequired":      {func(t *data.TemplateTask) { t.TitleEN = "  " }, "title_en"},
		"ErrTitleRURequired":      {func(t *data.TemplateTask) { t.TitleRU = "" }, "title_ru"},
		"ErrUnknownKind":          {func(t *data.TemplateTask) { t.Kind = "party" }, "kind"},
		"ErrOwner":                {func(t *data.TemplateTask) { t.Owner = "" }, "owner"},
		"ErrNegativeDue":          {func(t *data.TemplateTask) { t.DueDays = -1 }, "due_days"},
		"ErrCertificationTarget0": {func(t *data.TemplateTask) { t.Kind = data.KindCertification }, "certify_target"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			task := ok()
			tc.edit(&task)
			tpl := &data.OnboardingTemplate{Type: data.TypeMSP, Name: "MSP", Stages: []data.TemplateStage{{NameEN: "Start", NameRU: "Старт", Tasks: []data.TemplateTask{task}}}}
			err := tpl.Validate()
			e, _ := data.AsError(err)
			switch {
			case tc.field == "" && err != nil:
				t.Fatalf("valid template refused: %v", err)
			case tc.field != "" && (e == nil || e.Field != tc.field):
				t.Fatalf("got %v, want an error on %s", err, tc.field)
			}
		})
	}
	empty := &data.OnboardingTemplate{Type: data.TypeMSP, Name: "MSP"}
	if e, _ := data.AsError(empty.Validate()); e == nil || e.Field != "tasks" {
		t.Errorf("a template without tasks: %v", e)
	}
}

func TestChecklistStoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	p := mustPartner(t, s, "Янтарь Системы", data.StatusOnboarding)
	cl := &data.OnboardingChecklist{PartnerID: p.ID, TemplateName: "Reseller onboarding", StartedOn: "2026-01-31", Tasks: []data.OnboardingTask{
		{StageEN: "Start", StageRU: "Старт", TitleEN: "Agreement", TitleRU: "Договор", Kind: data.KindAgreement, Owner: data.SidePartner, DueOn: "2026-02-07", Required: true},
		{StageEN: "Start", StageRU: "Старт", TitleEN: "Portal", TitleRU: "Портал", Kind: data.KindPortalAccess, Owner: data.SideVendor, DueOn: "2026-02-10"},
	}}
	err := s.WithTx(ctx, func(tx *data.Tx) error { return data.SaveChecklistTx(ctx, tx, cl) })
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Checklist(ctx, p.ID)
	if err != nil || got == nil || len(got.Tasks) != 2 || got.Tasks[1].TitleRU != "Портал" || got.Tasks[0].State != data.TaskPending {
		t.Fatalf("read back %+v, %v", got, err)
	}
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		_, err := data.SetTaskStateTx(ctx, tx, got.Tasks[1].ID, data.TaskChange{State: data.TaskBlocked, Reason: "SSO", On: "2026-02-01", By: "me"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = s.Checklist(ctx, p.ID)
	if b := got.Tasks[1]; b.State != data.TaskBlocked || b.Reason != "SSO" || b.DoneOn != "" {
		t.Errorf("blocked task stored as %+v (blocked keeps no done date)", b)
	}
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		_, err := data.SetTaskStateTx(ctx, tx, 9999, data.TaskChange{State: data.TaskPending})
		return err
	})
	if data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("unknown task: %v", err)
	}
	if err := s.DeletePartner(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM onboarding_tasks`).Scan(&n)
	if n != 0 {
		t.Errorf("%d tasks outlived their partner", n)
	}
}

func TestTaskChangeValidation(t *testing.T) {
	tests := map[string]struct {
		c     data.TaskChange
		field string
	}{
		"done":             {data.TaskChange{State: data.TaskDone, On: "2026-02-28"}, ""},
		"pending":          {data.TaskChange{State: data.TaskPending}, ""},
		"ErrBlockedReason": {data.TaskChange{State: data.TaskBlocked}, "reason"},
		"ErrSkippedReason": {data.TaskChange{State: data.TaskSkipped, On: "2026-02-28", Reason: " "}, "reason"},
		"ErrDoneDate":      {data.TaskChange{State: data.TaskDone, On: "28.02.2026"}, "done_on"},
		"ErrUnknownState":  {data.TaskChange{State: "maybe"}, "state"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			err := tc.c.Validate()
			e, _ := data.AsError(err)
			if (tc.field == "") != (err == nil) || (e != nil && e.Field != tc.field) {
				t.Errorf("got %v, want field %q", err, tc.field)
			}
		})
	}
}
