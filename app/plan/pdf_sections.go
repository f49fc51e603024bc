package plan

import (
	"channeldesk/app/format"
	"fmt"
)

func (r *renderer) tier() {
	sec := r.d.Tier
	r.h1(r.t("tier"))
	switch {
	case !sec.HasProgram:
		r.notSet(r.t("no_program"))
		return
	case sec.Current == nil:
		r.notSet(r.t("no_tier"))
	default:
		r.currentTier(sec.Current)
	}
	if sec.Next == nil {
		r.f.Ln(2)
		r.para(r.t("top_tier"))
		return
	}
	r.h2(r.t("next_tier", sec.Next.Name))
	if len(sec.Progress) == 0 {
		r.notSet(r.t("no_requirements"))
	}
	for _, row := range sec.Progress {
		r.progressBar(row, parseColor(sec.Next.Color))
	}
}

func (r *renderer) currentTier(t *TierInfo) {
	r.need(20)
	y := r.f.GetY()
	c := parseColor(t.Color)
	r.fill(c)
	r.f.Rect(margin, y+0.5, 4, 6, "F")
	r.font(true, 12)
	r.f.SetXY(margin+7, y)
	r.f.MultiCell(contentW-7, 7, r.t("current_tier", t.Name), "", "L", false)
	r.f.Ln(1)
	r.kv(r.t("discount"), percent(t.DiscountBP, r.l))
	r.kv(r.t("mdf_accrual"), percent(t.MDFBP, r.l))
	r.h2(r.t("benefits"))
	if len(t.Benefits) == 0 {
		r.notSet(r.t("no_benefits"))
	}
	for _, b := range t.Benefits {
		r.bullet(b)
	}
}

// progressBar draws one requirement: its label, a bar filled to the
// fraction reached, the figures and the exact gap.
func (r *renderer) progressBar(row ProgressRow, c rgb) {
	const labelW, barW, figW = 62.0, 64.0, contentW - 62 - 64 - 4
	r.font(false, 9)
	lines := r.f.SplitText(row.Label, labelW-2)
	h := max(float64(len(lines))*4.5, 10)
	r.need(h + 2)
	y := r.f.GetY()
	r.f.SetXY(margin, y)
	r.f.MultiCell(labelW-2, 4.5, row.Label, "", "L", false)
	r.fill(barTrack)
	r.f.RoundedRect(margin+labelW, y+1, barW, 4, 1, "1234", "F")
	if row.Fraction > 0 {
		if row.Fraction >= 1 {
			c = good
		}
		r.fill(c)
		r.f.RoundedRect(margin+labelW, y+1, max(barW*row.Fraction, 2), 4, 1, "1234", "F")
	}
	r.f.SetXY(margin+labelW+barW+4, y)
	if !row.Known {
		r.color(muted)
		r.f.CellFormat(figW, 4.5, r.t("not_set"), "", 2, "R", false, 0, "")
		r.color(ink)
		r.f.SetY(y + h + 2)
		return
	}
	fig := r.value(row.Actual, row.Money) + " / " + r.value(row.Target, row.Money)
	switch {
	case row.NoData:
		fig = r.t("no_lead_offers")
	case row.Percent:
		fig = percent(int(row.Actual)*100, r.l) + " / " + percent(int(row.Target)*100, r.l)
	}
	if row.YesNo {
		fig = map[bool]string{true: r.t("yes"), false: r.t("no")}[row.Actual > 0]
		row.Gap = 0
		if row.Actual == 0 {
			r.f.CellFormat(figW, 4.5, fig, "", 2, "R", false, 0, "")
			r.f.SetY(y + h + 2)
			return
		}
	}
	r.f.CellFormat(figW, 4.5, fig, "", 2, "R", false, 0, "")
	r.f.SetX(margin + labelW + barW + 4)
	gap := r.t("met")
	if row.Gap > 0 {
		gap = r.t("gap", r.value(row.Gap, row.Money))
		r.color(accent)
	} else {
		r.color(good)
	}
	r.font(true, 8.5)
	r.f.CellFormat(figW, 4.5, gap, "", 2, "R", false, 0, "")
	r.color(ink)
	r.f.SetY(y + h + 2)
}

