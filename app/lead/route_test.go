package lead_test

import (
	"fmt"
	"strings"
	"testing"

	"channeldesk/app/lead"
	"channeldesk/data"
)

// partner builds the routing facts of one hand-made partner.
func partner(id int64, name, country, region string, products ...string) data.LeadPartnerFacts {
	return data.LeadPartnerFacts{ID: id, Name: name, Status: data.StatusActive, Country: country, Region: region, Products: products}
}

func kazanLead() *data.Lead {
	return &data.Lead{ID: 100, Company: "Kazan Steel", Country: "Russia", Region: "Tatarstan", Product: "Backup"}
}

// only keeps one rule: every weight but the named ones is 0.
func only(set func(*data.LeadWeights)) data.LeadWeights {
	var w data.LeadWeights
	set(&w)
	return w
}

func order(res lead.Result) string {
	var names []string
	for _, s := range res.Suggestions {
		names = append(names, s.Name)
	}
	return strings.Join(names, ",")
}

func hasReason(s lead.Suggestion, key string) bool {
	for _, r := range s.Reasons {
		if r.Key == key {
			return true
		}
	}
	return false
}

func TestRoutingRules(t *testing.T) {
	full := data.DefaultLeadWeights()
	full.Neighbours = "Tatarstan: Bashkortostan, Udmurtia"
	tests := map[string]struct {
		partners []data.LeadPartnerFacts
		weights  data.LeadWeights
		lead     *data.Lead
		want     string
		reason   string // the first partner's reasons include it
	}{
		"region first, then neighbouring region, then another region, then abroad": {
			partners: []data.LeadPartnerFacts{partner(1, "Abroad", "Kazakhstan", "Almaty"), partner(2, "Moscow", "Russia", "Moscow"),
				partner(3, "Ufa", "Russia", "Bashkortostan"), partner(4, "Kazan", "Russia", "Tatarstan")},
			weights: full, lead: kazanLead(), want: "Kazan,Ufa,Moscow,Abroad", reason: "leads.why.region",
		},
		"a partner covering the whole country comes before a neighbour": {
			partners: []data.LeadPartnerFacts{partner(1, "Ufa", "Russia", "Bashkortostan"), partner(2, "Nationwide", "Russia", "")},
			weights:  full, lead: kazanLead(), want: "Nationwide,Ufa", reason: "leads.why.country",
		},
		"sells the product": {
			partners: []data.LeadPartnerFacts{partner(1, "A", "", "", "Mail"), partner(2, "B", "", "", "Cloud Backup, Mail")},
			weights:  only(func(w *data.LeadWeights) { w.Product = 30 }), lead: kazanLead(), want: "B,A", reason: "leads.why.sells",
		},
		"certified for the product": {
			partners: func() []data.LeadPartnerFacts {
				a, b := partner(1, "A", "", "", "Backup"), partner(2, "B", "", "", "Backup")
				b.Certifications = []string{"Backup Engineer"}
				return []data.LeadPartnerFacts{a, b}
			}(),
			weights: only(func(w *data.LeadWeights) { w.Certified = 15 }), lead: kazanLead(), want: "B,A", reason: "leads.why.certified",
		},
		"active before at risk": {
			partners: func() []data.LeadPartnerFacts {
				a, b := partner(1, "A", "", ""), partner(2, "B", "", "")
				a.Status = data.StatusAtRisk
				return []data.LeadPartnerFacts{a, b}
			}(),
			weights: only(func(w *data.LeadWeights) { w.Active = 10 }), lead: kazanLead(), want: "B,A", reason: "leads.why.active",
		},
		"higher tier weighted up": {
			partners: func() []data.LeadPartnerFacts {
				a, b, c := partner(1, "Silver", "", ""), partner(2, "Platinum", "", ""), partner(3, "None", "", "")
				a.TierRank, b.TierRank = 2, 4
				return []data.LeadPartnerFacts{a, b, c}
			}(),
			weights: only(func(w *data.LeadWeights) { w.Tier = 20 }), lead: kazanLead(), want: "Platinum,Silver,None", reason: "leads.why.tier",
		},
		"lighter load first": {
			partners: func() []data.LeadPartnerFacts {
				a, b := partner(1, "Busy", "", ""), partner(2, "Free", "", "")
				a.Load = 3
				return []data.LeadPartnerFacts{a, b}
			}(),
			weights: only(func(w *data.LeadWeights) { w.Load = 5 }), lead: kazanLead(), want: "Free,Busy", reason: "leads.why.no_load",
		},
		"past acceptance rate counts after 3 decided offers": {
			partners: func() []data.LeadPartnerFacts {
				a, b, c := partner(1, "Ignores", "", ""), partner(2, "Accepts", "", ""), partner(3, "New", "", "")
				a.Accepted, a.Expired = 1, 3
				b.Accepted, b.Declined = 4, 0
				return []data.LeadPartnerFacts{a, b, c}
			}(),
			weights: only(func(w *data.LeadWeights) { w.Acceptance = 20 }), lead: kazanLead(), want: "Accepts,New,Ignores", reason: "leads.why.acceptance",
		},
		"past conversion rate": {
			partners: func() []data.LeadPartnerFacts {
				a, b := partner(1, "Sits", "", ""), partner(2, "Closes", "", "")
				a.Accepted, b.Accepted, b.Converted = 4, 4, 3
				return []data.LeadPartnerFacts{a, b}
			}(),
			weights: only(func(w *data.LeadWeights) { w.Conversion = 20 }), lead: kazanLead(), want: "Closes,Sits", reason: "leads.why.conversion",
		},
		"no location: by product only, and it says so": {
			partners: []data.LeadPartnerFacts{partner(1, "Kazan", "Russia", "Tatarstan"), partner(2, "Seller", "Kazakhstan", "", "Backup")},
			weights:  full, lead: &data.Lead{ID: 100, Company: "X", Product: "Backup"}, want: "Seller,Kazan", reason: "leads.why.no_location",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			res := lead.NewRouter(tc.partners, tc.weights, nil, nil).Suggest(tc.lead, 0)
			if got := order(res); got != tc.want {
				t.Fatalf("order %s, want %s", got, tc.want)
			}
			if !hasReason(res.Suggestions[0], tc.reason) {
				t.Errorf("first suggestion's reasons %+v lack %s", res.Suggestions[0].Reasons, tc.reason)
			}
			sum := 0
			for _, r := range res.Suggestions[0].Reasons {
				sum += r.Points
			}
			if sum != res.Suggestions[0].Score {
				t.Errorf("the reasons add up to %d, the score is %d: a hidden rule", sum, res.Suggestions[0].Score)
			}
		})
	}
}

