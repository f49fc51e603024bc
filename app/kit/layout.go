package kit

// colKind is what an input column holds, for its style, its validation in
// Excel and how the import reads it.
type colKind int

const (
	cText colKind = iota
	cMoney
	cCount
	cDate
	cChoice
)

// column is one column of an input table.
type column struct {
	key   string // header text key (kit.doc.col.KEY)
	field string // the field an error names (field.FIELD)
	kind  colKind
	max   int    // longest text, in characters
	list  string // the named list of a choice column
	req   bool   // the row needs it
}

// Sheets of a kit, by their role; the names come from the translations.
const (
	sheetReadme = "readme"
	sheetDeals  = "deals"
	sheetMDF    = "mdf"
	sheetPlan   = "plan"
	sheetPeople = "people"
	sheetApply  = "apply"
	sheetLeads  = "leads"
	markerSheet = "_kit"
)

// Row tags, written in the hidden column A of every input row: the import
// reads only tagged rows and knows from the tag what the row is.
const (
	tagDeal    = "D"  // a new deal registration
	tagRequest = "Q"  // a new MDF request
	tagClaim   = "C:" // a claim against request ID
	tagActual  = "P:" // plan actuals of objective ID
	tagContact = "K:" // a contact (ID), or a new one ("K:")
	tagCert    = "T"  // a new certification
	tagAnswer  = "A:" // an application answer (question key)
	tagLead    = "L:" // the partner's answer to the offer of lead ID
)

// firstCol is where the visible columns start: A holds the row tag and B
// what the kit showed (to tell the partner's change from ours), both hidden.
const firstCol = 3

// Input rows offered for new entries.
const (
	newDealRows      = 30
	newRequestRows   = 10
	newContactRows   = 10
	newCertRows      = 15
	maxTextInCell    = 2000
	shortText        = 200
	phoneText        = 50
	taxIDText        = 20
	listActivities   = "activities"
	listProducts     = "products"
	listCurrency     = "currency"
	listYesNo        = "yesno"
	listPeople       = "people"
	listPartnerType  = "ptype"
	listLeadDecision = "leaddecision"
)

var dealCols = []column{
	{key: "customer", field: "customer", kind: cText, max: shortText, req: true},
	{key: "tax_id", field: "customer_tax_id", kind: cText, max: taxIDText},
	{key: "website", field: "customer_domain", kind: cText, max: shortText},
	{key: "product", field: "product", kind: cChoice, max: shortText, list: listProducts},
	{key: "amount", field: "amount", kind: cMoney},
	{key: "currency", field: "currency", kind: cChoice, list: listCurrency},
	{key: "close_on", field: "expected_close_on", kind: cDate},
	{key: "customer_contact", field: "contact_name", kind: cText, max: shortText},
	{key: "notes", field: "notes", kind: cText, max: maxTextInCell},
}

var requestCols = []column{
	{key: "activity", field: "mdf_activity", kind: cChoice, list: listActivities, req: true},
	{key: "activity_name", field: "mdf_description", kind: cText, max: maxTextInCell, req: true},
	{key: "starts_on", field: "mdf_starts_on", kind: cDate, req: true},
	{key: "ends_on", field: "mdf_ends_on", kind: cDate, req: true},
	{key: "planned_cost", field: "kit_planned_cost", kind: cMoney},
	{key: "requested", field: "mdf_requested", kind: cMoney, req: true},
	{key: "expected_leads", field: "mdf_expected_leads", kind: cCount},
}

// claimShown are the read-only columns of a claim row, before its inputs.
var claimShown = []string{"request_id", "activity", "activity_name", "dates", "approved", "deadline"}

var claimCols = []column{
	{key: "actual_cost", field: "mdf_actual_cost", kind: cMoney, req: true},
	{key: "leads", field: "mdf_leads", kind: cCount},
	{key: "proof_files", field: "mdf_proof", kind: cText, max: maxTextInCell},
}

// planShown are the read-only columns of an objective row.
var planShown = []string{"objective", "target_q1", "target_q2", "target_q3", "target_q4"}

var planCols = []column{
	{key: "actual_q1", field: "actual", kind: cCount}, {key: "actual_q2", field: "actual", kind: cCount},
	{key: "actual_q3", field: "actual", kind: cCount}, {key: "actual_q4", field: "actual", kind: cCount},
}

var contactCols = []column{
	{key: "name", field: "contact_name", kind: cText, max: shortText, req: true},
	{key: "role", field: "contact_role", kind: cText, max: shortText},
	{key: "email", field: "email", kind: cText, max: shortText},
	{key: "phone", field: "phone", kind: cText, max: phoneText},
	{key: "left", field: "kit_left", kind: cChoice, list: listYesNo},
}

var certCols = []column{
	{key: "person", field: "contact_name", kind: cChoice, max: shortText, list: listPeople, req: true},
	{key: "certification", field: "cert_name", kind: cText, max: shortText, req: true},
	{key: "level", field: "cert_level", kind: cText, max: shortText},
	{key: "earned_on", field: "earned_on", kind: cDate, req: true},
	{key: "expires_on", field: "expires_on", kind: cDate},
}