func (r *renderer) onboarding() {
	o := r.d.Onboarding
	r.h1(r.t("onboarding"))
	switch {
	case !o.Started:
		r.notSet(r.t("no_onboarding"))
		return
	case o.CompletedOn != "":
		r.para(r.t("onboarding_done", format.FormatDate(o.CompletedOn, r.l)))
		return
	}
	r.para(r.t("onboarding_running", format.FormatDate(o.StartedOn, r.l)))
	if len(o.Tasks) == 0 {
		r.notSet(r.t("no_tasks"))
		return
	}
	r.h2(r.t("remaining_tasks"))
	for _, t := range o.Tasks {
		due := r.t("no_due")
		if t.Due != "" {
			due = r.t("due", format.FormatDate(t.Due, r.l))
		}
		r.bullet(t.Title + " — " + due)
	}
}

// objective table geometry.
var objCols = struct{ name, row, q, year float64 }{50, 22, 21, contentW - 50 - 22 - 4*21}

func (r *renderer) objectives() {
	p := r.d.Plan
	if p != nil && len(p.Attainment.Objectives) > 0 {
		r.need(70) // keep the heading with the table's first rows
	}
	r.h1(r.t("objectives"))
	if p == nil {
		r.notSet(r.t("no_plan", r.d.Year))
		return
	}
	r.font(false, 10)
	r.para(r.planStatusLine())
	r.f.Ln(2)
	if len(p.Attainment.Objectives) == 0 {
		r.notSet(r.t("no_objectives"))
		return
	}
	r.objectivesHead()
	for _, o := range p.Attainment.Objectives {
		r.objectiveBlock(o)
	}
	r.weightedRow(p.Attainment)
	r.f.Ln(2)
	r.font(false, 7.5)
	r.color(muted)
	r.f.SetX(margin)
	r.f.MultiCell(contentW, 3.8, r.t("attainment_note"), "", "L", false)
	r.color(ink)
}

func (r *renderer) objectivesHead() {
	r.need(30)
	r.font(true, 8)
	r.fill(accent)
	r.f.SetTextColor(255, 255, 255)
	r.f.SetX(margin)
	r.f.CellFormat(objCols.name+objCols.row, 6, " "+r.t("col.objective"), "", 0, "L", true, 0, "")
	for q := 1; q <= 4; q++ {
		r.f.CellFormat(objCols.q, 6, r.t("q", q), "", 0, "R", true, 0, "")
	}
	r.f.CellFormat(objCols.year, 6, r.t("col.year")+" ", "", 1, "R", true, 0, "")
	r.color(ink)
}

func (r *renderer) objectiveBlock(o ObjectiveResult) {
	const lh = 3.8
	r.font(true, 8)
	label := ObjectiveLabel(o.Objective, r.l)
	lines := r.f.SplitText(label, objCols.name-3)
	h := max(float64(len(lines))*lh+lh+1.5, 15)
	if r.need(h) {
		r.objectivesHead()
	}
	y := r.f.GetY()
	r.f.SetXY(margin+1, y+0.8)
	r.f.MultiCell(objCols.name-3, lh, label, "", "L", false)
	r.font(false, 7.5)
	r.color(muted)
	r.f.SetX(margin + 1)
	r.f.CellFormat(objCols.name-3, lh, r.t("col.weight")+": "+format.FormatNumber(int64(o.Weight), r.l), "", 0, "L", false, 0, "")
	r.color(ink)
	money := o.Measure.Money()
	rowH := h / 3
	rows := []struct {
		label string
		cells [5]string
	}{
		{r.t("row.target"), r.figures(o.Targets, o.YearTarget, money)},
		{r.t("row.actual"), r.actuals(o, money)},
		{r.t("row.attainment"), [5]string{percent(o.QuarterBP[0], r.l), percent(o.QuarterBP[1], r.l),
			percent(o.QuarterBP[2], r.l), percent(o.QuarterBP[3], r.l), percent(o.YearBP, r.l)}},
	}
	for i, row := range rows {
		r.f.SetXY(margin+objCols.name, y+float64(i)*rowH)
		r.font(i == 2, 7.5)
		r.color(muted)
		r.f.CellFormat(objCols.row, rowH, row.label, "", 0, "L", false, 0, "")
		r.color(ink)
		for q := range 4 {
			r.f.CellFormat(objCols.q, rowH, row.cells[q], "", 0, "R", false, 0, "")
		}
		r.f.CellFormat(objCols.year, rowH, row.cells[4]+" ", "", 0, "R", false, 0, "")
	}
	r.draw(rule)
	r.f.Line(margin, y+h, margin+contentW, y+h)
	r.f.SetXY(margin, y+h)
}