func TestRoutingNoLocationFlag(t *testing.T) {
	res := lead.NewRouter([]data.LeadPartnerFacts{partner(1, "A", "Russia", "")}, data.DefaultLeadWeights(), nil, nil).
		Suggest(&data.Lead{Company: "X", Product: "Backup"}, 0)
	if !res.NoLocation {
		t.Error("a lead without location must say it was routed by product only")
	}
}

func TestRoutingTieBreaks(t *testing.T) {
	w := data.DefaultLeadWeights()
	w.Load, w.Tier = 0, 0 // equal scores whatever the load and the tier
	a, b, c, d := partner(4, "Beta", "", ""), partner(3, "Alfa", "", ""), partner(2, "Alfa", "", ""), partner(1, "Gamma", "", "")
	d.Load = 2
	a.TierRank = 1
	res := lead.NewRouter([]data.LeadPartnerFacts{a, b, c, d}, w, nil, nil).Suggest(kazanLead(), 0)
	var ids []string
	for _, s := range res.Suggestions {
		ids = append(ids, fmt.Sprint(s.PartnerID))
	}
	// equal scores: the lighter load (Gamma last), then the higher tier (Beta), then the name, then the ID
	if got := strings.Join(ids, ","); got != "4,2,3,1" {
		t.Errorf("tie-break order %s, want 4,2,3,1", got)
	}
	top := lead.NewRouter([]data.LeadPartnerFacts{a, b, c, d}, w, nil, nil).Suggest(kazanLead(), 2)
	if len(top.Suggestions) != 2 || top.Suggestions[0].PartnerID != 4 || top.Suggestions[1].PartnerID != 2 {
		t.Errorf("the best 2 are not the first 2 of the full ranking: %+v", top.Suggestions)
	}
}

