package app

import (
	"strings"
	"unicode"
)

// legalForms are company legal-form words that do not tell one customer
// from another; they are dropped when matching names.
var legalForms = map[string]bool{
	"ооо": true, "оао": true, "зао": true, "пао": true, "ао": true, "ип": true, "нко": true, "ано": true,
	"гуп": true, "муп": true, "фгуп": true, "тоо": true, "чп": true,
	"llc": true, "ltd": true, "limited": true, "inc": true, "incorporated": true, "corp": true,
	"corporation": true, "co": true, "gmbh": true, "ag": true, "bv": true, "nv": true, "plc": true,
	"sa": true, "sas": true, "srl": true, "spa": true, "oy": true, "ab": true, "as": true, "kg": true, "llp": true,
}

// longLegalForms are legal forms written out in full.
var longLegalForms = []string{
	"общество с ограниченной ответственностью", "публичное акционерное общество",
	"закрытое акционерное общество", "открытое акционерное общество", "акционерное общество",
	"индивидуальный предприниматель", "limited liability company",
}

// NormalizeCompany turns a company name into the key two registrations of
// the same customer share: case, quotes, punctuation, repeated spaces,
// ё/е and legal forms (ООО, АО, ИП, LLC, Ltd, Inc, GmbH…) do not matter.
// «ООО "Ромашка"», "Ромашка ООО" and "  ромашка " give the same key.
func NormalizeCompany(name string) string {
	s := strings.ToLower(name)
	s = strings.ReplaceAll(s, "ё", "е")
	s = strings.ReplaceAll(s, "b.v.", "bv")
	s = strings.ReplaceAll(s, "n.v.", "nv")
	for _, f := range longLegalForms {
		s = strings.ReplaceAll(s, f, " ")
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '+' {
			return r
		}
		return ' '
	}, s)
	words := strings.Fields(s)
	kept := words[:0:0]
	for _, w := range words {
		if !legalForms[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		kept = words // the name is only a legal form: keep it rather than nothing
	}
	return strings.Join(kept, " ")
}