func (r *renderer) figures(v [4]int64, year int64, money bool) [5]string {
	var out [5]string
	for q := range 4 {
		out[q] = r.value(v[q], money)
	}
	out[4] = r.value(year, money)
	return out
}

// actuals shows a dash for quarters that have not begun, and for those
// the partner has not reported yet (a reported 0 shows as 0).
func (r *renderer) actuals(o ObjectiveResult, money bool) [5]string {
	out := r.figures(o.Actual, o.YearActual, money)
	for q := range 4 {
		if q >= r.d.Plan.Attainment.Started || !o.Known[q] {
			out[q] = "—"
		}
	}
	return out
}

func (r *renderer) weightedRow(a Attainment) {
	r.need(8)
	r.font(true, 8.5)
	r.fill(shade)
	r.f.SetX(margin)
	r.f.CellFormat(objCols.name+objCols.row, 7, " "+r.t("weighted"), "", 0, "L", true, 0, "")
	for q := range 4 {
		r.f.CellFormat(objCols.q, 7, percent(a.QuarterBP[q], r.l), "", 0, "R", true, 0, "")
	}
	r.f.CellFormat(objCols.year, 7, percent(a.YearBP, r.l)+" ", "", 1, "R", true, 0, "")
}

func (r *renderer) checkIns() {
	p := r.d.Plan
	if p == nil {
		return
	}
	r.h1(r.t("checkins"))
	if len(p.CheckIns) == 0 {
		r.notSet(r.t("no_checkins"))
		return
	}
	for _, c := range p.CheckIns {
		r.h2(r.t("checkin", c.Quarter, format.FormatDate(c.HeldOn, r.l)))
		if c.Attendees != "" {
			r.para(r.t("attendees", c.Attendees))
		}
		if c.Notes != "" {
			r.para(c.Notes)
		}
		for _, s := range c.Statuses {
			r.bullet(s)
		}
	}
}

func (r *renderer) commitments() {
	r.h1(r.t("commitments"))
	p := r.d.Plan
	if p == nil {
		r.notSet(r.t("no_commitments"))
		return
	}
	r.h2(r.t("vendor_commitments", vendorName(r.d)))
	if len(p.Vendor) == 0 && p.RepShareBP == 0 {
		r.notSet(r.t("no_commitments"))
	}
	for _, c := range p.Vendor {
		r.bullet(r.t("kind."+c.Kind) + ": " + c.Body)
	}
	if p.RepShareBP != 0 {
		r.bullet(r.t("rep", vendorName(r.d), percent(p.RepShareBP, r.l)) + " " + r.t("rep_commits", p.RepCommits))
	}
	r.h2(r.t("partner_commitments", r.d.Partner.Name))
	if len(p.Partner) == 0 {
		r.notSet(r.t("no_commitments"))
		return
	}
	for _, c := range p.Partner {
		r.bullet(c.Body)
	}
}

func (r *renderer) mdf() {
	m := r.d.MDF
	r.h1(r.t("mdf"))
	if !m.Known {
		r.notSet(r.t("mdf_not_set"))
		return
	}
	r.kv(r.t("allocated"), r.money(m.Allocated))
	r.kv(r.t("available"), r.money(m.Available))
	r.h2(r.t("activities"))
	if len(m.Activities) == 0 {
		r.notSet(r.t("no_activities"))
	}
	for _, a := range m.Activities {
		title := r.t("activity." + a.Kind)
		if a.Title != "" {
			title += ": " + a.Title
		}
		r.bullet(fmt.Sprintf("%s — %s, %s", title, format.FormatDate(a.Date, r.l), r.money(a.Amount)))
	}
}

func (r *renderer) vendorContact() {
	c := r.d.VendorContact
	r.h1(r.t("vendor_contact", vendorName(r.d)))
	if c.Name == "" {
		r.notSet(r.t("no_vendor_contact"))
		return
	}
	r.need(26)
	y := r.f.GetY()
	r.fill(shade)
	r.f.Rect(margin, y, contentW, 24, "F")
	r.f.SetXY(margin+4, y+3)
	r.font(true, 11)
	r.f.CellFormat(contentW-8, 6, r.fit(c.Name, contentW-8), "", 2, "L", false, 0, "")
	r.font(false, 9.5)
	for _, line := range []string{c.Role, joinNonEmpty("  ·  ", c.Email, c.Phone)} {
		r.f.SetX(margin + 4)
		r.f.CellFormat(contentW-8, 5, r.fit(line, contentW-8), "", 2, "L", false, 0, "")
	}
	r.f.SetY(y + 26)
}