func TestRoutingSkipsPartnersThatDeclined(t *testing.T) {
	l := kazanLead()
	r := lead.NewRouter([]data.LeadPartnerFacts{partner(1, "Kazan", "Russia", "Tatarstan"), partner(2, "Moscow", "Russia", "Moscow")},
		data.DefaultLeadWeights(), nil, map[int64][]int64{l.ID: {1}})
	res := r.Suggest(l, 0)
	if got := order(res); got != "Moscow" || res.Excluded != 1 {
		t.Errorf("order %s (excluded %d), want only Moscow: Kazan declined this lead", got, res.Excluded)
	}
	if got := order(r.Suggest(&data.Lead{ID: 101, Company: "Other", Region: "Tatarstan"}, 0)); !strings.HasPrefix(got, "Kazan") {
		t.Errorf("a decline counts for its own lead only: %s", got)
	}
}

func TestRoutingProtectionWindowFirst(t *testing.T) {
	prot := []data.ProtectedCustomer{{PartnerID: 2, PartnerName: "Moscow", CustomerKey: "kazan steel", ProtectedUntil: "2027-01-31"}}
	r := lead.NewRouter([]data.LeadPartnerFacts{partner(1, "Kazan", "Russia", "Tatarstan"), partner(2, "Moscow", "Russia", "Moscow")},
		data.DefaultLeadWeights(), prot, nil)
	res := r.Suggest(kazanLead(), 0)
	if got := order(res); got != "Moscow,Kazan" {
		t.Fatalf("order %s: the partner holding the customer comes first", got)
	}
	if !res.Suggestions[0].Protected || !hasReason(res.Suggestions[0], "leads.why.protected") {
		t.Errorf("first suggestion does not say why: %+v", res.Suggestions[0])
	}
	if w := res.Suggestions[1].Warnings; len(w) != 1 || w[0].Key != "leads.warn.protected" || w[0].Args["Partner"] != "Moscow" {
		t.Errorf("the other offer must warn of the protection: %+v", w)
	}
	byINN := lead.NewRouter(nil, data.DefaultLeadWeights(), []data.ProtectedCustomer{{PartnerID: 2, TaxID: "1655"}}, nil)
	if byINN.Protection(&data.Lead{Company: "Other name", TaxID: "1655"}) == nil {
		t.Error("a protection window is found by ИНН too")
	}
}

func TestRoutingBatchSpreadsLoad(t *testing.T) {
	w := data.DefaultLeadWeights()
	r := lead.NewRouter([]data.LeadPartnerFacts{partner(1, "A", "Russia", "Tatarstan"), partner(2, "B", "Russia", "Tatarstan")}, w, nil, nil)
	counts := map[string]int{}
	for i := range 6 {
		l := kazanLead()
		l.ID = int64(200 + i)
		s := r.Suggest(l, 1).Suggestions[0]
		r.Assign(s.PartnerID)
		counts[s.Name]++
	}
	if counts["A"] != 3 || counts["B"] != 3 {
		t.Errorf("six equal leads over two equal partners: %v, want 3 each", counts)
	}
}

func TestAcceptanceAndMedian(t *testing.T) {
	if r, known := lead.AcceptanceRate(1, 1, 0); known || r != 50 {
		t.Errorf("2 decided offers: %d %v, want 50 unknown", r, known)
	}
	if r, known := lead.AcceptanceRate(3, 0, 1); !known || r != 75 {
		t.Errorf("3 of 4: %d %v", r, known)
	}
	if m := lead.Median([]int{5, 1, 3, 2}); m != 2 {
		t.Errorf("median of 1,2,3,5 = %d, want 2 (the lower middle)", m)
	}
	if m := lead.Median(nil); m != -1 {
		t.Errorf("median of none = %d", m)
	}
}

func TestExpiryBoundary(t *testing.T) {
	expires := data.ExpiresOn("2026-11-23", 7)
	if expires != "2026-11-30" {
		t.Fatalf("expires on %s", expires)
	}
	if lead.Expired(expires, "2026-11-30") {
		t.Error("the last day still counts")
	}
	if !lead.Expired(expires, "2026-12-01") {
		t.Error("the day after the last day the offer has expired")
	}
	if !lead.ExpiresSoon(expires, "2026-11-28", 2) || lead.ExpiresSoon(expires, "2026-11-27", 2) {
		t.Error("about to expire: within 2 days of the last day")
	}
}
