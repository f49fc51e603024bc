package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// landed is what one partner of a CRM fixture must look like once stored.
type landed struct {
	inn, email, manager, city string
	ptype                     data.PartnerType
}

func TestEachCRMExportImportsWithNothingRejected(t *testing.T) {
	cases := []struct {
		file    string
		source  string
		created int
		want    map[string]landed
	}{
		{"hubspot-companies.csv", "hubspot", 3, map[string]landed{
			"Bayside Networks": {manager: "Jane Smith", city: "San Francisco", ptype: data.TypeReseller},
			"Harbor Cloud":     {manager: "Tom Lee", city: "Seattle", ptype: data.TypeReseller}}},
		{"salesforce-accounts.csv", "salesforce", 4, map[string]landed{
			"Summit Systems Inc.":  {manager: "Maria Garcia", city: "Denver", ptype: data.TypeReseller},
			"Peak Integration LLC": {manager: "Maria Garcia", city: "Boulder", ptype: data.TypeIntegrator},
			"Initech":              {manager: "Ken Adams", city: "Austin", ptype: data.TypeIntegrator}}},
		{"pipedrive-organizations.csv", "pipedrive", 2, map[string]landed{
			"Nordic Resellers AB": {email: "anna@nordic.example", manager: "Erik Berg", city: "Stockholm"},
			"Fjord MSP AS":        {email: "ola@fjord.example", manager: "Erik Berg", city: "Oslo", ptype: data.TypeMSP}}},
		{"zoho-accounts.csv", "zoho", 2, map[string]landed{
			"Lagoon Tech Pvt Ltd": {manager: "Priya Nair", city: "Mumbai", ptype: data.TypeReseller},
			"Coral Systems":       {manager: "Priya Nair", city: "Pune", ptype: data.TypeIntegrator}}},
		{"amocrm-companies.csv", "amocrm", 2, map[string]landed{
			"ООО «Волга Софт»": {email: "info@volgasoft.example", manager: "Ольга Смирнова", ptype: data.TypeReseller}}},
		{"1c-kontragenty.csv", "1c", 3, map[string]landed{
			"Северсталь Софт": {inn: "7707083893", email: "office@seversoft.example", manager: "Петров Иван", city: "Череповец"},
			"Уралинтегратор":  {inn: "7736050003", email: "info@uralint.example", manager: "Сидорова Анна", city: "Екатеринбург"},
			"Сибирь Сервис":   {inn: "5408117936", email: "sibserv@sib.example", manager: "Петров Иван", city: "Новосибирск"}}},
		{"bitrix24-companies.xls", "bitrix24", 3, map[string]landed{
			"ООО «Балтик Дистрибуция»": {inn: "7702070139", email: "sales@baltdist.example", manager: "Мария Иванова",
				city: "Санкт-Петербург", ptype: data.TypeDistributor},
			"Реферал Плюс":    {inn: "5408117935", email: "hello@refplus.example", manager: "Мария Иванова", ptype: data.TypeReferral},
			"Сервис-Центр Юг": {email: "yug@service.example", manager: "Пётр Орлов", city: "Краснодар", ptype: data.TypeService}}},
	}
	ctx := context.Background()
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			s := openStore(t)
			p := plan(t, s, filepath.Join("crm", c.file))
			if p.Rejected != 0 || p.Created != c.created || p.Source != c.source {
				t.Fatalf("created %d rejected %d source %q; want %d, 0, %q; rows %+v", p.Created, p.Rejected, p.Source,
					c.created, c.source, p.Rows)
			}
			if _, err := importer.Apply(ctx, s, p, "", nil); err != nil {
				t.Fatal(err)
			}
			all, err := s.AllPartners(ctx)
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string]*data.Partner{}
			for _, sp := range all {
				byName[sp.Name] = sp
			}
			for name, w := range c.want {
				checkLanded(t, s, byName[name], name, w)
			}
		})
	}
}

func checkLanded(t *testing.T, s *data.Store, p *data.Partner, name string, w landed) {
	t.Helper()
	if p == nil {
		t.Errorf("%s: not stored", name)
		return
	}
	if p.INN != w.inn || p.AccountManager != w.manager || (w.city != "" && p.City != w.city) ||
		(w.ptype != "" && p.Type != w.ptype) {
		t.Errorf("%s: ИНН %q manager %q city %q type %q; want %+v", name, p.INN, p.AccountManager, p.City, p.Type, w)
	}
	if w.email == "" {
		return
	}
	cs, err := s.Contacts(context.Background(), p.ID)
	if err != nil || len(cs) == 0 || cs[0].Email != w.email {
		t.Errorf("%s: contacts %+v %v, want e-mail %s", name, cs, err, w.email)
	}
}

