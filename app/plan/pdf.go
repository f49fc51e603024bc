package plan

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"

	"channeldesk/app/format"
	"channeldesk/assets"
	"channeldesk/data"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageW    = 210.0
	pageH    = 297.0
	margin   = 16.0
	contentW = pageW - 2*margin
	bottom   = 18.0
	font     = "dejavu"
)

type rgb struct{ r, g, b int }

var (
	accent   = rgb{0x1f, 0x3a, 0x5f}
	muted    = rgb{0x6b, 0x72, 0x80}
	ink      = rgb{0x1d, 0x1d, 0x1f}
	rule     = rgb{0xd5, 0xd9, 0xe0}
	shade    = rgb{0xf1, 0xf3, 0xf6}
	barTrack = rgb{0xe3, 0xe7, 0xed}
	good     = rgb{0x2e, 0x7d, 0x32}
)

// renderer draws one PlanDoc.
type renderer struct {
	f *fpdf.Fpdf
	d *PlanDoc
	l format.Lang
}

// Render writes the plan document as an A4 PDF with embedded fonts.
func Render(d *PlanDoc, w io.Writer) error {
	r := &renderer{f: newPDF(d), d: d, l: d.Lang}
	r.cover()
	r.f.AddPage()
	r.profile()
	r.tier()
	r.onboarding()
	r.objectives()
	r.checkIns()
	r.commitments()
	r.mdf()
	r.vendorContact()
	return r.f.Output(w)
}

func newPDF(d *PlanDoc) *fpdf.Fpdf {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(font, "", assets.FontRegular)
	f.AddUTF8FontFromBytes(font, "B", assets.FontBold)
	f.SetMargins(margin, 22, margin)
	f.SetAutoPageBreak(true, bottom)
	f.AliasNbPages("{nb}")
	title := text(d.Lang, "title") + " — " + d.Partner.Name
	f.SetTitle(title, true)
	f.SetAuthor(vendorName(d), true)
	f.SetSubject(fmt.Sprintf("%s %d", text(d.Lang, "title"), d.Year), true)
	f.SetCreator("ChannelDesk", true)
	f.SetCreationDate(d.Today)
	f.SetModificationDate(d.Today)
	f.SetLang(map[format.Lang]string{format.EN: "en", format.RU: "ru"}[d.Lang])
	r := &renderer{f: f, d: d, l: d.Lang}
	f.SetHeaderFunc(r.header)
	f.SetFooterFunc(r.footer)
	return f
}

func vendorName(d *PlanDoc) string {
	if d.Program.Vendor != "" {
		return d.Program.Vendor
	}
	if d.Program.Name != "" {
		return d.Program.Name
	}
	return text(d.Lang, "the_vendor")
}

func programName(d *PlanDoc) string {
	if d.Program.Name != "" {
		return d.Program.Name
	}
	return d.Program.Vendor
}

func (r *renderer) color(c rgb)                      { r.f.SetTextColor(c.r, c.g, c.b) }
func (r *renderer) fill(c rgb)                       { r.f.SetFillColor(c.r, c.g, c.b) }
func (r *renderer) draw(c rgb)                       { r.f.SetDrawColor(c.r, c.g, c.b) }
func (r *renderer) t(key string, args ...any) string { return text(r.l, key, args...) }
func (r *renderer) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	r.f.SetFont(font, style, size)
}

func (r *renderer) header() {
	if r.f.PageNo() == 1 {
		return
	}
	r.font(false, 8)
	r.color(muted)
	r.f.SetXY(margin, 10)
	left := r.fit(joinNonEmpty(" · ", programName(r.d), r.t("title")), contentW*0.6)
	r.f.CellFormat(contentW*0.6, 5, left, "", 0, "L", false, 0, "")
	right := r.fit(r.d.Partner.Name, contentW*0.4)
	r.f.CellFormat(contentW*0.4, 5, right, "", 1, "R", false, 0, "")
	r.draw(rule)
	r.f.Line(margin, 15.5, pageW-margin, 15.5)
	r.f.SetXY(margin, 22)
	r.color(ink)
}

