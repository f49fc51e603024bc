package importer

import (
	"encoding/json"
	"strings"

	"channeldesk/data"
)

// sourceHints name the system an export comes from by a column it alone
// writes; the first hint found wins.
var sourceHints = []struct{ column, source string }{
	{"company domain name", "hubspot"}, {"lifecycle stage", "hubspot"}, {"record id", "hubspot"},
	{"account id", "salesforce"}, {"accountid", "salesforce"}, {"billing state province", "salesforce"},
	{"organization id", "pipedrive"}, {"organization name", "pipedrive"},
	{"account number", "zoho"}, {"zoho id", "zoho"},
	{"кпп", "1c"}, {"код", "1c"}, {"основной менеджер", "1c"}, {"полное наименование", "1c"},
	{"название компании", "bitrix24"}, {"рабочий e mail", "bitrix24"}, {"корпоративный сайт", "bitrix24"},
	{"кем создана", "amocrm"}, {"кем создан", "amocrm"}, {"web", "amocrm"},
}

// DetectSource guesses the system a file was exported from by its
// columns ("hubspot", "salesforce", "pipedrive", "zoho", "1c",
// "bitrix24", "amocrm"), else "file". Record IDs are kept per source.
func DetectSource(header []string) string {
	keys := map[string]bool{}
	zoho := false
	for _, h := range header {
		k := headerKey(h)
		keys[k] = true
		if strings.HasPrefix(k, "organization ") {
			keys["organization name"] = true
		}
		zoho = zoho || h == "Record Id" // Zoho writes "Id" in lower case, HubSpot "ID"
	}
	if zoho {
		return "zoho"
	}
	for _, h := range sourceHints {
		if keys[h.column] {
			return h.source
		}
	}
	return "file"
}

// update turns a row into an update of the partner its record ID names
// in this source, listing each field that changes (but those the user
// keeps as stored); it reports whether the row was such a one.
func (p *Preview) update(row *Row, ex *existing, opt Options) bool {
	id, ok := ex.byRecord[row.RecordID]
	stored := ex.stored[id]
	if row.RecordID == "" || !ok || stored == nil {
		return false
	}
	next := *stored
	row.Changes = nil
	last := ex.lastImported(row.RecordID)
	set := func(f Field, dst *string, v string) {
		if v == "" || v == *dst || opt.KeepOurs[f] {
			return
		}
		c := Change{Field: f, Old: *dst, New: v}
		// the stored value is not what the last import wrote: the user
		// changed it in ChannelDesk since, so it stays unless they say
		c.Edited = last != nil && last[f] != *dst
		c.Kept = c.Edited && !opt.TakeFile[EditKey(row.RecordID, f)]
		row.Changes = append(row.Changes, c)
		if !c.Kept {
			*dst = v
		}
	}
	in := &row.Partner
	row.Imported = importedValues(in)
	set(FName, &next.Name, in.Name)
	set(FLegalName, &next.LegalName, in.LegalName)
	set(FCountry, &next.Country, in.Country)
	set(FRegion, &next.Region, in.Region)
	set(FCity, &next.City, in.City)
	set(FWebsite, &next.Website, in.Website)
	set(FAccountMgr, &next.AccountManager, in.AccountManager)
	set(FINN, &next.INN, in.INN)
	set(FKPP, &next.KPP, in.KPP)
	set(FAddress, &next.Address, in.Address)
	verticals := data.JoinList(next.Verticals)
	set(FVerticals, &verticals, data.JoinList(in.Verticals))
	next.Verticals = data.SplitList(verticals)
	row.Action, row.MergeID, row.MergeRow, row.MergeName, row.Partner = Update, id, -1, stored.Name, next
	if row.Contact != nil {
		if k := contactKey(row.Contact.Name, row.Contact.Email); ex.emails[id][k] {
			row.Contact = nil
		} else {
			ex.addContact(id, row.Contact.Name, row.Contact.Email)
		}
	}
	return true
}

// EditKey names one field of one record for Options.TakeFile.
func EditKey(recordID string, f Field) string { return recordID + "\x00" + string(f) }

// importedValues are the fields an update by record ID compares, as the
// file gives them: kept with the record ID, to tell next time which
// stored values the user edited since.
func importedValues(p *data.Partner) map[Field]string {
	return map[Field]string{FName: p.Name, FLegalName: p.LegalName, FCountry: p.Country, FRegion: p.Region,
		FCity: p.City, FWebsite: p.Website, FAccountMgr: p.AccountManager, FINN: p.INN, FKPP: p.KPP,
		FAddress: p.Address, FVerticals: data.JoinList(p.Verticals)}
}

// lastImported is what the last import of recordID said, nil if unknown.
func (ex *existing) lastImported(recordID string) map[Field]string {
	raw := ex.imported[recordID]
	if raw == "" {
		return nil
	}
	var m map[Field]string
	if json.Unmarshal([]byte(raw), &m) != nil {
		return nil
	}
	return m
}

// ignoredColumns counts the non-empty values of each column no field takes.
func ignoredColumns(t *Table, m Mapping) []IgnoredColumn {
	var out []IgnoredColumn
	for i, h := range t.Header {
		if i < len(m) && m[i] != Ignore {
			continue
		}
		n := 0
		for _, rec := range t.Rows {
			if i < len(rec) && strings.TrimSpace(rec[i]) != "" {
				n++
			}
		}
		out = append(out, IgnoredColumn{Col: i, Column: h, Values: n})
	}
	return out
}

// taxDigits keeps the digits of a tax number written with spaces or
// dashes; anything else is kept as written, to be warned about.
func taxDigits(s string) string {
	d := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
	return d
}

// ValidINN checks a Russian taxpayer number: 10 digits (a company) or 12
// (a person or sole trader) with their check digits.
func ValidINN(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	check := func(w []int) int {
		sum := 0
		for i, k := range w {
			sum += k * int(s[i]-'0')
		}
		return sum % 11 % 10
	}
	switch len(s) {
	case 10:
		return check([]int{2, 4, 10, 3, 5, 9, 4, 6, 8}) == int(s[9]-'0')
	case 12:
		return check([]int{7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == int(s[10]-'0') &&
			check([]int{3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8}) == int(s[11]-'0')
	}
	return false
}
