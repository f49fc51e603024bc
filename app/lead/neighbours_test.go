package lead_test

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/app/lead"
	"channeldesk/data"
)

// The default neighbouring regions group the Russian federal districts:
// a lead in "Республика Татарстан" goes to a partner in Samara (the same
// district, Privolzhsky) before one in Moscow Oblast (same country, other
// district), and a partner whose region is the district itself counts as
// a neighbour too; regions of neighbouring districts neighbour as well.
func TestDefaultNeighboursGroupFederalDistricts(t *testing.T) {
	w := data.DefaultLeadWeights()
	partners := []data.LeadPartnerFacts{
		partner(1, "Moscow", "Россия", "Московская область"),
		partner(2, "Samara", "Россия", "Самарская обл."),
		partner(3, "District", "Россия", "Приволжский"),
	}
	r := lead.NewRouter(partners, w, nil, nil)
	l := &data.Lead{ID: 1, Company: "Kazan Steel", Country: "Россия", Region: "Республика Татарстан"}
	res := r.Suggest(l, 3)
	if got := order(res); got != "District,Samara,Moscow" && got != "Samara,District,Moscow" {
		t.Fatalf("order %s, want the two Privolzhsky partners before Moscow Oblast", got)
	}
	for _, s := range res.Suggestions[:2] {
		if !hasReason(s, "leads.why.neighbour") {
			t.Errorf("%s: reasons %+v, want neighbouring region", s.Name, s.Reasons)
		}
	}
	if !hasReason(res.Suggestions[2], "leads.why.country_other") {
		t.Errorf("Moscow Oblast: %+v", res.Suggestions[2].Reasons)
	}
	// district to district: Central borders Privolzhsky, not Siberia
	nb := lead.ParseNeighbours(data.DefaultNeighbours)
	if !nb["центральный"]["приволжский"] || nb["центральный"]["сибирский"] {
		t.Errorf("district borders: %v", nb["центральный"])
	}
}

// Routing reads the list from Settings: the default until the manager
// edits it, then the edited one (an emptied list means no neighbours).
func TestRoutingUsesTheNeighboursFromSettings(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, p := range []*data.Partner{
		{Name: "Samara IT", Type: data.TypeReseller, Status: data.StatusActive, Country: "Россия", Region: "Самарская область"},
		{Name: "Tomsk IT", Type: data.TypeReseller, Status: data.StatusActive, Country: "Россия", Region: "Томская область"},
	} {
		if err := s.CreatePartner(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	l := &data.Lead{Company: "Kazan Steel", Country: "Россия", Region: "Татарстан", Source: data.LeadFromWebsite}
	if err := s.CreateLead(ctx, l); err != nil {
		t.Fatal(err)
	}
	top := func() lead.Suggestion {
		t.Helper()
		res, err := lead.SuggestFor(ctx, s, l, 2)
		if err != nil || len(res.Suggestions) == 0 {
			t.Fatalf("suggestions %+v, %v", res, err)
		}
		return res.Suggestions[0]
	}
	if sg := top(); sg.Name != "Samara IT" || !hasReason(sg, "leads.why.neighbour") {
		t.Errorf("default list: top %s %+v, want Samara IT as a neighbour", sg.Name, sg.Reasons)
	}
	w, _ := s.LeadWeights(ctx)
	w.Neighbours = "Татарстан: Томская область"
	if err := s.SaveLeadWeights(ctx, w); err != nil {
		t.Fatal(err)
	}
	if sg := top(); sg.Name != "Tomsk IT" || !hasReason(sg, "leads.why.neighbour") {
		t.Errorf("edited list: top %s %+v, want Tomsk IT as a neighbour", sg.Name, sg.Reasons)
	}
	w.Neighbours = ""
	s.SaveLeadWeights(ctx, w)
	if sg := top(); hasReason(sg, "leads.why.neighbour") {
		t.Errorf("emptied list: %s still a neighbour", sg.Name)
	}
}
