package importer

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"channeldesk/data"
)

// Value targets a ValueMap may give besides one of our codes.
const (
	ValueDefault = "default" // use the import's default (or leave the source unsaid)
	ValueSkip    = "skip"    // leave the row out: not a partner
	// ValueNone stores a partner without a type (shown as "—"); for the
	// other fields it is the default.
	ValueNone = "none"
)

// defaultsColumn is the ValueMap column holding what rows without a
// known value of a field get (no header folds to "*").
const defaultsColumn = "*"

// SetDefault says what rows get whose field f is empty or unknown and
// unmapped: one of our codes, or ValueNone for a type.
func (vm ValueMap) SetDefault(f Field, target string) {
	if vm[defaultsColumn] == nil {
		vm[defaultsColumn] = map[string]string{}
	}
	vm[defaultsColumn][string(f)] = target
}

// Default is what SetDefault said for f, "" when nothing was.
func (vm ValueMap) Default(f Field) string { return vm[defaultsColumn][string(f)] }

// ValueMap says what values of category columns become, keyed by the
// folded column header and then the folded value. A target is one of our
// codes (a partner type, status, source or language), ValueDefault or
// ValueSkip.
type ValueMap map[string]map[string]string

// Set maps value of column to target.
func (vm ValueMap) Set(column, value, target string) {
	c := headerKey(column)
	if vm[c] == nil {
		vm[c] = map[string]string{}
	}
	vm[c][headerKey(value)] = target
}

// Merge copies other's mappings into vm, replacing the same values'.
func (vm ValueMap) Merge(other ValueMap) {
	for c, vs := range other {
		if vm[c] == nil {
			vm[c] = map[string]string{}
		}
		for v, t := range vs {
			vm[c][v] = t
		}
	}
}

// Lookup returns the target value of column is mapped to.
func (vm ValueMap) Lookup(column, value string) (string, bool) {
	t, ok := vm[headerKey(column)][headerKey(value)]
	return t, ok
}

// CategoryField reports whether f holds one of a fixed set of values,
// so that its values can be mapped.
func CategoryField(f Field) bool {
	return f == FType || f == FStatus || f == FSource || f == FDocLang
}

// ValueTarget reads what a user wants a value of field f to become: skip,
// default (also "unset", "-", ""), or a value of ours in any spelling
// MatchValue knows. It returns the target to store in a ValueMap.
func ValueTarget(f Field, s string) (string, bool) {
	k := headerKey(s)
	switch {
	case f == FType && (k == "none" || k == "no type" || k == "без типа" || s == "—" || s == "-"):
		return ValueNone, true
	}
	switch k {
	case "skip", "skip row", "пропустить":
		return ValueSkip, true
	case "", "default", "unset", "none", "по умолчанию", "не задано":
		return ValueDefault, true
	}
	return MatchValue(f, s)
}

// MatchValue finds the code of ours a value of category field f names.
func MatchValue(f Field, v string) (string, bool) {
	switch f {
	case FType:
		t, ok := MatchType(v)
		return string(t), ok
	case FStatus:
		s, ok := MatchStatus(v)
		return string(s), ok
	case FSource:
		s, ok := MatchSource(v)
		return string(s), ok
	case FDocLang:
		return MatchLang(v)
	}
	return "", false
}

// UnknownValue is one distinct value of a category column that is not
// one of ours, with the number of rows holding it.
type UnknownValue struct {
	Col    int // column index
	Column string
	Field  Field
	Value  string // as first written in the file
	Rows   int
	// NotPartner: the value says the company is not a partner (Customer,
	// Vendor, Competitor, «Клиент»…); the user is offered to skip it.
	NotPartner bool
	Target     string // what the value map makes of it; "" while unmapped
	Matched    string // the code of ours it matched by itself, if any
}

type unknownKey struct {
	col int
	val string
}

// unknowns counts unknown values per column while a plan reads rows.
type unknowns struct {
	index map[unknownKey]int
	list  []UnknownValue
}

func (u *unknowns) add(v UnknownValue, folded string) {
	if u.index == nil {
		u.index = map[unknownKey]int{}
	}
	k := unknownKey{v.Col, folded}
	if i, ok := u.index[k]; ok {
		u.list[i].Rows++
		return
	}
	u.index[k] = len(u.list)
	v.Rows, v.NotPartner = 1, notPartner(v.Value)
	u.list = append(u.list, v)
}

// sorted lists the values by column, the most frequent first.
func (u *unknowns) sorted() []UnknownValue {
	out := u.list
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Col != out[j].Col {
			return out[i].Col < out[j].Col
		}
		return out[i].Rows > out[j].Rows
	})
	return out
}

// notPartnerWords are values of a type or status column that mean the
// company is something else than a partner.
var notPartnerWords = words("customer", "customer direct", "customer channel", "end customer", "end user", "client",
	"vendor", "supplier", "competitor", "investor", "press", "media", "analyst", "клиент", "покупатель", "заказчик",
	"конечный заказчик", "поставщик", "вендор", "конкурент", "инвестор", "сми", "пресса", "аналитик")

