package importer

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"channeldesk/app/format"
	"channeldesk/data"
)

// Action is what an import does with one row.
type Action int

// Row actions.
const (
	Create Action = iota // a new partner
	Merge                // the same company is already known: fill its blanks, add the contact
	Reject               // the row is invalid and is skipped
	Skip                 // the value map leaves the row out (not a partner)
	Update               // the partner with this source record ID is stored: its changed fields are updated
)

// Change is one field an update by record ID changes.
type Change struct {
	Field    Field
	Old, New string
	// Edited: the user changed the field in ChannelDesk after the last
	// import; Kept: their value stays (the default for an edited field).
	Edited, Kept bool
}

// Applied reports whether any change of the row is written.
func (r *Row) Applied() bool {
	for _, c := range r.Changes {
		if !c.Kept {
			return true
		}
	}
	return false
}

// Warning is something about a row the user should see that does not
// keep it out: an unrecognised value imported as the default.
type Warning struct {
	Column string
	Field  Field
	Key    string // translation key
	Args   map[string]any
}

// Row is one row of the file as the import will treat it.
type Row struct {
	Num     int // row number as a spreadsheet shows it
	Action  Action
	Partner data.Partner
	Contact *data.Contact        // nil: no contact, or the partner already has it
	Source  *data.ProspectSource // how a prospect was found; nil when not said and not a prospect
	// SourceGiven: the file said the source; otherwise it is the default,
	// which only a new partner gets (a merge never invents one).
	SourceGiven bool
	Note        string      // becomes an internal timeline note
	MergeID     int64       // Merge into a stored partner
	MergeRow    int         // Merge into an earlier row of this file (index in Rows), else -1
	MergeName   string      // name of the partner merged into
	Column      string      // Reject: the column at fault ("" for the whole row)
	Err         *data.Error // Reject: why
	Warnings    []Warning
	RecordID    string   // the row's ID in its source system
	Changes     []Change // Update: what changes
	// Imported: the file's values of the fields an update compares, kept
	// with the record ID (rows with one).
	Imported map[Field]string
}

// Preview is what an import would do, before anything is written.
type Preview struct {
	Table    *Table
	Mapping  Mapping
	Rows     []Row
	Created  int
	Merged   int
	Rejected int
	Skipped  int    // left out by the value map
	Updated  int    // known by their source record ID
	Source   string // the system the file comes from, for record IDs
	// Ignored lists the columns no field takes, with their non-empty values.
	Ignored []IgnoredColumn
	// Dates says how each date column is read; Ambiguous ones are asked.
	Dates  []DateInfo
	Warned int // created or merged rows with warnings
	// Unknown lists each distinct value of a category column that is not
	// one of ours (and each "not a partner" value), with its row count.
	Unknown []UnknownValue
}

// Options tune how values are read.
type Options struct {
	DefaultType   data.PartnerType // for rows without a type; Values' default, else reseller, if ""; NoType: none
	DefaultStatus data.Status      // for rows without a status; prospect if ""
	// DefaultSource is how prospects (prospect, applied, vetting) without
	// a source column were found; outbound research if "": a list the
	// manager brings in is one they went and found.
	DefaultSource data.Source
	// Values maps values of category columns (see ValueMap).
	Values ValueMap
	// Source names the system the file was exported from, under which
	// record IDs are kept; DetectSource's guess if "".
	Source string
	// DateOrder reads date columns whose every value could be D/M or M/D
	// (day first when unknown, and the preview asks).
	DateOrder DateOrder
	// KeepOurs names fields an update by record ID leaves as stored.
	KeepOurs map[Field]bool
	// TakeFile names fields (EditKey) the user edited since the last
	// import that the file's value replaces all the same.
	TakeFile map[string]bool
	// Fixes are single cells the user corrected in the preview; they
	// replace the file's text on import, nothing else changes.
	Fixes map[Cell]string
}

// Cell names one cell of the file: its row's index in Table.Rows and its column.
type Cell struct{ Row, Col int }

