package format_test

import (
	"channeldesk/app/format"
	"testing"
)

func TestNormalizeCompanyMatchesTheSameCompany(t *testing.T) {
	same := map[string][]string{
		"орбита софт":   {"ООО «Орбита Софт»", `ООО "Орбита  Софт"`, "Орбита Софт, ООО", "орбита софт", "АО Орбита Софт", "ИП Орбита-Софт"},
		"northwind":     {"Northwind LLC", "Northwind Ltd.", "NORTHWIND, Inc.", "Northwind GmbH", "  northwind  ", "'Northwind' B.V."},
		"blue harbor 2": {"Blue Harbor 2 Ltd"},
	}
	for want, names := range same {
		for _, n := range names {
			if got := format.NormalizeCompany(n); got != want {
				t.Errorf("NormalizeCompany(%q) = %q, want %q", n, got, want)
			}
		}
	}
	if got := format.NormalizeCompany("Ёлка"); got != "елка" {
		t.Errorf("ё not folded: %q", got)
	}
	if format.NormalizeCompany("Northwind Systems") == format.NormalizeCompany("Northwind") {
		t.Error("different companies got the same key")
	}
	if got := format.NormalizeCompany("ООО"); got != "ооо" {
		t.Errorf("a bare legal form must not become empty: %q", got)
	}
}

func TestCompanyDomain(t *testing.T) {
	cases := map[string]string{
		"anna@Northwind.example":          "northwind.example",
		"https://www.orbita.example/ru/":  "orbita.example",
		"orbita.example":                  "orbita.example",
		"ivan@mail.ru":                    "",
		"someone@gmail.com":               "",
		"not a domain":                    "",
		"":                                "",
		"http://blueharbor.example:8080/": "blueharbor.example",
	}
	for in, want := range cases {
		if got := format.CompanyDomain(in); got != want {
			t.Errorf("CompanyDomain(%q) = %q, want %q", in, got, want)
		}
	}
}