func words(vs ...string) map[string]bool {
	m := map[string]bool{}
	for _, v := range vs {
		m[stemKey(v)] = true
	}
	return m
}

// notPartner reports whether v clearly names something else than a partner.
func notPartner(v string) bool {
	if notPartnerWords[stemKey(v)] {
		return true
	}
	for _, part := range valueParts(v) {
		if notPartnerWords[stemKey(part)] {
			return true
		}
	}
	return false
}

// ruEndings are Russian inflection endings, longest first: adjectives,
// plurals and cases, so «Реферальный», «Сервисные», «Интеграторы» fold
// to the same stem as the words we list.
var ruEndings = []string{"ыми", "ими", "ого", "его", "ому", "ему", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой",
	"ых", "их", "ым", "им", "ом", "ем", "ую", "юю", "ов", "ев", "ей", "ам", "ям", "ах", "ях", "а", "я", "ы", "и", "у", "ю",
	"е", "о", "ь"}

// genericWords say nothing about the kind of partner: "Referral
// Partner" is "Referral", «Партнёр-интегратор» is «интегратор».
var genericWords = map[string]bool{"partner": true, "партнер": true, "партнерск": true, "company": true,
	"компани": true, "type": true, "тип": true, "the": true, "program": true, "программ": true}

// stemKey folds a value like headerKey and then each word to its stem:
// Russian endings and English plural s are cut.
func stemKey(s string) string {
	ws := strings.Fields(headerKey(s))
	for i, w := range ws {
		ws[i] = stem(w)
	}
	return strings.Join(ws, " ")
}