func (r *renderer) footer() {
	r.f.SetY(-12)
	r.font(false, 8)
	r.color(muted)
	issued := r.t("issued", format.FormatDate(iso(r.d.Today), r.l))
	r.f.CellFormat(contentW/2, 5, issued, "", 0, "L", false, 0, "")
	r.f.CellFormat(contentW/2, 5, r.t("page", r.f.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
	r.color(ink)
}

// fit shortens s with an ellipsis until it fits w millimetres.
func (r *renderer) fit(s string, w float64) string {
	if r.f.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 && r.f.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}

// need starts a new page unless h millimetres fit on this one.
func (r *renderer) need(h float64) bool {
	if r.f.GetY()+h > pageH-bottom {
		r.f.AddPage()
		return true
	}
	return false
}

func (r *renderer) cover() {
	f := r.f
	f.AddPage()
	r.fill(accent)
	f.Rect(0, 0, pageW, 92, "F")
	f.SetXY(margin, 30)
	r.font(false, 12)
	f.SetTextColor(255, 255, 255)
	f.MultiCell(contentW, 6, programName(r.d), "", "L", false)
	f.SetX(margin)
	r.font(true, 26)
	f.MultiCell(contentW, 12, r.t("title"), "", "L", false)
	f.SetX(margin)
	r.font(false, 12)
	f.MultiCell(contentW, 6, r.t("period", r.d.Year, format.FormatDate(r.d.YearPeriod.From, r.l), format.FormatDate(r.d.YearPeriod.To, r.l)), "", "L", false)
	f.SetXY(margin, 110)
	r.color(muted)
	r.font(false, 11)
	f.CellFormat(contentW, 6, r.t("for"), "", 1, "L", false, 0, "")
	r.color(ink)
	r.font(true, 22)
	f.SetX(margin)
	f.MultiCell(contentW, 10, r.d.Partner.Name, "", "L", false)
	if r.d.Partner.LegalName != "" && r.d.Partner.LegalName != r.d.Partner.Name {
		r.font(false, 12)
		f.SetX(margin)
		f.MultiCell(contentW, 6, r.d.Partner.LegalName, "", "L", false)
	}
	f.Ln(8)
	r.font(false, 11)
	f.SetX(margin)
	f.MultiCell(contentW, 6, r.planStatusLine(), "", "L", false)
	f.SetX(margin)
	f.MultiCell(contentW, 6, r.t("issued", format.FormatDateLong(r.d.Today, r.l))+" · "+r.t("by", vendorName(r.d)), "", "L", false)
	r.glance()
}

// glance is the cover's summary box: tier, attainment so far, contact.
func (r *renderer) glance() {
	y := max(r.f.GetY()+12, 200)
	if y > pageH-bottom-40 {
		return
	}
	r.fill(shade)
	r.f.Rect(margin, y, contentW, 34, "F")
	r.f.SetXY(margin+5, y+4)
	r.font(true, 10)
	r.f.CellFormat(contentW-10, 6, r.t("glance"), "", 2, "L", false, 0, "")
	tier, att, contact := r.t("not_set"), r.t("not_set"), r.t("not_set")
	if r.d.Tier.Current != nil {
		tier = r.d.Tier.Current.Name
	}
	if r.d.Plan != nil && r.d.Plan.Attainment.YearBP != NoTarget {
		att = percent(r.d.Plan.Attainment.YearBP, r.l)
	}
	if c := r.d.VendorContact; c.Name != "" {
		contact = joinNonEmpty(", ", c.Name, c.Email)
	}
	rows := [][2]string{{r.t("glance.tier"), tier}, {r.t("glance.attainment"), att}, {r.t("glance.contact"), contact}}
	// The label column is as wide as the longest label in this language
	// ("Выполнение годового плана на сегодня" is 63 mm at 9 pt).
	r.font(false, 9)
	labelW := 62.0
	for _, kv := range rows {
		labelW = max(labelW, r.f.GetStringWidth(kv[0])+4)
	}
	valueW := contentW - 10 - labelW
	for _, kv := range rows {
		r.f.SetX(margin + 5)
		r.font(false, 9)
		r.color(muted)
		r.f.CellFormat(labelW, 6, kv[0], "", 0, "L", false, 0, "")
		r.color(ink)
		r.font(false, 10)
		r.f.CellFormat(valueW, 6, r.fit(kv[1], valueW), "", 2, "L", false, 0, "")
	}
}

func (r *renderer) planStatusLine() string {
	p := r.d.Plan
	if p == nil {
		return r.t("no_plan", r.d.Year)
	}
	switch p.Status {
	case data.PlanAgreed:
		return r.t("status.agreed", format.FormatDate(p.AgreedOn, r.l), p.Revision)
	case data.PlanCompleted:
		return r.t("status.completed", p.Revision, format.FormatDate(p.AgreedOn, r.l))
	}
	return r.t("status.draft", p.Revision)
}

// h1 starts a section, on a new page when little room is left.
func (r *renderer) h1(title string) {
	r.need(28)
	if r.f.GetY() > 30 {
		r.f.Ln(5)
	}
	r.font(true, 14)
	r.color(accent)
	r.f.SetX(margin)
	r.f.MultiCell(contentW, 7, title, "", "L", false)
	r.draw(accent)
	r.f.SetLineWidth(0.4)
	y := r.f.GetY() + 0.5
	r.f.Line(margin, y, margin+contentW, y)
	r.f.SetLineWidth(0.2)
	r.f.SetY(y + 3)
	r.color(ink)
}

func (r *renderer) h2(title string) {
	if rs := []rune(title); len(rs) > 0 {
		title = strings.ToUpper(string(rs[0])) + string(rs[1:])
	}
	r.need(14)
	r.f.Ln(2)
	r.font(true, 11)
	r.f.SetX(margin)
	r.f.MultiCell(contentW, 6, title, "", "L", false)
	r.f.Ln(1)
}

func (r *renderer) para(s string) {
	r.font(false, 10)
	r.f.SetX(margin)
	r.f.MultiCell(contentW, 5, s, "", "L", false)
}

func (r *renderer) notSet(s string) {
	r.font(false, 10)
	r.color(muted)
	r.f.SetX(margin)
	r.f.MultiCell(contentW, 5, s, "", "L", false)
	r.color(ink)
}

func (r *renderer) bullet(s string) {
	r.font(false, 10)
	r.f.SetX(margin)
	r.f.CellFormat(5, 5, "•", "", 0, "L", false, 0, "")
	r.f.MultiCell(contentW-5, 5, s, "", "L", false)
}

// kv writes a label and a value beside it, "Not set" for an empty value.
func (r *renderer) kv(label, value string) {
	r.need(6)
	r.font(false, 9)
	r.color(muted)
	r.f.SetX(margin)
	r.f.CellFormat(48, 5.5, label, "", 0, "L", false, 0, "")
	r.color(ink)
	r.font(false, 10)
	if strings.TrimSpace(value) == "" {
		r.color(muted)
		value = r.t("not_set")
	}
	r.f.MultiCell(contentW-48, 5.5, value, "", "L", false)
	r.color(ink)
}

func (r *renderer) profile() {
	p := r.d.Partner
	r.h1(r.t("profile"))
	r.kv(r.t("legal_name"), p.LegalName)
	r.kv(r.t("type"), r.t("type."+string(p.Type)))
	r.kv(r.t("location"), joinNonEmpty(", ", p.City, p.Region, p.Country))
	r.kv(r.t("website"), p.Website)
	r.kv(r.t("verticals"), strings.Join(p.Verticals, ", "))
	r.kv(r.t("capabilities"), strings.Join(p.Capabilities, ", "))
	r.kv(r.t("products"), strings.Join(p.Products, ", "))
	r.h2(r.t("contacts"))
	if len(r.d.Contacts) == 0 {
		r.notSet(r.t("no_contacts"))
		return
	}
	cols := []float64{46, 44, 52, 36}
	head := []string{r.t("col.name"), r.t("col.role"), r.t("col.email"), r.t("col.phone")}
	rows := make([][]string, len(r.d.Contacts))
	for i, c := range r.d.Contacts {
		rows[i] = []string{c.Name, c.Role, c.Email, c.Phone}
	}
	r.table(cols, head, rows)
}

// table draws a simple table whose cells wrap; the header repeats on
// every page the table runs onto.
func (r *renderer) table(cols []float64, head []string, rows [][]string) {
	const lh = 4.5
	drawHead := func() {
		r.font(true, 8.5)
		r.fill(shade)
		r.f.SetX(margin)
		for i, h := range head {
			r.f.CellFormat(cols[i], 6, r.fit(h, cols[i]-2), "B", 0, "L", true, 0, "")
		}
		r.f.Ln(6)
	}
	drawHead()
	r.font(false, 9)
	for _, row := range rows {
		lines := 1
		for i, c := range row {
			lines = max(lines, len(r.f.SplitText(c, cols[i]-2)))
		}
		h := float64(lines)*lh + 1.5
		if r.need(h) {
			drawHead()
			r.font(false, 9)
		}
		y, x := r.f.GetY(), margin
		for i, c := range row {
			r.f.SetXY(x+1, y+0.75)
			r.f.MultiCell(cols[i]-2, lh, c, "", "L", false)
			x += cols[i]
		}
		r.draw(rule)
		r.f.Line(margin, y+h, margin+sum(cols), y+h)
		r.f.SetXY(margin, y+h)
	}
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// percent writes basis points as a percentage in the language's style.
func percent(bp int, l format.Lang) string {
	if bp == NoTarget {
		return "—"
	}
	s := strconv.Itoa(bp / 100)
	if frac := bp % 100; frac != 0 {
		dec := "."
		if l == format.RU {
			dec = ","
		}
		s += dec + strconv.Itoa(frac/10)
		if frac%10 != 0 {
			s += strconv.Itoa(frac % 10)
		}
	}
	if l == format.RU {
		return s + "\u00a0%"
	}
	return s + "%"
}

func (r *renderer) money(minor int64) string {
	return format.FormatMoney(minor, r.d.Program.Currency, r.l)
}

func (r *renderer) value(v int64, money bool) string {
	if money {
		return r.money(v)
	}
	return format.FormatNumber(v, r.l)
}

func parseColor(s string) rgb {
	var c rgb
	if len(s) == 7 && s[0] == '#' {
		if v, err := strconv.ParseUint(s[1:], 16, 32); err == nil {
			return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}
		}
	}
	c = accent
	return c
}