func TestCRMExportsListWhatTheyDrop(t *testing.T) {
	s := openStore(t)
	p := plan(t, s, filepath.Join("crm", "hubspot-companies.csv"))
	drops := map[string]int{}
	for _, c := range p.Ignored {
		drops[c.Column] = c.Values
	}
	if drops["Number of Employees"] != 3 || drops["Annual Revenue"] != 1 {
		t.Errorf("ignored columns %v, want Number of Employees 3 and Annual Revenue 1", drops)
	}
	if _, mapped := drops["Street Address"]; mapped {
		t.Error("the street address is dropped; it has a field")
	}
	if u := unknown(p, "Type", "Vendor"); u == nil || !u.NotPartner {
		t.Errorf("HubSpot Type «Vendor» listed as %+v, want offered as skip", u)
	}
}

func TestLegacyBinaryXLSIsRefusedWithAClearMessage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.xls")
	if err := os.WriteFile(path, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := importer.ReadFile(path)
	if e, ok := data.AsError(err); !ok || e.Key != "imports.err_legacy_xls" {
		t.Errorf("legacy .xls: %v, want the save-as-xlsx message", err)
	}
}

func TestINNChecksum(t *testing.T) {
	for inn, want := range map[string]bool{"7707083893": true, "7736050003": true, "5408117936": false,
		"500100732259": true, "500100732250": false, "77070838": false, "77070838a3": false, "": false} {
		if got := importer.ValidINN(inn); got != want {
			t.Errorf("ValidINN(%q) = %v, want %v", inn, got, want)
		}
	}
	s := openStore(t)
	p := plan(t, s, filepath.Join("crm", "1c-kontragenty.csv"))
	r := p.Rows[2]
	if len(r.Warnings) != 1 || r.Warnings[0].Key != "imports.warn_inn" || r.Action != importer.Create {
		t.Errorf("a bad ИНН: %v %+v, want imported with one warning", r.Action, r.Warnings)
	}
}

func TestANewerExportUpdatesByRecordID(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if _, err := importer.Apply(ctx, s, plan(t, s, filepath.Join("crm", "hubspot-companies.csv")), "", nil); err != nil {
		t.Fatal(err)
	}
	newer := "Record ID,Company name,Company owner,City,Country/Region,Company Domain Name\n" +
		"9001,Bayside Networks Group,Jane Smith,Oakland,United States,bayside.example\n" +
		"9002,Harbor Cloud,Tom Lee,Seattle,United States,harborcloud.example\n"
	p := planText(t, s, newer, importer.Options{})
	if p.Updated != 2 || p.Created != 0 || p.Merged != 0 {
		t.Fatalf("updated %d created %d merged %d, want 2 updates", p.Updated, p.Created, p.Merged)
	}
	got := map[importer.Field][2]string{}
	for _, c := range p.Rows[0].Changes {
		got[c.Field] = [2]string{c.Old, c.New}
	}
	if got[importer.FCity] != [2]string{"San Francisco", "Oakland"} || got[importer.FName] != [2]string{"Bayside Networks", "Bayside Networks Group"} || len(got) != 2 {
		t.Errorf("changes %v, want the name and City: San Francisco → Oakland", got)
	}
	if len(p.Rows[1].Changes) != 0 {
		t.Errorf("an unchanged partner lists changes %v", p.Rows[1].Changes)
	}
	kept := planText(t, s, newer, importer.Options{KeepOurs: map[importer.Field]bool{importer.FName: true}})
	if ch := kept.Rows[0].Changes; len(ch) != 1 || ch[0].Field != importer.FCity || kept.Rows[0].Partner.Name != "Bayside Networks" {
		t.Errorf("keeping our name: changes %v, name %q", ch, kept.Rows[0].Partner.Name)
	}
	before := count(t, s, "partners")
	if res, err := importer.Apply(ctx, s, p, "", nil); err != nil || res.Updated != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	all, err := s.AllPartners(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != before || all[0].Name != "Bayside Networks Group" || all[0].City != "Oakland" {
		t.Errorf("after the update: %d partners (want %d), first %q in %q", len(all), before, all[0].Name, all[0].City)
	}
	if ids, _ := s.PartnerSourceIDs(ctx, all[0].ID); len(ids) != 1 || ids[0] != [2]string{"hubspot", "9001"} {
		t.Errorf("source IDs %v", ids)
	}
}

func TestSameINNIsTheSameCompany(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if _, err := importer.Apply(ctx, s, plan(t, s, filepath.Join("crm", "1c-kontragenty.csv")), "", nil); err != nil {
		t.Fatal(err)
	}
	p := planText(t, s, "Название;ИНН;Город\nСеверСталь-Софт (Череповец);7707083893;Череповец\n", importer.Options{})
	if p.Merged != 1 || p.Rows[0].MergeName != "Северсталь Софт" {
		t.Errorf("merged %d into %q, want the partner with that ИНН", p.Merged, p.Rows[0].MergeName)
	}
}
