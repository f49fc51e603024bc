package format

import "testing"

func TestNormalizeCompany(t *testing.T) {
	tests := map[string]struct{ a, b string }{
		"quotes and legal form":       {`ООО "Ромашка"`, "ромашка"},
		"guillemets, form at end":     {"«Ромашка» ООО", "Ромашка"},
		"spaces and case":             {"  ACME   Corp ", "acme"},
		"ё is е":                      {"Ёлка", "елка"},
		"english legal forms":         {"Northwind Systems, Ltd.", "NORTHWIND SYSTEMS LLC"},
		"gmbh and inc":                {"Blue Harbor GmbH", "Blue Harbor Inc."},
		"written out russian form":    {"Общество с ограниченной ответственностью «Вектор»", "Вектор"},
		"ИП with person name":         {"ИП Иванов", "иванов"},
		"b.v. is dropped":             {"Fjord Data B.V.", "fjord data"},
		"punctuation between words":   {"Alpha-Omega", "alpha omega"},
		"only legal form is kept":     {"ООО", "ооо"},
		"acronym AO inside is kept":   {"АО Аокс", "аокс"},
		"ampersand kept":              {"Smith & Sons Ltd", "smith & sons"},
		"non-breaking space is space": {"Орбита\u00a0Софт", "орбита софт"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if a, b := NormalizeCompany(tc.a), NormalizeCompany(tc.b); a != b {
				t.Errorf("%q → %q, %q → %q; want equal", tc.a, a, tc.b, b)
			}
		})
	}
	if a, b := NormalizeCompany("Ромашка"), NormalizeCompany("Ромашка-2"); a == b {
		t.Errorf("different companies share key %q", a)
	}
}
