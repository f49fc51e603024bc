package kit

import (
	"slices"
	"testing"

	"channeldesk/app/mdf"
)

// A proof file named loosely in a claim still finds the file that came:
// case, spaces, punctuation, a missing or different extension and a path
// copied from the partner's disk do not matter; an exact name wins over
// a loose one, and nothing is matched on a mere resemblance.
func TestMatchProofIsLooseButNotGuessing(t *testing.T) {
	files := []mdf.ProofFile{{Name: "invoice_12.PDF"}, {Name: "Invoice 12.pdf"}, {Name: "photos.jpg"}, {Name: "Отчёт о мероприятии.docx"},
		{Name: "leads.xlsx"}, {Name: "leads.csv"}, {Name: "agenda.v2.pdf"}}
	names := func(idx []int) []string {
		var out []string
		for _, i := range idx {
			out = append(out, files[i].Name)
		}
		return out
	}
	for named, want := range map[string][]string{
		"invoice 12.pdf": {"Invoice 12.pdf"},                   // same name, any case: exact first
		"INVOICE-12.pdf": {"invoice_12.PDF", "Invoice 12.pdf"}, // punctuation and spaces
		"Photos":         {"photos.jpg"},                       // no extension
		"photos.jpeg":    {"photos.jpg"},                       // another extension
		`C:\Users\Анна\Desktop\отчёт о мероприятии.DOCX`: {"Отчёт о мероприятии.docx"}, // a Windows path, Cyrillic
		"/home/anna/leads.xlsx": {"leads.xlsx"},
		"leads":                 {"leads.xlsx", "leads.csv"},
		"agenda v2":             {"agenda.v2.pdf"},
		"invoice 13.pdf":        nil,
		"contract":              nil,
		"  ":                    nil,
	} {
		if got := names(matchProof(named, files)); !slices.Equal(got, want) {
			t.Errorf("%q matches %q, want %q", named, got, want)
		}
	}
}