// fixedRecord is rec with the user's corrections of row i, if any.
func fixedRecord(rec []string, i int, fixes map[Cell]string, cols int) []string {
	var out []string
	for c := 0; c < cols; c++ {
		v, ok := fixes[Cell{i, c}]
		if !ok {
			continue
		}
		if out == nil {
			out = make([]string, max(len(rec), cols))
			copy(out, rec)
		}
		out[c] = v
	}
	if out == nil {
		return rec
	}
	return out
}

// DateInfo is what the preview says about a date column.
type DateInfo struct {
	Column string
	DateColumn
	Examples []string // a few values of the column, as the file writes them
}

// IgnoredColumn is a column the import leaves out, with the number of
// non-empty values it would drop.
type IgnoredColumn struct {
	Col    int
	Column string
	Values int
}

// ErrNoNameColumn is returned when no column maps to the partner name.
var ErrNoNameColumn = data.Invalid("mapping", "err.recruit_no_name_column", nil)

// existing is what the database already holds, for duplicate detection.
type existing struct {
	byKey    map[string]int64
	byDomain map[string]int64
	byINN    map[string]int64
	byRecord map[string]int64  // source record ID → partner
	imported map[string]string // source record ID → what its last import said (JSON)
	names    map[int64]string
	stored   map[int64]*data.Partner
	emails   map[int64]map[string]bool // lower-case contact e-mails and names per partner
}

func loadExisting(ctx context.Context, s *data.Store, source string) (*existing, error) {
	ex := &existing{byKey: map[string]int64{}, byDomain: map[string]int64{}, byINN: map[string]int64{},
		names: map[int64]string{}, stored: map[int64]*data.Partner{}, emails: map[int64]map[string]bool{}}
	all, err := s.AllPartners(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		ex.names[p.ID], ex.stored[p.ID] = p.Name, p
		ex.remember(p.ID, NormalizeKeys(p.Name, p.LegalName), format.CompanyDomain(p.Website))
		ex.rememberINN(p.ID, p.INN)
	}
	if ex.byRecord, err = s.SourceIDs(ctx, source); err != nil {
		return nil, err
	}
	if ex.imported, err = s.SourceImported(ctx, source); err != nil {
		return nil, err
	}
	return ex, ex.loadContacts(ctx, s)
}

func (ex *existing) rememberINN(id int64, inn string) {
	if _, ok := ex.byINN[inn]; !ok && inn != "" {
		ex.byINN[inn] = id
	}
}

func (ex *existing) loadContacts(ctx context.Context, s *data.Store) error {
	return s.EachContactName(ctx, func(id int64, name, email string) {
		ex.addContact(id, name, email)
		ex.remember(id, nil, format.CompanyDomain(email))
	})
}

// remember records keys and a domain for a partner; the first partner
// with a key keeps it.
func (ex *existing) remember(id int64, keys []string, domain string) {
	for _, k := range keys {
		if _, ok := ex.byKey[k]; !ok && k != "" {
			ex.byKey[k] = id
		}
	}
	if _, ok := ex.byDomain[domain]; !ok && domain != "" {
		ex.byDomain[domain] = id
	}
}

func (ex *existing) addContact(id int64, name, email string) {
	if ex.emails[id] == nil {
		ex.emails[id] = map[string]bool{}
	}
	ex.emails[id][contactKey(name, email)] = true
}

func contactKey(name, email string) string {
	if email != "" {
		return strings.ToLower(email)
	}
	return "name:" + headerKey(name)
}

// NormalizeKeys are the duplicate keys of a company: its name's and its
// legal name's normalised forms.
func NormalizeKeys(name, legal string) []string {
	keys := []string{format.NormalizeCompany(name)}
	if k := format.NormalizeCompany(legal); k != "" && k != keys[0] {
		keys = append(keys, k)
	}
	return keys
}

