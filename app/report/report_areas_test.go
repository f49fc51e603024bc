package report

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/app/onboarding"
	"channeldesk/app/plan"
	"channeldesk/app/recruit"
	"channeldesk/app/tier"
	"channeldesk/data"
)

// demoStore is a database filled by the demo: every area has data.
func demoStore(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Demo(context.Background(), s, demo.DemoOptions{Partners: 120, Seed: 3, Today: today}); err != nil {
		t.Fatal(err)
	}
	return s
}

func raw(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func num(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(raw(t, f, sheet, cell), 64)
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return v
}

// rowOf finds the data row (1-based) whose column A is name.
func rowOf(rows [][]string, name string) int {
	for i, r := range rows {
		if len(r) > 0 && r[0] == name {
			return i + 1
		}
	}
	return 0
}

func TestPlansSheetShowsTheAreasAttainment(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	st, _ := s.Settings(ctx)
	ov, err := plan.Overview(ctx, s, plan.FiscalYearOf(today, metrics.FiscalFromSetting(st)), today)
	if err != nil || len(ov) == 0 {
		t.Fatalf("demo has %d plans this year (%v)", len(ov), err)
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	rows, _ := f.GetRows("Plans")
	if len(rows) != 1+len(ov)+1 {
		t.Fatalf("Plans has %d rows, want header + %d plans + total", len(rows), len(ov))
	}
	if strings.Join(rows[0][7:13], "|") != "Attainment Q1|Attainment Q2|Attainment Q3|Attainment Q4|Attainment, year|Check-ins due" {
		t.Errorf("Plans header %q", rows[0])
	}
	var targets int64
	checked := 0
	for _, r := range ov {
		tgt, _ := revenueFigures(r.Attainment)
		targets += tgt
		i := rowOf(rows, r.Partner)
		if i == 0 {
			t.Fatalf("no row for %s", r.Partner)
		}
		if r.Attainment.YearBP != plan.NoTarget {
			if got := num(t, f, "Plans", "L"+strconv.Itoa(i)); int(got*10000+0.5) != r.Attainment.YearBP {
				t.Errorf("%s: year attainment %v, want %d bp", r.Partner, got, r.Attainment.YearBP)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Error("no plan with a year attainment to compare")
	}
	total := "F" + strconv.Itoa(len(rows))
	if fm, _ := f.GetCellFormula("Plans", total); !strings.HasPrefix(fm, "SUBTOTAL(109,") {
		t.Errorf("revenue target total %q", fm)
	}
	v, err := f.CalcCellValue("Plans", total, excelize.Options{RawCellValue: true})
	if got, _ := strconv.ParseFloat(v, 64); err != nil || int64(got*100+0.5) != targets {
		t.Errorf("revenue target total %s (%v), want %d minor units", v, err, targets)
	}
	objs, _ := f.GetRows("Plan objectives")
	n := 0
	for _, r := range ov {
		n += len(r.Attainment.Objectives)
	}
	if len(objs) != 1+n {
		t.Errorf("Plan objectives has %d rows, want header + %d objectives", len(objs), n)
	}
}

func TestRecruitmentSheetHasStagesSourcesAndScores(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	pl, err := recruit.LoadPipeline(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	rows, _ := f.GetRows("Recruitment")
	want := 0
	scored := 0
	for _, st := range recruitStages {
		for _, p := range pl.Find(st, recruit.Filter{}, true) {
			want++
			i := 0
			for j, r := range rows {
				if len(r) > 1 && r[1] == p.Name {
					i = j + 1
				}
			}
			if i == 0 {
				t.Fatalf("no row for %s", p.Name)
			}
			if p.Scored {
				scored++
				if got := num(t, f, "Recruitment", "L"+strconv.Itoa(i)); int(got) != p.Score {
					t.Errorf("%s: score %v, want %d", p.Name, got, p.Score)
				}
			}
			if p.EventName != "" {
				if ev, _ := f.GetCellValue("Recruitment", "F"+strconv.Itoa(i)); ev != p.EventName {
					t.Errorf("%s: event %q, want %q", p.Name, ev, p.EventName)
				}
			}
		}
	}
	if len(rows) != 1+want || scored == 0 {
		t.Errorf("Recruitment has %d rows for %d prospects (%d scored)", len(rows), want, scored)
	}
	if stage, _ := f.GetCellValue("Recruitment", "D2"); stage != "Prospect" {
		t.Errorf("first stage %q, want Prospect (pipeline order)", stage)
	}
}

func TestTiersSheetShowsTheEnginesVerdict(t *testing.T) {
	s := demoStore(t)
	ov, err := tier.EvaluateProgram(context.Background(), s, today.Format(format.DateLayout))
	if err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	rows, _ := f.GetRows("Tier progress")
	if strings.Join(rows[0][:5], "|") != "Partner|Assigned tier|Qualified tier|Suggestion|Demotion risk" {
		t.Fatalf("header %q", rows[0])
	}
	names := map[int64]string{}
	r, _ := s.DB().Query(`SELECT id, name FROM partners`)
	for r.Next() {
		var id int64
		var n string
		r.Scan(&id, &n)
		names[id] = n
	}
	r.Close()
	suggestions := 0
	for _, e := range ov.Evaluations {
		if e.Suggest == tier.SuggestNone || names[e.PartnerID] == "" {
			continue
		}
		i := rowOf(rows, names[e.PartnerID])
		if i == 0 {
			continue // not in the program
		}
		want := map[tier.SuggestionKind]string{tier.SuggestPromote: "Promote to ", tier.SuggestDemote: "Demote to "}[e.Suggest] + tier.Name(e.Qualified, format.EN, "No tier")
		if got := rows[i-1][3]; got != want {
			t.Errorf("%s: suggestion %q, want %q", names[e.PartnerID], got, want)
		}
		if got := rows[i-1][2]; got != tier.Name(e.Qualified, format.EN, "") {
			t.Errorf("%s: qualified %q", names[e.PartnerID], got)
		}
		suggestions++
	}
	if suggestions == 0 {
		t.Error("the demo has no tier suggestion to check")
	}
}

func TestOnboardingSheetShowsProgressAndOverdueTasks(t *testing.T) {
	s := demoStore(t)
	entries, err := s.OnboardingEntries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN})
	rows, _ := f.GetRows("Onboarding")
	if len(rows) != 1+len(entries)+1 {
		t.Fatalf("Onboarding has %d rows, want header + %d partners + total", len(rows), len(entries))
	}
	overdue, late := 0, 0
	for _, e := range entries {
		if e.Checklist == nil {
			continue
		}
		p := onboarding.Progress(e.Checklist, "2026-11-27", "")
		i := strconv.Itoa(rowOf(rows, e.Name))
		if got := num(t, f, "Onboarding", "I"+i); int(got) != p.Overdue {
			t.Errorf("%s: overdue %v, want %d", e.Name, got, p.Overdue)
		}
		if got := num(t, f, "Onboarding", "H"+i); got < p.Fraction()-1e-9 || got > p.Fraction()+1e-9 {
			t.Errorf("%s: progress %v, want %v", e.Name, got, p.Fraction())
		}
		list, _ := f.GetCellValue("Onboarding", "O"+i)
		if (p.Overdue > 0) != (list != "") {
			t.Errorf("%s: %d overdue tasks, list %q", e.Name, p.Overdue, list)
		}
		overdue += p.Overdue
		if p.Overdue > 0 {
			late++
		}
	}
	if late == 0 {
		t.Error("the demo has no overdue onboarding task to check")
	}
	total := "I" + strconv.Itoa(len(rows))
	if v, _ := f.CalcCellValue("Onboarding", total); v != strconv.Itoa(overdue) {
		t.Errorf("overdue total %s, want %d", v, overdue)
	}
	for _, sheet := range []string{"Plans", "Plan objectives", "Onboarding"} {
		if cf, _ := f.GetConditionalFormats(sheet); len(cf) == 0 {
			t.Errorf("%s: no conditional format", sheet)
		}
	}
}

// The Plans sheet marks the dashboard's missed target: on 27 November
// (fiscal year from January) the last finished quarter is Q3, column J.
func TestPlansMarkTheLastFinishedQuarter(t *testing.T) {
	s := openStore(t, 3, 3)
	pl := &data.Plan{PartnerID: 1, FiscalYear: 2026, Objectives: []data.Objective{
		{Measure: data.MeasureRevenue, Weight: 100, Targets: [4]int64{100, 100, 100, 100}}}}
	if err := s.CreatePlan(context.Background(), pl); err != nil {
		t.Fatal(err)
	}
	f, _ := writeReport(t, s, Options{Lang: format.EN, Sheets: []Sheet{{"report.sheet.plans", writePlans}}})
	if h, _ := f.GetCellValue("Plans", "J1"); h != "Attainment Q3" {
		t.Fatalf("J1 %q", h)
	}
	cf, _ := f.GetConditionalFormats("Plans")
	found := false
	for _, opts := range cf {
		for _, o := range opts {
			if strings.Contains(o.Criteria, "$J2<0.8") && strings.Contains(o.Criteria, `"Agreed"`) {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no missed-target rule on Q3 in %+v", cf)
	}
}