func stem(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	n := utf8.RuneCountInString(w)
	if unicode.Is(unicode.Cyrillic, r) {
		for _, e := range ruEndings {
			if strings.HasSuffix(w, e) && n-utf8.RuneCountInString(e) >= 4 {
				return strings.TrimSuffix(w, e)
			}
		}
		return w
	}
	if n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// coreKey is stemKey without the generic words; "" when nothing else is left.
func coreKey(s string) string {
	ws := strings.Fields(stemKey(s))
	out := ws[:0]
	for _, w := range ws {
		if !genericWords[w] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// valueParts splits a compound value ("Channel Partner / Reseller").
func valueParts(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool {
		return r == '/' || r == '|' || r == '(' || r == ')' || r == ',' || r == ';' || r == '+' || r == '&'
	})
}

// wordIndex finds a code by a value's folded form, its stems and its core.
type wordIndex[T ~string] struct {
	exact, stems, cores map[string]T
}

func newWordIndex[T ~string](values map[T][]string) wordIndex[T] {
	ix := wordIndex[T]{exact: map[string]T{}, stems: map[string]T{}, cores: map[string]T{}}
	for code, vs := range values {
		for _, v := range append([]string{string(code)}, vs...) {
			ix.exact[headerKey(v)] = code
			ix.stems[stemKey(v)] = code
			if c := coreKey(v); c != "" {
				ix.cores[c] = code
			}
		}
	}
	return ix
}

// match tries the whole value, then each part of a compound one.
func (ix wordIndex[T]) match(v string) (T, bool) {
	if c, ok := ix.matchOne(v); ok {
		return c, true
	}
	if parts := valueParts(v); len(parts) > 1 {
		for _, p := range parts {
			if c, ok := ix.matchOne(p); ok {
				return c, true
			}
		}
	}
	return "", false
}

func (ix wordIndex[T]) matchOne(v string) (T, bool) {
	if c, ok := ix.exact[headerKey(v)]; ok {
		return c, true
	}
	if c, ok := ix.stems[stemKey(v)]; ok {
		return c, true
	}
	if k := coreKey(v); k != "" {
		c, ok := ix.cores[k]
		return c, ok
	}
	return "", false
}

// typeValues are the words partner types go by in both languages and in
// CRM exports (Salesforce account types, HubSpot company types); Russian
// word forms and the word "partner" are folded away when matching.
var typeValues = map[data.PartnerType][]string{
	data.TypeReseller: {"reseller", "value added reseller", "var", "channel partner reseller", "channel partner",
		"channel", "dealer", "retailer", "solution provider", "реселлер", "перепродавец", "дилер", "торговый партнер",
		"партнер реселлер", "торговый", "ритейлер", "дилерский"},
	data.TypeDistributor: {"distributor", "distribution", "disti", "wholesaler", "wholesale", "дистрибьютор",
		"дистрибутор", "дистрибуция", "дистрибьюция", "оптовик", "дистрибьюторский"},
	data.TypeReferral: {"referral", "referral partner", "affiliate", "agent", "referral affiliate", "referral agent",
		"influencer", "реферальный партнер", "реферальный", "реферал", "агент", "агентский", "аффилиат", "партнер по рекомендациям",
		"рекомендатель", "посредник"},
	data.TypeMSP: {"msp", "managed service provider", "managed services", "managed services provider", "mssp", "csp",
		"cloud service provider", "cloud solution provider", "service provider", "мсп", "поставщик управляемых услуг",
		"провайдер управляемых услуг", "провайдер", "облачный провайдер", "сервис провайдер"},
	data.TypeIntegrator: {"integrator", "system integrator", "systems integrator", "si", "gsi", "solution partner",
		"solutions partner", "installation partner", "installer", "implementation", "implementation partner",
		"consulting", "consulting partner", "consultant", "technology partner", "technology", "isv",
		"интегратор", "системный интегратор", "партнер по решениям", "внедрение", "внедренец", "консалтинг",
		"консультант", "технологический партнер", "технологический", "инсталлятор", "монтажник"},
	data.TypeService: {"service", "service partner", "support partner", "service support partner", "services",
		"support", "maintenance", "сервисный партнер", "сервис", "сервисный", "сервисный центр",
		"партнер по поддержке", "поддержка", "обслуживание", "техническая поддержка"},
}

// statusValues are the words lifecycle statuses go by, including HubSpot
// lifecycle stages.
var statusValues = map[data.Status][]string{
	data.StatusProspect: {"prospect", "lead", "subscriber", "marketing qualified lead", "marketingqualifiedlead",
		"sales qualified lead", "salesqualifiedlead", "new", "hot lead", "warm lead", "cold lead", "potential",
		"потенциальный", "проспект", "лид", "новый", "кандидат", "горячий лид", "теплый лид", "холодный лид"},
	data.StatusApplied: {"applied", "application", "opportunity", "подана заявка", "заявка", "заявка подана"},
	data.StatusVetting: {"vetting", "in review", "review", "qualification", "qualifying", "проверка", "на проверке",
		"оценка", "квалификация", "на рассмотрении"},
	data.StatusOnboarding: {"onboarding", "онбординг", "подключение", "адаптация", "в процессе подключения"},
	data.StatusActive: {"active", "customer", "partner", "evangelist", "current", "активный", "активен", "действующий",
		"клиент", "партнер", "работаем"},
	data.StatusAtRisk: {"at risk", "at_risk", "suspended", "on hold", "paused", "под риском", "в зоне риска", "риск",
		"приостановлен", "приостановлена", "на паузе"},
	data.StatusOffboarded: {"offboarded", "inactive", "former", "churned", "terminated", "closed", "отключен",
		"выведен", "бывший", "неактивный", "не активен", "расторгнут", "закрыт"},
	data.StatusDeclined: {"declined", "rejected", "disqualified", "unqualified", "отклонен", "отказ", "отклонена",
		"отказано", "неквалифицирован"},
}

// sourceValues are the words prospect sources go by, including HubSpot's
// original sources, Salesforce's lead and account sources and Bitrix24's.
var sourceValues = map[data.Source][]string{
	data.SourceInbound: {"inbound", "application", "web", "website", "web form", "organic search", "direct traffic",
		"paid search", "paid social", "social media", "email marketing", "phone inquiry", "advertisement",
		"public relations", "other campaigns", "ai referrals", "chat", "входящий", "входящая заявка", "заявка",
		"заявка с сайта", "сайт", "веб сайт", "звонок", "входящий звонок", "обратный звонок", "реклама",
		"электронная почта", "crm форма", "онлайн чат", "веб форма"},
	data.SourceEvent: {"event", "trade show", "tradeshow", "conference", "seminar", "webinar", "offline sources",
		"seminar internal", "seminar partner", "exhibition", "мероприятие", "выставка", "конференция", "семинар",
		"вебинар", "форум"},
	data.SourceReferral: {"referral", "referrals", "partner referral", "employee referral", "external referral",
		"partner", "word of mouth", "existing customer", "рекомендация", "по рекомендации", "реферал", "партнер",
		"сарафанное радио", "существующий клиент"},
	data.SourceOutbound: {"outbound", "research", "outbound research", "cold call", "cold email", "purchased list",
		"list", "прямые продажи", "исходящий", "исходящий поиск", "поиск", "холодный звонок", "исследование рынка",
		"база", "холодные звонки"},
}

var (
	typeIndex   = newWordIndex(typeValues)
	statusIndex = newWordIndex(statusValues)
	sourceIndex = newWordIndex(sourceValues)
)

// MatchType finds the partner type a value names, in either language,
// in its usual word forms, or as CRMs write it ("Channel Partner /
// Reseller", «Реферальный», "Value Added Reseller").
func MatchType(v string) (data.PartnerType, bool) { return typeIndex.match(v) }

// MatchStatus finds the lifecycle status a value names, in either language.
func MatchStatus(v string) (data.Status, bool) { return statusIndex.match(v) }

// MatchSource finds the prospect source a value names, in either
// language or as CRMs write it ("Trade Show", «Выставка»).
func MatchSource(v string) (data.Source, bool) { return sourceIndex.match(v) }

// MatchLang reads a document language: en/ru in any common spelling
// ("English", "en-US", «Русский язык»).
func MatchLang(v string) (string, bool) {
	k := headerKey(v)
	first, _, _ := strings.Cut(k, " ")
	switch {
	case first == "en" || first == "eng" || strings.HasPrefix(first, "english") || strings.HasPrefix(first, "англ"):
		return "en", true
	case first == "ru" || first == "rus" || strings.HasPrefix(first, "russian") || strings.HasPrefix(first, "рус"):
		return "ru", true
	}
	return "", false
}
