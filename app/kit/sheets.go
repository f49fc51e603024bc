package kit

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"channeldesk/app/format"
	"channeldesk/data"
)

// Render writes one partner's kit, signed with secret, to w and returns
// its marker.
func Render(c *Content, secret []byte, w interface{ Write([]byte) (int, error) }) (*Marker, error) {
	b, err := newBook(c.Lang, c.Currency)
	if err != nil {
		return nil, err
	}
	keys, writers := []string{sheetReadme, sheetDeals, sheetMDF, sheetPlan, sheetPeople},
		[]func(*Content) error{b.readme, b.deals, b.mdf, b.plan, b.people}
	if len(c.Leads) > 0 { // "Leads for you" only when something waits for an answer, after the read-me
		keys = append(keys[:1], append([]string{sheetLeads}, keys[1:]...)...)
		writers = append(writers[:1], append([]func(*Content) error{b.leads}, writers[1:]...)...)
	}
	if err := b.makeSheets(keys...); err != nil {
		return nil, err
	}
	b.addLists(c)
	var sheets []string
	for _, write := range writers {
		if err := write(c); err != nil {
			return nil, err
		}
		sheets = append(sheets, b.sheet)
	}
	m := &Marker{Kind: KindKit, KitID: newKitID(), PartnerID: c.PartnerID, Program: c.Program, KitDate: c.KitDate,
		Lang: string(c.Lang), Refs: b.refs}
	m.Sign(secret)
	b.writeMarker(m)
	if err := b.protect(sheets); err != nil {
		return nil, err
	}
	b.f.SetActiveSheet(0)
	return m, b.save(w)
}

func (b *book) addLists(c *Content) {
	acts := make([]string, len(c.Activities))
	for i, a := range c.Activities {
		acts[i] = b.t["mdf.activity."+string(a)]
	}
	b.addList(listActivities, 4, acts)
	b.addList(listProducts, 5, c.Products)
	b.addList(listCurrency, 6, []string{c.Currency})
	b.addList(listYesNo, 7, []string{b.L("yes"), b.L("no")})
	var people []string
	for _, p := range c.Contacts {
		people = append(people, p.Name)
	}
	b.addList(listPeople, 8, people)
	b.addList(listLeadDecision, 9, []string{b.L("lead.accept"), b.L("lead.decline")})
}

func (b *book) date(s string) string { return format.FormatDate(s, b.lang) }

func (b *book) readme(c *Content) error {
	if err := b.newSheet(sheetReadme); err != nil {
		return err
	}
	_ = b.f.SetColWidth(b.sheet, colName(firstCol), colName(firstCol), 28)
	_ = b.f.SetColWidth(b.sheet, colName(firstCol+1), colName(firstCol+1), 80)
	_ = b.f.SetColWidth(b.sheet, colName(firstCol+2), colName(firstCol+2), 60)
	b.wide, b.chars = 2, 95
	b.title(b.L("title", c.PartnerName), b.st.title)
	b.row++
	for _, kv := range [][2]string{
		{b.L("program"), c.Program}, {b.L("kit_date"), b.date(c.KitDate)}, {b.L("due"), b.date(c.Due)},
		{b.L("manager"), joinNonEmpty(", ", c.Manager.Name, c.Manager.Role, c.Manager.Email, c.Manager.Phone)},
	} {
		b.str(firstCol, b.row, kv[0], b.st.label)
		b.str(firstCol+1, b.row, kv[1], 0)
		b.row++
	}
	b.row++
	b.title(b.L("how"), b.st.bold)
	how := []string{"how.input", "how.deals", "how.mdf", "how.plan", "how.people"}
	if len(c.Leads) > 0 {
		how = append(how[:1], append([]string{"how.leads"}, how[1:]...)...)
	}
	for _, k := range how {
		b.hint(b.L(k))
	}
	b.hint(b.L("how.return", b.date(c.Due)))
	if len(c.Rejections) > 0 {
		b.row++
		b.title(b.L("rejected"), b.st.bold)
		b.header("sheet", "row", "reason")
		for _, r := range c.Rejections {
			b.str(firstCol, b.row, b.L("sheet."+r.Sheet), b.st.text)
			b.str(firstCol+1, b.row, r.Summary, b.st.text)
			b.str(firstCol+2, b.row, r.Reason, b.st.text)
			b.row++
		}
	}
	return nil
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(p string) bool { return p == "" }), sep)
}

