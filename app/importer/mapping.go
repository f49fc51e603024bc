package importer

import (
	"strings"
	"unicode"
)

// Field is a partner attribute a column can fill; "" ignores the column.
type Field string

// Fields a column can be mapped to.
const (
	Ignore         Field = ""
	FName          Field = "name"
	FLegalName     Field = "legal_name"
	FType          Field = "type"
	FStatus        Field = "status"
	FCountry       Field = "country"
	FRegion        Field = "region"
	FCity          Field = "city"
	FWebsite       Field = "website"
	FVerticals     Field = "verticals"
	FCapabilities  Field = "capabilities"
	FProducts      Field = "products"
	FTags          Field = "tags"
	FDocLang       Field = "doc_lang"
	FAccountMgr    Field = "account_manager"
	FContactName   Field = "contact_name"
	FContactEmail  Field = "contact_email"
	FContactPhone  Field = "contact_phone"
	FContactRole   Field = "contact_role"
	FNotes         Field = "notes"
	FContactFirst  Field = "contact_first_name"
	FContactLast   Field = "contact_last_name"
	FContactSecond Field = "contact_middle_name"
	FSource        Field = "source"
	FEventName     Field = "event_name"
	FEventDate     Field = "event_date"
	FReferredBy    Field = "referred_by"
)

// Fields lists every target field, in the order a mapping dialog offers them.
var Fields = []Field{FName, FLegalName, FType, FStatus, FCountry, FRegion, FCity, FWebsite, FVerticals,
	FCapabilities, FProducts, FTags, FDocLang, FAccountMgr, FContactName, FContactFirst, FContactLast,
	FContactSecond, FContactEmail, FContactPhone, FContactRole, FNotes, FSource, FEventName, FEventDate, FReferredBy}

// headerNames are the column names (normalised by headerKey) each field is
// known by: this app's own, English and Russian spreadsheets, HubSpot
// company and Salesforce account exports.
var headerNames = map[Field][]string{
	FName: {"name", "company", "company name", "partner", "partner name", "account name", "organization", "organisation",
		"название", "наименование", "компания", "название компании", "организация", "партнер", "наименование организации",
		"наименование партнера", "название партнера", "имя компании"},
	FLegalName: {"legal name", "legal entity", "юридическое название", "юридическое лицо", "юр лицо", "полное наименование"},
	FType:      {"type", "partner type", "account type", "company type", "тип", "тип партнера", "тип компании", "категория"},
	FStatus: {"status", "lifecycle stage", "partner status", "account status", "статус", "стадия", "этап",
		"статус партнера"},
	FCountry: {"country", "country region", "billing country", "shipping country", "страна"},
	FRegion:  {"region", "state region", "state", "billing state province", "province", "регион", "область", "округ"},
	FCity:    {"city", "billing city", "shipping city", "город", "населенный пункт"},
	FWebsite: {"website", "web site", "website url", "url", "domain", "company domain name", "сайт", "веб сайт",
		"вебсайт", "домен", "web", "корпоративный сайт", "сайт компании"},
	FVerticals:    {"verticals", "vertical", "industry", "industries", "отрасль", "отрасли", "вертикали", "сегмент", "сфера деятельности"},
	FCapabilities: {"capabilities", "competencies", "компетенции", "возможности"},
	FProducts:     {"products", "product", "продукты", "продукт"},
	FTags:         {"tags", "labels", "теги", "метки"},
	FDocLang:      {"doc lang", "language", "document language", "язык", "язык документов"},
	FAccountMgr: {"account manager", "account owner", "company owner", "owner", "owner name", "менеджер",
		"ответственный", "аккаунт менеджер", "ответственный менеджер"},
	FContactName: {"contact name", "contact", "primary contact", "full name", "контакт", "контактное лицо", "фио",
		"имя контакта"},
	FContactFirst:  {"first name", "имя"},
	FContactLast:   {"last name", "фамилия"},
	FContactSecond: {"middle name", "отчество"},
	FContactEmail: {"contact email", "email", "e mail", "email address", "primary email", "почта", "электронная почта",
		"эл почта", "e mail контакта", "email контакта", "рабочий e mail", "рабочий email"},
	FContactPhone: {"contact phone", "phone", "phone number", "telephone", "mobile", "телефон", "тел",
		"контактный телефон", "мобильный", "рабочий телефон"},
	FContactRole: {"contact role", "role", "title", "job title", "position", "должность", "роль"},
	FNotes: {"notes", "note", "description", "comment", "comments", "about", "примечание", "примечания",
		"комментарий", "описание", "заметки"},
	FSource: {"source", "lead source", "original source", "account source", "partner source", "prospect source",
		"источник", "источник лида", "источник контакта", "канал привлечения", "откуда пришел"},
	FEventName: {"event", "event name", "trade show", "tradeshow", "conference", "мероприятие", "название мероприятия",
		"выставка", "событие", "конференция"},
	FEventDate:  {"event date", "trade show date", "дата мероприятия", "дата выставки", "дата события"},
	FReferredBy: {"referred by", "referrer", "referral from", "recommended by", "кто рекомендовал", "рекомендатель", "по рекомендации"},
}

var headerIndex = func() map[string]Field {
	m := map[string]Field{}
	for f, names := range headerNames {
		m[headerKey(string(f))] = f
		for _, n := range names {
			m[headerKey(n)] = f
		}
	}
	return m
}()

// headerKey folds a column name or value for comparison: lower case, ё as
// е, everything but letters and digits turned into single spaces.
func headerKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if r == 'ё' {
			r = 'е'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// Mapping says which field each column fills, by column index.
type Mapping []Field

// DetectMapping maps each header to a field by its name; unknown names and
// a second column for a field already taken are ignored.
func DetectMapping(header []string) Mapping {
	m := make(Mapping, len(header))
	taken := map[Field]bool{}
	for i, h := range header {
		f, ok := headerIndex[headerKey(h)]
		if ok && !taken[f] {
			m[i], taken[f] = f, true
		}
	}
	return m
}

// ParseField returns the field with the given name ("" or "ignore" ignores).
func ParseField(s string) (Field, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" || s == "ignore" || s == "-" {
		return Ignore, true
	}
	for _, f := range Fields {
		if string(f) == s {
			return f, true
		}
	}
	return Ignore, false
}

// Override maps the column named src (compared like headers) to f. It
// returns false when no column has that name. A field moved to this
// column leaves the column that had it.
func (m Mapping) Override(header []string, src string, f Field) bool {
	found := false
	for i, h := range header {
		if headerKey(h) == headerKey(src) {
			m[i], found = f, true
		}
	}
	if !found || f == Ignore {
		return found
	}
	for i, h := range header {
		if m[i] == f && headerKey(h) != headerKey(src) {
			m[i] = Ignore
		}
	}
	return true
}

// Has reports whether some column fills f.
func (m Mapping) Has(f Field) bool {
	for _, g := range m {
		if g == f {
			return true
		}
	}
	return false
}