// Plan reads every row of t with mapping m and says what an import would
// do with it; nothing is written. Duplicates are found among stored
// partners and among earlier rows of the same file.
func Plan(ctx context.Context, s *data.Store, t *Table, m Mapping, opt Options) (*Preview, error) {
	if !m.Has(FName) {
		return nil, ErrNoNameColumn
	}
	if opt.Source == "" {
		opt.Source = DetectSource(t.Header)
	}
	ex, err := loadExisting(ctx, s, opt.Source)
	if err != nil {
		return nil, err
	}
	opt.DefaultType = defaultType(opt)
	if opt.DefaultStatus == "" {
		opt.DefaultStatus = data.StatusProspect
	}
	if opt.DefaultSource == "" {
		opt.DefaultSource = data.SourceOutbound
	}
	p := &Preview{Table: t, Mapping: m, Rows: make([]Row, 0, len(t.Rows)), Source: opt.Source}
	rr := newRowReader(t, m, opt)
	rr.keepIDs = opt.Source != "file"
	p.Dates, rr.dateOrder = detectDateColumns(t, m, opt.DateOrder)
	fileIDs := map[int64]int{} // negative ids stand for rows of this file
	for i, rec := range t.Rows {
		if i%1000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if len(opt.Fixes) > 0 {
			rec = fixedRecord(rec, i, opt.Fixes, len(t.Header))
		}
		row := rr.read(rec)
		row.Num = t.RowNums[i]
		if row.Action == Create && !p.update(&row, ex, opt) {
			p.dedupe(&row, ex, fileIDs)
		}
		p.count(&row)
		p.Rows = append(p.Rows, row)
	}
	p.Unknown = rr.unknown.sorted()
	p.Ignored = ignoredColumns(t, m)
	return p, nil
}

// defaultType is the type of rows whose type is empty, unknown and not
// mapped: the one asked for, else the value map's default, else reseller;
// NoType (or a default of ValueNone) leaves them without a type.
func defaultType(opt Options) data.PartnerType {
	t := opt.DefaultType
	if t == "" {
		t = data.PartnerType(opt.Values.Default(FType))
	}
	switch {
	case t == NoType:
		return data.TypeNone
	case t == "" || !t.Valid():
		return data.TypeReseller
	}
	return t
}

// NoType as Options.DefaultType leaves rows without a known type untyped.
const NoType data.PartnerType = ValueNone

func (p *Preview) count(r *Row) {
	switch r.Action {
	case Create:
		p.Created++
	case Merge:
		p.Merged++
	case Skip:
		p.Skipped++
	case Update:
		p.Updated++
	default:
		p.Rejected++
	}
	if len(r.Warnings) > 0 && r.Action != Reject && r.Action != Skip {
		p.Warned++
	}
}

// dedupe turns a row into a merge when its company is already known, and
// records it so that later rows of the file find it.
func (p *Preview) dedupe(row *Row, ex *existing, fileIDs map[int64]int) {
	keys := NormalizeKeys(row.Partner.Name, row.Partner.LegalName)
	domain := format.CompanyDomain(row.Partner.Website)
	if row.Contact != nil && domain == "" {
		domain = format.CompanyDomain(row.Contact.Email)
	}
	id, found := ex.byINN[row.Partner.INN]
	found = found && row.Partner.INN != ""
	for _, k := range keys {
		if found {
			break
		}
		id, found = ex.byKey[k]
	}
	if !found && domain != "" {
		id, found = ex.byDomain[domain]
	}
	row.MergeRow = -1
	if !found {
		id = -int64(len(p.Rows) + 1)
		fileIDs[id] = len(p.Rows)
		ex.names[id] = row.Partner.Name
	} else {
		row.Action, row.MergeName = Merge, ex.names[id]
		if id < 0 {
			row.MergeRow = fileIDs[id]
		} else {
			row.MergeID = id
		}
	}
	if row.Contact != nil {
		if k := contactKey(row.Contact.Name, row.Contact.Email); ex.emails[id][k] {
			row.Contact = nil
		} else {
			ex.addContact(id, row.Contact.Name, row.Contact.Email)
		}
	}
	ex.remember(id, keys, domain)
	ex.rememberINN(id, row.Partner.INN)
	if row.RecordID != "" {
		if _, ok := ex.byRecord[row.RecordID]; !ok {
			ex.byRecord[row.RecordID] = id
		}
	}
	if row.Contact != nil {
		ex.remember(id, nil, format.CompanyDomain(row.Contact.Email))
	}
}