func (b *book) deals(c *Content) error {
	if err := b.newSheet(sheetDeals); err != nil {
		return err
	}
	b.title(b.L("deals.title"), b.st.title)
	b.hint(b.L("deals.hint", c.Currency))
	b.header(colKeys(dealCols)...)
	err := b.inputRows(func(int) string { return tagDeal }, c.DealRows, firstCol, dealCols, nil, nil)
	if err != nil {
		return err
	}
	b.row++
	b.title(b.L("deals.open"), b.st.bold)
	if len(c.OpenDeals) == 0 {
		b.hint(b.L("deals.none"))
		return nil
	}
	b.header("customer", "product", "amount", "state", "registered_on", "close_on", "protected_until")
	for _, d := range c.OpenDeals {
		b.str(firstCol, b.row, d.Customer, b.st.text)
		b.str(firstCol+1, b.row, d.Product, b.st.text)
		b.money(firstCol+2, b.row, d.Amount)
		b.str(firstCol+3, b.row, b.t["deals.state."+string(d.State)], b.st.text)
		b.str(firstCol+4, b.row, b.date(d.RegisteredOn), b.st.text)
		b.str(firstCol+5, b.row, b.date(d.ExpectedCloseOn), b.st.text)
		b.str(firstCol+6, b.row, b.date(d.ProtectedUntil), b.st.text)
		b.row++
	}
	return nil
}

func (b *book) mdf(c *Content) error {
	if err := b.newSheet(sheetMDF); err != nil {
		return err
	}
	b.title(b.L("mdf.title"), b.st.title)
	b.title(b.L("mdf.funds"), b.st.bold)
	if len(c.Funds) == 0 {
		b.hint(b.L("mdf.no_funds"))
	} else {
		b.header("period", "allocated", "available", "share", "claim_days", "eligible")
		for _, f := range c.Funds {
			b.str(firstCol, b.row, b.date(f.From)+" – "+b.date(f.To), b.st.text)
			b.money(firstCol+1, b.row, f.Allocated)
			b.money(firstCol+2, b.row, f.Available)
			b.str(firstCol+3, b.row, strconv.Itoa(f.ShareBP/100)+"%", b.st.text)
			b.count(firstCol+4, b.row, int64(f.ClaimDays), b.st.text)
			b.str(firstCol+5, b.row, b.activities(f.Activities), b.st.text)
			b.row++
		}
	}
	b.row++
	b.title(b.L("mdf.requests"), b.st.bold)
	b.hint(b.L("mdf.requests.hint"))
	b.header(colKeys(requestCols)...)
	if err := b.inputRows(func(int) string { return tagRequest }, newRequestRows, firstCol, requestCols, nil, nil); err != nil {
		return err
	}
	b.row++
	return b.claims(c)
}

func (b *book) activities(as []data.MDFActivity) string {
	out := ""
	for i, a := range as {
		if i > 0 {
			out += ", "
		}
		out += b.t["mdf.activity."+string(a)]
	}
	return out
}

func (b *book) claims(c *Content) error {
	b.title(b.L("mdf.claims"), b.st.bold)
	if len(c.Claimable) == 0 {
		b.hint(b.L("mdf.no_claims"))
		return nil
	}
	b.hint(b.L("mdf.claims.hint"))
	b.header(append(append([]string{}, claimShown...), colKeys(claimCols)...)...)
	start := b.row
	for i, cl := range c.Claimable {
		r := cl.Request
		row := start + i
		b.count(firstCol, row, r.ID, b.st.text)
		b.str(firstCol+1, row, b.t["mdf.activity."+string(r.Activity)], b.st.text)
		b.str(firstCol+2, row, r.Description, b.st.text)
		b.str(firstCol+3, row, b.date(r.StartsOn)+" – "+b.date(r.EndsOn), b.st.text)
		b.money(firstCol+4, row, r.Approved)
		b.str(firstCol+5, row, b.date(cl.Deadline), b.st.text)
		b.refs = append(b.refs, tagClaim+strconv.FormatInt(r.ID, 10))
	}
	return b.inputRows(func(i int) string { return tagClaim + strconv.FormatInt(c.Claimable[i].Request.ID, 10) },
		len(c.Claimable), firstCol+len(claimShown), claimCols, nil, nil)
}

