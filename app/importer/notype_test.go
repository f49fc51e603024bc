package importer_test

import (
	"context"
	"testing"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// A type the importer does not know becomes "no type" when the user maps
// it so, or when the default for unknown types is none; the partners land
// without a type and a saved profile remembers the choice.
func TestUnknownTypeImportsAsNoType(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	vm := importer.ValueMap{}
	target, ok := importer.ValueTarget(importer.FType, "без типа")
	if !ok || target != importer.ValueNone {
		t.Fatalf("«без типа» reads as %q %v", target, ok)
	}
	vm.Set("Type", "Partner", target)
	p := planText(t, s, crmValues, importer.Options{Values: vm})
	byName := map[string]importer.Row{}
	for _, r := range p.Rows {
		byName[r.Partner.Name] = r
	}
	for _, n := range []string{"Alpha", "Zeta"} {
		if r := byName[n]; r.Partner.Type != data.TypeNone || r.Action == importer.Reject {
			t.Errorf("%s: type %q action %v, want no type", n, r.Partner.Type, r.Action)
		}
	}
	if r := byName["Epsilon"]; r.Partner.Type != data.TypeReseller {
		t.Errorf("a known type changed: %q", r.Partner.Type)
	}
	// with no default type, an unmapped unknown value stays untyped too
	vm2 := importer.ValueMap{}
	vm2.SetDefault(importer.FType, importer.ValueNone)
	p2 := planText(t, s, crmValues, importer.Options{Values: vm2})
	for _, r := range p2.Rows {
		if r.Partner.Name == "Alpha" && r.Partner.Type != data.TypeNone {
			t.Errorf("default none: Alpha has type %q", r.Partner.Type)
		}
	}
	if _, err := importer.Apply(ctx, s, p, "me", nil); err != nil {
		t.Fatalf("a partner without a type is not stored: %v", err)
	}
	rows, _ := s.PartnerRows(ctx)
	untyped := 0
	for _, r := range rows {
		if r.Type == data.TypeNone {
			untyped++
		}
	}
	if untyped != 3 {
		t.Errorf("%d partners stored without a type, want 3 (Alpha, Beta, Zeta: Partner)", untyped)
	}
	// the profile keeps the default
	if err := importer.SaveProfile(ctx, s, "crm", p2.Table.Header, p2.Mapping, importer.Options{Values: vm2}); err != nil {
		t.Fatal(err)
	}
	prof, _ := importer.FindProfile(ctx, s, p2.Table.Header)
	_, opt, err := importer.UseProfile(prof, p2.Table.Header)
	if err != nil || opt.Values.Default(importer.FType) != importer.ValueNone {
		t.Errorf("profile lost the default type: %v %v", opt.Values, err)
	}
}