// cells gathers a row's values by field, trimmed.
func cells(m Mapping, rec []string) (map[Field]string, map[Field]int) {
	vals, cols := make(map[Field]string, len(m)), make(map[Field]int, len(m))
	for i, f := range m {
		if f == Ignore || i >= len(rec) {
			continue
		}
		vals[f], cols[f] = strings.TrimSpace(rec[i]), i
	}
	return vals, cols
}

// rowReader turns records into rows, counting unknown values.
type rowReader struct {
	t         *Table
	m         Mapping
	opt       Options
	colKeys   []string // folded headers
	unknown   unknowns
	matched   map[unknownKey]matchResult // each distinct value is matched once
	keepIDs   bool                       // the source is a known system: record IDs are kept
	dateOrder DateOrder                  // of the event date column
}

// detectDateColumns reads the event date column's values to decide its
// order; an ambiguous column is read in the order asked for.
func detectDateColumns(t *Table, m Mapping, asked DateOrder) ([]DateInfo, DateOrder) {
	col := -1
	for i, f := range m {
		if f == FEventDate {
			col = i
		}
	}
	if col < 0 {
		return nil, asked
	}
	values := make([]string, 0, len(t.Rows))
	for _, rec := range t.Rows {
		if col < len(rec) {
			values = append(values, rec[col])
		}
	}
	dc := DetectDates(values)
	order := dc.Order
	if dc.Ambiguous || order == OrderUnknown {
		order = asked
	}
	return []DateInfo{{Column: t.Header[col], DateColumn: dc, Examples: dateExamples(values, 3)}}, order
}