func (b *book) plan(c *Content) error {
	if err := b.newSheet(sheetPlan); err != nil {
		return err
	}
	b.title(b.L("plan.title", c.Year), b.st.title)
	if len(c.Objectives) == 0 {
		b.hint(b.L("plan.none"))
		return nil
	}
	b.hint(b.L("plan.hint"))
	b.header(append(append([]string{}, planShown...), colKeys(planCols)...)...)
	start := b.row
	for i, o := range c.Objectives {
		title := b.t["plans.measure."+string(o.Measure)]
		if o.Title != "" {
			title += ": " + o.Title
		}
		b.str(firstCol, start+i, title, b.st.text)
		for q := 0; q < 4; q++ {
			b.count(firstCol+1+q, start+i, o.Targets[q], b.st.text)
		}
		b.refs = append(b.refs, tagActual+strconv.FormatInt(o.ID, 10))
	}
	objs := c.Objectives
	return b.inputRows(func(i int) string { return tagActual + strconv.FormatInt(objs[i].ID, 10) }, len(objs), firstCol+len(planShown),
		planCols, func(i int) []any {
			out := make([]any, 4)
			for q, a := range shownActuals(objs[i]) {
				if a != nil {
					out[q] = *a
				}
			}
			return out
		}, func(i int) string { return jsonOf(shownActuals(objs[i])) })
}

// shownActuals are the actuals the kit shows, nil for a quarter not
// reported yet: its cell stays empty for the partner to fill, 0 included.
func shownActuals(o data.Objective) [4]*int64 {
	var out [4]*int64
	for q := range out {
		if o.HasActual(q) {
			out[q] = &o.Actuals[q]
		}
	}
	return out
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func (b *book) people(c *Content) error {
	if err := b.newSheet(sheetPeople); err != nil {
		return err
	}
	_ = b.f.SetColWidth(b.sheet, colName(firstCol), colName(firstCol+1), 24)
	_ = b.f.SetColWidth(b.sheet, colName(firstCol+2), colName(firstCol+2), 32)
	b.title(b.L("people.title"), b.st.title)
	b.hint(b.L("people.hint"))
	b.header(colKeys(contactCols)...)
	cs := c.Contacts
	for _, p := range cs {
		b.refs = append(b.refs, tagContact+strconv.FormatInt(p.ID, 10))
	}
	if err := b.inputRows(func(i int) string { return tagContact + strconv.FormatInt(cs[i].ID, 10) }, len(cs), firstCol, contactCols,
		func(i int) []any { return []any{cs[i].Name, cs[i].Role, cs[i].Email, cs[i].Phone, b.L("no")} },
		func(i int) string { return jsonOf([]string{cs[i].Name, cs[i].Role, cs[i].Email, cs[i].Phone}) }); err != nil {
		return err
	}
	if err := b.inputRows(func(int) string { return tagContact }, newContactRows, firstCol, contactCols, nil, nil); err != nil {
		return err
	}
	b.row++
	b.title(b.L("people.certs"), b.st.bold)
	b.hint(b.L("people.certs.hint"))
	b.header(colKeys(certCols)...)
	if err := b.inputRows(func(int) string { return tagCert }, newCertRows, firstCol, certCols, nil, nil); err != nil {
		return err
	}
	b.row++
	b.title(b.L("people.held"), b.st.bold)
	if len(c.Certs) == 0 {
		b.hint(b.L("people.no_certs"))
		return nil
	}
	b.header("person", "certification", "level", "earned_on", "expires_on")
	for _, x := range c.Certs {
		for j, v := range []string{x.ContactName, x.Name, x.Level, b.date(x.EarnedOn), b.date(x.ExpiresOn)} {
			b.str(firstCol+j, b.row, v, b.st.text)
		}
		b.row++
	}
	return nil
}
