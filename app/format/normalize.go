package format

import (
	"strings"
	"unicode"
)

// legalForms are company legal-form words that say nothing about which
// company it is; duplicate detection ignores them.
var legalForms = map[string]bool{
	"ооо": true, "оао": true, "зао": true, "пао": true, "нао": true, "ао": true, "ип": true, "тоо": true, "чп": true,
	"нко": true, "ано": true, "гуп": true, "муп": true, "фгуп": true, "sas": true,
	"llc": true, "ltd": true, "limited": true, "inc": true, "incorporated": true, "corp": true, "corporation": true,
	"co": true, "plc": true, "gmbh": true, "ag": true, "bv": true, "nv": true, "sa": true, "sarl": true, "srl": true,
	"oy": true, "ab": true, "as": true, "kg": true, "llp": true, "lp": true, "pty": true, "spa": true, "sro": true,
}

// longLegalForms are legal forms written out in full.
var longLegalForms = []string{
	"общество с ограниченной ответственностью", "публичное акционерное общество",
	"закрытое акционерное общество", "открытое акционерное общество", "акционерное общество",
	"индивидуальный предприниматель", "limited liability company",
}

// NormalizeCompany reduces a company name to the key duplicate detection
// compares: lower case, ё as е, quotes and punctuation gone, spaces
// collapsed, legal forms (ООО, АО, ИП, LLC, Ltd, Inc, GmbH…) dropped.
// «ООО "Орбита Софт"», "Орбита  софт" and "орбита софт, ООО" give the
// same key. A name made only of a legal form keeps it, so it is not "".
func NormalizeCompany(name string) string {
	lower := strings.ToLower(name)
	for _, f := range longLegalForms {
		lower = strings.ReplaceAll(lower, f, " ")
	}
	var b strings.Builder
	for _, r := range lower {
		switch {
		case r == 'ё':
			b.WriteRune('е')
		case r == '.':
			// "B.V." and "Co." lose their dots: "bv", "co".
		case r == '&' || r == '+' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	words := strings.Fields(b.String())
	kept := make([]string, 0, len(words))
	for _, w := range words {
		if !legalForms[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return strings.Join(words, " ")
	}
	return strings.Join(kept, " ")
}

// freeMail are mailbox providers anyone can use: sharing one says nothing
// about being the same company.
var freeMail = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "yahoo.com": true, "hotmail.com": true, "outlook.com": true,
	"live.com": true, "icloud.com": true, "me.com": true, "aol.com": true, "proton.me": true, "protonmail.com": true,
	"gmx.de": true, "gmx.net": true, "web.de": true, "mail.ru": true, "bk.ru": true, "inbox.ru": true, "list.ru": true,
	"yandex.ru": true, "ya.ru": true, "yandex.com": true, "rambler.ru": true, "qip.ru": true,
}

// CompanyDomain is the company domain of an e-mail address or website, in
// lower case without "www."; "" for free mailbox providers and for text
// that holds no domain.
func CompanyDomain(emailOrSite string) string {
	s := strings.ToLower(strings.TrimSpace(emailOrSite))
	if i := strings.LastIndex(s, "@"); i >= 0 {
		s = s[i+1:]
	} else {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
		if i := strings.IndexAny(s, "/?#:"); i >= 0 {
			s = s[:i]
		}
	}
	s = strings.TrimPrefix(strings.Trim(s, ". >"), "www.")
	if !strings.Contains(s, ".") || strings.ContainsAny(s, " \t,;") || freeMail[s] {
		return ""
	}
	return s
}
