package importer_test

import (
	"context"
	"strings"
	"testing"

	"channeldesk/app/importer"
	"channeldesk/data"
)

func TestTypesMatchInTheirWordForms(t *testing.T) {
	types := map[string]data.PartnerType{
		"Реферальный": data.TypeReferral, "Реферальные партнёры": data.TypeReferral, "Сервисные": data.TypeService,
		"Сервисный центр": data.TypeService, "Интегратор": data.TypeIntegrator, "Интеграторы": data.TypeIntegrator,
		"Партнёр-интегратор": data.TypeIntegrator, "Дистрибутор": data.TypeDistributor,
		"Дистрибьюторы": data.TypeDistributor, "Дилеры": data.TypeReseller, "VAR": data.TypeReseller,
		"Value Added Reseller": data.TypeReseller, "Resellers": data.TypeReseller,
		"Managed Service Provider": data.TypeMSP, "Managed Services Provider": data.TypeMSP,
		"Referral Partner": data.TypeReferral, "Affiliate Partner": data.TypeReferral,
		"Consulting Partner": data.TypeIntegrator, "Implementation Partner": data.TypeIntegrator,
		"Installation Partner": data.TypeIntegrator, "SI": data.TypeIntegrator, "Technology Partner": data.TypeIntegrator,
		"Channel Partner / Reseller": data.TypeReseller,
	}
	for v, want := range types {
		if got, ok := importer.MatchType(v); !ok || got != want {
			t.Errorf("MatchType(%q) = %q %v, want %q", v, got, ok, want)
		}
	}
	for _, v := range []string{"Partner", "Партнер", "Other", "Vendor", "Клиент", "Prospect"} {
		if got, ok := importer.MatchType(v); ok {
			t.Errorf("MatchType(%q) = %q: a word that names no type matched", v, got)
		}
	}
	if s, ok := importer.MatchStatus("Приостановлен"); !ok || s != data.StatusAtRisk {
		t.Errorf("«Приостановлен» = %q %v", s, ok)
	}
	if l, ok := importer.MatchLang("Русский язык"); !ok || l != "ru" {
		t.Errorf("«Русский язык» = %q %v", l, ok)
	}
}

const crmValues = "Company name,Type,Lifecycle Stage,Language\n" +
	"Alpha,Partner,Hot lead,English\n" +
	"Beta,Partner,Customer,English\n" +
	"Gamma,Vendor,Lead,en\n" +
	"Delta,Клиент,Lead,fr\n" +
	"Epsilon,Reseller,Lead,\n" +
	"Zeta,partner,Lead,\n"

func planText(t *testing.T, s *data.Store, text string, opt importer.Options) *importer.Preview {
	t.Helper()
	tab, err := importer.ReadCSV(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	p, err := importer.Plan(context.Background(), s, tab, importer.DetectMapping(tab.Header), opt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func unknown(p *importer.Preview, column, value string) *importer.UnknownValue {
	for i, u := range p.Unknown {
		if u.Column == column && strings.EqualFold(u.Value, value) {
			return &p.Unknown[i]
		}
	}
	return nil
}

func TestUnknownValuesImportWithTheDefaultAndAreListed(t *testing.T) {
	s := openStore(t)
	p := planText(t, s, crmValues, importer.Options{})
	if p.Rejected != 0 || p.Created != 6 {
		t.Fatalf("created %d rejected %d, want 6 and 0", p.Created, p.Rejected)
	}
	if p.Warned != 5 {
		t.Errorf("%d rows with warnings, want 5 (Partner×3, Vendor, Клиент, Hot lead, fr)", p.Warned)
	}
	partner := unknown(p, "Type", "Partner")
	if partner == nil || partner.Rows != 3 || partner.NotPartner || partner.Target != "" {
		t.Errorf("Type «Partner»: %+v, want 3 rows, unmapped", partner)
	}
	for _, v := range []string{"Vendor", "Клиент"} {
		if u := unknown(p, "Type", v); u == nil || !u.NotPartner || u.Rows != 1 {
			t.Errorf("Type %q: %+v, want offered as not a partner", v, u)
		}
	}
	if u := unknown(p, "Lifecycle Stage", "Customer"); u == nil || !u.NotPartner || u.Matched != "active" {
		t.Errorf("Lifecycle «Customer»: %+v, want listed (matches active, offered to skip)", u)
	}
	if u := unknown(p, "Language", "fr"); u == nil || u.Rows != 1 {
		t.Errorf("Language fr: %+v", u)
	}
	if r := p.Rows[0]; r.Partner.Type != data.TypeReseller || len(r.Warnings) != 1 || r.Warnings[0].Column != "Type" {
		t.Errorf("Alpha: type %q warnings %+v, want the default type and one warning on Type", r.Partner.Type, r.Warnings)
	}
	if p.Rows[0].Partner.Status != data.StatusProspect {
		t.Errorf("«Hot lead» = %q, want prospect", p.Rows[0].Partner.Status)
	}
}

func TestValueMapMovesRowsFromWarningsToReady(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	vm := importer.ValueMap{}
	vm.Set("type", "PARTNER", "distributor")
	vm.Set("Type", "Vendor", importer.ValueSkip)
	vm.Set("Type", "Клиент", importer.ValueSkip)
	vm.Set("Language", "fr", importer.ValueDefault)
	p := planText(t, s, crmValues, importer.Options{Values: vm})
	if p.Rejected != 0 || p.Skipped != 2 || p.Created != 4 || p.Warned != 0 {
		t.Fatalf("created %d skipped %d rejected %d warned %d; want 4, 2, 0, 0", p.Created, p.Skipped, p.Rejected, p.Warned)
	}
	if u := unknown(p, "Type", "Partner"); u == nil || u.Target != "distributor" {
		t.Errorf("«Partner» listed as %+v, want mapped to distributor", u)
	}
	res, err := importer.Apply(ctx, s, p, "", nil)
	if err != nil || res.Created != 4 || res.Skipped != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	rows, err := s.PartnerRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]data.PartnerType{}
	for _, r := range rows {
		got[r.Name] = r.Type
	}
	want := map[string]data.PartnerType{"Alpha": data.TypeDistributor, "Beta": data.TypeDistributor,
		"Epsilon": data.TypeReseller, "Zeta": data.TypeDistributor}
	if len(got) != len(want) {
		t.Errorf("stored %v, want %v", got, want)
	}
	for n, ty := range want {
		if got[n] != ty {
			t.Errorf("%s stored as %q, want %q", n, got[n], ty)
		}
	}
}

func TestValueTargetReadsOursInAnySpelling(t *testing.T) {
	cases := []struct {
		f    importer.Field
		in   string
		want string
	}{{importer.FType, "Реселлер", "reseller"}, {importer.FType, "skip", importer.ValueSkip},
		{importer.FType, "unset", importer.ValueDefault}, {importer.FStatus, "active", "active"},
		{importer.FSource, "Выставка", "event"}, {importer.FDocLang, "ru", "ru"}}
	for _, c := range cases {
		if got, ok := importer.ValueTarget(c.f, c.in); !ok || got != c.want {
			t.Errorf("ValueTarget(%s, %q) = %q %v, want %q", c.f, c.in, got, ok, c.want)
		}
	}
	if _, ok := importer.ValueTarget(importer.FType, "franchise"); ok {
		t.Error("an unknown target was accepted")
	}
}
