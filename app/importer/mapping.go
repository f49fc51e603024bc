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
	FAddress       Field = "address"
	FINN           Field = "inn"
	FKPP           Field = "kpp"
	FRecordID      Field = "record_id"
)

// Fields lists every target field, in the order a mapping dialog offers them.
var Fields = []Field{FName, FLegalName, FType, FStatus, FCountry, FRegion, FCity, FWebsite, FVerticals,
	FCapabilities, FProducts, FTags, FDocLang, FAccountMgr, FContactName, FContactFirst, FContactLast,
	FContactSecond, FContactEmail, FContactPhone, FContactRole, FNotes, FSource, FEventName, FEventDate, FReferredBy,
	FAddress, FINN, FKPP, FRecordID}

// headerNames are the column names (normalised by headerKey) each field is
// known by: this app's own, English and Russian spreadsheets, and the
// exports of HubSpot (companies), Salesforce (accounts, report and Data
// Loader names), Pipedrive (organizations, "Organization - …" and
// "Person - …" columns), Zoho CRM (accounts), Bitrix24 and amoCRM
// (companies) and 1C («Контрагенты»).
var headerNames = map[Field][]string{
	FName: {"name", "company", "company name", "partner", "partner name", "account name", "organization",
		"organisation", "organization name", "organisation name", "название", "наименование", "компания",
		"название компании", "организация", "партнер", "наименование организации", "наименование партнера",
		"название партнера", "имя компании", "наименование компании", "рабочее наименование", "контрагент",
		"наименование контрагента", "краткое наименование", "сокращенное наименование"},
	FLegalName: {"legal name", "legal entity", "legal company name", "registered name", "official name",
		"юридическое название", "юридическое лицо", "юр лицо", "полное наименование", "юридическое наименование",
		"наименование полное", "полное название"},
	FType: {"type", "partner type", "account type", "company type", "label", "type of partner", "partner category",
		"тип", "тип партнера", "тип компании", "категория", "категория партнера", "вид партнера", "тип контрагента"},
	FStatus: {"status", "lifecycle stage", "partner status", "account status", "company status", "lead status",
		"статус", "стадия", "этап", "статус партнера", "статус компании", "статус клиента", "состояние"},
	FCountry: {"country", "country region", "billing country", "shipping country", "mailing country", "billingcountry",
		"страна", "страна регистрации"},
	FRegion: {"region", "state region", "state", "billing state province", "billing state", "billingstate",
		"state province", "state county", "province", "регион", "область", "округ", "субъект рф", "край"},
	FCity: {"city", "billing city", "shipping city", "mailing city", "billingcity", "city town village locality",
		"town", "город", "населенный пункт"},
	FWebsite: {"website", "web site", "website url", "url", "domain", "company domain name", "web domain",
		"corporate website", "сайт", "веб сайт", "вебсайт", "домен", "web", "корпоративный сайт", "сайт компании"},
	FVerticals: {"verticals", "vertical", "industry", "industries", "отрасль", "отрасли", "вертикали", "сегмент",
		"сфера деятельности", "вид деятельности", "основной вид деятельности"},
	FCapabilities: {"capabilities", "competencies", "компетенции", "возможности"},
	FProducts:     {"products", "product", "продукты", "продукт"},
	FTags:         {"tags", "labels", "теги", "метки", "тэги"},
	FDocLang:      {"doc lang", "language", "document language", "preferred language", "язык", "язык документов"},
	FAccountMgr: {"account manager", "account owner", "company owner", "owner", "owner name", "record owner",
		"responsible", "responsible person", "responsible user", "assigned to", "sales rep", "менеджер",
		"ответственный", "аккаунт менеджер", "ответственный менеджер", "основной менеджер",
		"основной менеджер покупателя", "ответственный сотрудник", "куратор"},
	FContactName: {"contact name", "contact", "primary contact", "full name", "contact person", "person name",
		"контакт", "контактное лицо", "фио", "имя контакта", "фио контакта", "фио контактного лица", "руководитель"},
	FContactFirst:  {"first name", "firstname", "имя"},
	FContactLast:   {"last name", "lastname", "фамилия"},
	FContactSecond: {"middle name", "отчество"},
	FContactEmail: {"contact email", "email", "e mail", "email address", "primary email", "work email", "work e mail",
		"email work", "e mail work", "почта", "электронная почта", "эл почта", "адрес электронной почты",
		"e mail контакта", "email контакта", "рабочий e mail", "рабочий email", "e mail рабочий", "email рабочий"},
	FContactPhone: {"contact phone", "phone", "phone number", "telephone", "mobile", "work phone", "phone work",
		"main phone", "mobile phone", "телефон", "тел", "телефоны", "контактный телефон", "мобильный",
		"рабочий телефон", "телефон рабочий", "мобильный телефон"},
	FContactRole: {"contact role", "role", "title", "job title", "position", "должность", "роль"},
	FNotes: {"notes", "note", "description", "comment", "comments", "about", "примечание", "примечания",
		"комментарий", "описание", "заметки"},
	FSource: {"source", "lead source", "original source", "account source", "partner source", "prospect source",
		"источник", "источник лида", "источник контакта", "канал привлечения", "откуда пришел"},
	FEventName: {"event", "event name", "trade show", "tradeshow", "conference", "мероприятие", "название мероприятия",
		"выставка", "событие", "конференция"},
	FEventDate:  {"event date", "trade show date", "дата мероприятия", "дата выставки", "дата события"},
	FReferredBy: {"referred by", "referrer", "referral from", "recommended by", "кто рекомендовал", "рекомендатель", "по рекомендации"},
	FAddress: {"address", "street address", "billing address", "billing street", "billingstreet", "mailing street",
		"shipping street", "full address", "legal address", "адрес", "фактический адрес", "юридический адрес",
		"почтовый адрес", "адрес компании", "адрес доставки"},
	FINN: {"инн", "inn", "tax id", "taxpayer id", "инн контрагента", "инн компании", "инн организации"},
	FKPP: {"кпп", "kpp", "кпп контрагента", "кпп организации"},
	FRecordID: {"record id", "id", "account id", "company id", "organization id", "organisation id", "accountid",
		"id компании", "код", "код контрагента", "внешний код", "идентификатор", "ид", "crm id"},
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
		f, ok := headerField(h)
		if ok && !taken[f] {
			m[i], taken[f] = f, true
		}
	}
	return m
}