// dateExamples are the first n distinct non-empty values of a date
// column, for the question of how to read it.
func dateExamples(values []string, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

type matchResult struct {
	code           string
	ok, notPartner bool
}

// match reads a category value once per column and distinct value.
func (r *rowReader) match(col int, f Field, v, folded string) (code string, ok, notPartnerValue bool) {
	k := unknownKey{col, folded}
	m, seen := r.matched[k]
	if !seen {
		m.code, m.ok = MatchValue(f, v)
		m.notPartner = notPartner(v)
		r.matched[k] = m
	}
	return m.code, m.ok, m.notPartner
}

func newRowReader(t *Table, m Mapping, opt Options) *rowReader {
	r := &rowReader{t: t, m: m, opt: opt, colKeys: make([]string, len(t.Header)), matched: map[unknownKey]matchResult{}}
	for i, h := range t.Header {
		r.colKeys[i] = headerKey(h)
	}
	return r
}

// category resolves the value of category field f: the value map first,
// then the values we know. An unknown value gives "" (the default) and a
// warning; skip reports that the value map leaves the row out.
func (r *rowReader) category(row *Row, vals map[Field]string, cols map[Field]int, f Field) (code string, skip bool) {
	v := vals[f]
	if v == "" {
		return "", false
	}
	col := cols[f]
	folded := headerKey(v)
	target, mapped := "", false
	if len(r.opt.Values) > 0 {
		target, mapped = r.opt.Values[r.colKeys[col]][folded]
	}
	known, ok, other := r.match(col, f, v, folded)
	if !ok || mapped || other {
		r.unknown.add(UnknownValue{Col: col, Column: r.t.Header[col], Field: f, Value: v, Target: target,
			Matched: known}, folded)
	}
	switch {
	case mapped && target == ValueSkip:
		return "", true
	case mapped && target == ValueDefault:
		return "", false
	case mapped:
		return target, false
	case ok:
		return known, false
	}
	row.Warnings = append(row.Warnings, Warning{Column: r.t.Header[col], Field: f, Key: "imports.warn_unknown_value",
		Args: map[string]any{"Value": v}})
	return "", false
}

// read turns one record into a partner, its contact and a note, or a
// rejection naming the column and the reason.
func (r *rowReader) read(rec []string) Row {
	t, opt := r.t, r.opt
	vals, cols := cells(r.m, rec)
	reject := func(f Field, key string, args map[string]any) Row {
		col := ""
		if i, ok := cols[f]; ok {
			col = t.Header[i]
		}
		return Row{Action: Reject, MergeRow: -1, Column: col, Err: data.Invalid(string(f), key, args)}
	}
	if extra := extraCells(t, rec); extra > 0 {
		return Row{Action: Reject, MergeRow: -1, Err: data.Invalid("row", "err.recruit_extra_cells", map[string]any{"Count": extra})}
	}
	if f, limit := overLong(vals); f != "" {
		return reject(f, "err.too_long", map[string]any{"Max": limit})
	}
	if vals[FName] == "" {
		return reject(FName, "err.required", nil)
	}
	row := Row{Action: Create, MergeRow: -1}
	p := data.Partner{Name: vals[FName], LegalName: vals[FLegalName], Type: opt.DefaultType, Status: opt.DefaultStatus,
		Country: vals[FCountry], Region: vals[FRegion], City: vals[FCity], Website: vals[FWebsite],
		Verticals: splitList(vals[FVerticals]), Capabilities: splitList(vals[FCapabilities]),
		Products: splitList(vals[FProducts]), Tags: splitList(vals[FTags]), AccountManager: vals[FAccountMgr],
		DocLang: guessLang(vals[FName]), INN: taxDigits(vals[FINN]), KPP: taxDigits(vals[FKPP]), Address: vals[FAddress]}
	if r.keepIDs {
		row.RecordID = vals[FRecordID]
	}
	if p.INN != "" && !ValidINN(p.INN) {
		row.Warnings = append(row.Warnings, Warning{Column: t.Header[cols[FINN]], Field: FINN, Key: "imports.warn_inn",
			Args: map[string]any{"Value": p.INN}})
	}
	skipped, src := false, data.Source("")
	for _, f := range []Field{FType, FStatus, FDocLang, FSource} {
		code, skip := r.category(&row, vals, cols, f)
		skipped = skipped || skip
		switch {
		case code == "":
		case f == FType && code == ValueNone:
			p.Type = data.TypeNone
		case f == FType:
			p.Type = data.PartnerType(code)
		case f == FStatus:
			p.Status = data.Status(code)
		case f == FDocLang:
			p.DocLang = code
		case f == FSource:
			src = data.Source(code)
		}
	}
	if skipped {
		return Row{Action: Skip, MergeRow: -1, Partner: p}
	}
	c, bad := readContact(vals, p.Name)
	if bad != "" {
		return reject(bad, "err.email", map[string]any{"Value": vals[bad]})
	}
	if err := validate(&p, c); err != nil {
		return reject(dataFields[err.Field], err.Key, err.Args)
	}
	ps, given, err := readSource(vals, src, p.Status, opt.DefaultSource, r.dateOrder)
	if err != nil {
		return reject(dataFields[err.Field], err.Key, err.Args)
	}
	row.Partner, row.Contact, row.Source, row.SourceGiven, row.Note = p, c, ps, given, vals[FNotes]
	return row
}

// readSource says how the row's company was found: src (the source
// column read in either language or a CRM's words), else an event or referrer column, else
// def for a company still in recruitment; given reports whether the file
// said it. A source nobody can place ("Other", a campaign's name) counts
// as unsaid rather than costing the row. A CRM source without the event's
// or referrer's name keeps its own words as that name ("Trade Show").
func readSource(vals map[Field]string, src data.Source, status data.Status, def data.Source,
	order DateOrder) (ps *data.ProspectSource, given bool, _ *data.Error) {
	v := vals[FSource]
	ps = &data.ProspectSource{EventName: vals[FEventName], ReferredBy: vals[FReferredBy]}
	switch {
	case src != "":
		ps.Source, given = src, true
	case ps.EventName != "":
		ps.Source, given = data.SourceEvent, true
	case ps.ReferredBy != "":
		ps.Source, given = data.SourceReferral, true
	case status == data.StatusProspect || status == data.StatusApplied || status == data.StatusVetting:
		ps.Source = def
	default:
		return nil, false, nil
	}
	if ps.Source == data.SourceEvent && ps.EventName == "" {
		ps.EventName = v
	}
	if ps.Source == data.SourceReferral && ps.ReferredBy == "" {
		ps.ReferredBy = v
	}
	if d := vals[FEventDate]; d != "" && ps.Source == data.SourceEvent {
		iso, ok := ReadDate(d, order)
		if !ok {
			return nil, false, data.Invalid("event_date", "err.recruit_date", map[string]any{"Value": d})
		}
		ps.EventDate = iso
	}
	if err := ps.Validate(); err != nil {
		e, _ := data.AsError(err)
		return nil, false, e
	}
	return ps, given, nil
}

// CellDate reads a date cell: ISO, Russian and slash dates, a date with a
// time, and Excel serial numbers; the result is ISO.
func CellDate(s string) (string, bool) {
	if t, err := format.ParseDate(s); err == nil {
		return t.Format(format.DateLayout), true
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 20000 && n < 80000 {
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)).Format(format.DateLayout), true
	}
	if t, err := time.Parse("2006-01-02 15:04:05", s); err == nil {
		return t.Format(format.DateLayout), true
	}
	return "", false
}

