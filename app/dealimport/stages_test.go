package dealimport_test

import (
	"context"
	"testing"

	"channeldesk/app/dealimport"
	"channeldesk/data"
)

const sfOpps = "Partner Account,Account Name,Amount,Created Date,Stage,Close Date\n" +
	"Орбита Софт,Acme,USD 125000.00,3/15/2026,Prospecting,\n" +
	"Орбита Софт,Beta,1000,3/16/2026,Verbal Commit,\n" +
	"Орбита Софт,Gamma,2000,3/17/2026,Verbal Commit,\n" +
	"Орбита Софт,Delta,3000,3/18/2026,Closed Won,3/30/2026\n"

// A CRM stage we do not know never refuses a deal: it is listed with its
// rows and registers the deal until the user maps it; the mapping the
// user chooses applies and is remembered in the profile.
func TestUnknownStagesAreListedAndMappedNeverRefused(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	pv, err := dealimport.Check(ctx, s, "opps.csv", []byte(sfOpps))
	if err != nil {
		t.Fatal(err)
	}
	if pv.Errors != 0 || pv.UnknownStages != 2 {
		t.Fatalf("%d errors, %d rows with an unknown stage: %+v", pv.Errors, pv.UnknownStages, pv.Rows)
	}
	var verbal *dealimport.Stage
	for i := range pv.Stages {
		if pv.Stages[i].Value == "Verbal Commit" {
			verbal = &pv.Stages[i]
		}
	}
	if verbal == nil || verbal.Rows != 2 || verbal.Known || verbal.State != data.DealSubmitted {
		t.Fatalf("stages listed %+v", pv.Stages)
	}
	if pv.Stages[0].Value != "Verbal Commit" {
		t.Errorf("the most frequent stage is not first: %+v", pv.Stages)
	}
	opt := dealimport.Options{Stages: map[string]data.DealState{dealimport.StageKey("Verbal Commit"): data.DealApproved,
		dealimport.StageKey("Prospecting"): data.DealApproved}}
	pv, err = dealimport.CheckWith(ctx, s, "opps.csv", []byte(sfOpps), opt)
	if err != nil {
		t.Fatal(err)
	}
	if pv.UnknownStages != 0 || pv.Rows[1].Deal.State != data.DealApproved || pv.Rows[0].Deal.State != data.DealApproved ||
		pv.Rows[3].Deal.State != data.DealWon {
		t.Fatalf("after mapping: %d unknown, states %s %s %s", pv.UnknownStages, pv.Rows[0].Deal.State,
			pv.Rows[1].Deal.State, pv.Rows[3].Deal.State)
	}
	if err := dealimport.SaveProfile(ctx, s, "Salesforce opportunities", pv.Table.Header, opt); err != nil {
		t.Fatal(err)
	}
	again, err := dealimport.Check(ctx, s, "opps-next.csv", []byte(sfOpps))
	if err != nil {
		t.Fatal(err)
	}
	if again.Profile != "Salesforce opportunities" || again.UnknownStages != 0 || again.Rows[2].Deal.State != data.DealApproved {
		t.Errorf("profile %q not applied: %d unknown", again.Profile, again.UnknownStages)
	}
	if n, err := dealimport.Import(ctx, s, again); err != nil || n != 4 {
		t.Errorf("imported %d, %v", n, err)
	}
}