// personFields are what a Pipedrive "Person - …" column fills.
var personFields = map[Field]Field{FName: FContactName, FContactName: FContactName, FContactEmail: FContactEmail,
	FContactPhone: FContactPhone, FContactRole: FContactRole, FContactFirst: FContactFirst, FContactLast: FContactLast}

// headerField finds the field a column name means: the name itself, or a
// CRM's prefixed name ("Organization - Name", "Person - Email - Work",
// "Organization - Address - Country"), read by its last words or,
// failing that, without its trailing qualifier.
func headerField(h string) (Field, bool) {
	k := headerKey(h)
	if f, ok := headerIndex[k]; ok {
		return f, true
	}
	first, rest, ok := strings.Cut(k, " ")
	person := first == "person" || first == "contact" || first == "контакт"
	if !ok || !(person || first == "organization" || first == "organisation" || first == "org" || first == "company" ||
		first == "account" || first == "компания" || first == "организация") {
		return Ignore, false
	}
	if person && (rest == "organization" || rest == "organisation" || rest == "company" || rest == "account") {
		return FName, true // the person's company
	}
	f, found := prefixedField(rest)
	if !found || !person {
		return f, found
	}
	f, found = personFields[f]
	return f, found
}

func prefixedField(rest string) (Field, bool) {
	ws := strings.Fields(rest)
	for i := range ws {
		if f, ok := headerIndex[strings.Join(ws[i:], " ")]; ok {
			return f, true
		}
	}
	for i := len(ws) - 1; i > 0; i-- {
		if f, ok := headerIndex[strings.Join(ws[:i], " ")]; ok {
			return f, true
		}
	}
	return Ignore, false
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