// extraCells counts non-blank cells beyond the header: a sign of a broken
// row (a stray delimiter), which the importer refuses to guess about.
func extraCells(t *Table, rec []string) int {
	n := 0
	for i := len(t.Header); i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) != "" {
			n++
		}
	}
	return n
}

// fieldMax is the longest value each field may hold, in characters.
func fieldMax(f Field) int {
	switch f {
	case FNotes, FVerticals, FCapabilities, FProducts, FTags:
		return data.MaxTextLen
	case FContactPhone:
		return 50
	case FINN, FKPP:
		return 20
	}
	return data.MaxNameLen
}

func overLong(vals map[Field]string) (Field, int) {
	for _, f := range Fields {
		if limit := fieldMax(f); utf8.RuneCountInString(vals[f]) > limit {
			return f, limit
		}
	}
	return "", 0
}

// readContact builds the row's contact; bad names an invalid e-mail column.
// A contact with only a phone (a CRM account's switchboard) is named after
// the company, so the number is kept, not dropped.
func readContact(vals map[Field]string, company string) (c *data.Contact, bad Field) {
	name := vals[FContactName]
	if name == "" {
		name = strings.Join(strings.Fields(vals[FContactFirst]+" "+vals[FContactSecond]+" "+vals[FContactLast]), " ")
	}
	email := vals[FContactEmail]
	if email != "" && !data.ValidEmail(email) {
		return nil, FContactEmail
	}
	if name == "" {
		name = email
	}
	if name == "" && vals[FContactPhone] != "" {
		name = company
	}
	if name == "" {
		return nil, ""
	}
	return &data.Contact{Name: name, Email: email, Phone: vals[FContactPhone], Role: vals[FContactRole], Primary: true}, ""
}

// splitList splits a list cell on commas, semicolons and line breaks.
func splitList(s string) []string {
	return data.CleanList(strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' }))
}

// guessLang is the document language a partner gets when the file does
// not say: Russian for a Cyrillic name.
func guessLang(name string) string {
	for _, r := range name {
		if unicode.Is(unicode.Cyrillic, r) {
			return "ru"
		}
	}
	return "en"
}

// dataFields maps the fields data's Validate names to import fields.
var dataFields = map[string]Field{"name": FName, "legal_name": FLegalName, "type": FType, "status": FStatus,
	"country": FCountry, "region": FRegion, "city": FCity, "website": FWebsite, "account_manager": FAccountMgr,
	"doc_lang": FDocLang, "contact_name": FContactName, "email": FContactEmail, "phone": FContactPhone,
	"source": FSource, "event_name": FEventName, "event_date": FEventDate, "referred_by": FReferredBy,
	"inn": FINN, "kpp": FKPP, "address": FAddress}

// validate runs the store's own checks, so a row the preview accepts is
// one the store accepts.
func validate(p *data.Partner, c *data.Contact) *data.Error {
	if err := p.Validate(); err != nil {
		e, _ := data.AsError(err)
		return e
	}
	if c == nil {
		return nil
	}
	if err := c.Validate(); err != nil {
		e, _ := data.AsError(err)
		return e
	}
	return nil
}
