package lead

import (
	"sort"
	"strings"

	"channeldesk/data"
)

// Reason is one visible step of a ranking: a translation key with its
// arguments and the points it gave (0 for a plain remark).
type Reason struct {
	Key    string
	Args   map[string]any
	Points int
}

// Suggestion is one partner suggested for a lead, with its score and the
// reasons behind it. Warnings say why offering to it may be wrong (the
// customer is protected for another partner).
type Suggestion struct {
	PartnerID int64
	Name      string
	Score     int
	Protected bool // the lead's company is this partner's registered customer
	Reasons   []Reason
	Warnings  []Reason
}

// Result is the ranking for one lead.
type Result struct {
	Suggestions []Suggestion
	NoLocation  bool // the lead says nothing of where it is: routed by product only
	Excluded    int  // partners left out because they declined this lead
}

// candidate is a partner as the router keeps it: the facts with their
// texts folded once.
type candidate struct {
	data.LeadPartnerFacts
	country, region, city string
	nregion               string // the region as neighbours are matched (regionKey)
	products, certs       []string
	idx                   int // its place in Router.partners
	fixed                 int // points of the rules that do not depend on the lead
}

// Router ranks partners for leads. It is built once from the facts of the
// program and then answers for many leads; Assign records an offer made
// during a batch so that the next lead sees the partner's new load. A
// router is not safe for use by several goroutines at once.
type Router struct {
	weights     data.LeadWeights
	partners    []candidate
	byID        map[int64]int
	maxRank     int
	neighbours  map[string]map[string]bool
	protections map[string][]data.ProtectedCustomer // by folded key, "inn:" ИНН, "dom:" domain
	declines    map[int64]map[int64]bool
	sellCache   map[string][]bool
	certCache   map[string][]bool
}

// NewRouter builds a router over the partners that can take leads, the
// active protection windows and each lead's declines.
func NewRouter(facts []data.LeadPartnerFacts, w data.LeadWeights, prot []data.ProtectedCustomer, declines map[int64][]int64) *Router {
	r := &Router{weights: w, byID: make(map[int64]int, len(facts)), partners: make([]candidate, 0, len(facts)), neighbours: ParseNeighbours(w.Neighbours),
		protections: map[string][]data.ProtectedCustomer{}, declines: map[int64]map[int64]bool{},
		sellCache: map[string][]bool{}, certCache: map[string][]bool{}}
	for _, f := range facts {
		c := candidate{LeadPartnerFacts: f, idx: len(r.partners), country: fold(f.Country), region: fold(f.Region), city: fold(f.City),
			nregion: regionKey(f.Region)}
		for _, p := range f.Products {
			c.products = append(c.products, fold(p))
		}
		for _, n := range f.Certifications {
			c.certs = append(c.certs, fold(n))
		}
		r.byID[f.ID] = len(r.partners)
		r.partners = append(r.partners, c)
		r.maxRank = max(r.maxRank, f.TierRank)
	}
	for i := range r.partners {
		p, q := &r.partners[i], query{}
		p.fixed = r.active(q, p).Points + r.tier(q, p).Points + r.acceptance(q, p).Points + r.conversion(q, p).Points
	}
	for _, p := range prot {
		for _, k := range protectionKeys(p.CustomerKey, p.TaxID, p.Domain) {
			r.protections[k] = append(r.protections[k], p)
		}
	}
	for lead, ps := range declines {
		r.declines[lead] = map[int64]bool{}
		for _, p := range ps {
			r.declines[lead][p] = true
		}
	}
	return r
}

func protectionKeys(key, inn, domain string) []string {
	var out []string
	if key = fold(key); key != "" {
		out = append(out, "key:"+key)
	}
	if inn != "" {
		out = append(out, "inn:"+inn)
	}
	if domain != "" {
		out = append(out, "dom:"+domain)
	}
	return out
}

// ParseNeighbours reads the neighbouring regions setting: one line per
// region, "Region: Neighbour, Neighbour", or per group of regions that
// all neighbour each other (and the group's own name, such as a federal
// district), "Group = Region, Region". Neighbours are mutual; names are
// compared by regionKey.
func ParseNeighbours(text string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	link := func(a, b string) {
		if a == "" || b == "" || a == b {
			return
		}
		for _, ab := range [][2]string{{a, b}, {b, a}} {
			if out[ab[0]] == nil {
				out[ab[0]] = map[string]bool{}
			}
			out[ab[0]][ab[1]] = true
		}
	}
	for _, line := range strings.Split(text, "\n") {
		colon, eq := strings.Index(line, ":"), strings.Index(line, "=")
		switch {
		case eq >= 0 && (colon < 0 || eq < colon):
			members := []string{regionKey(line[:eq])}
			for _, n := range strings.Split(line[eq+1:], ",") {
				members = append(members, regionKey(n))
			}
			for i, a := range members {
				for _, b := range members[i+1:] {
					link(a, b)
				}
			}
		case colon >= 0:
			a := regionKey(line[:colon])
			for _, n := range strings.Split(line[colon+1:], ",") {
				link(a, regionKey(n))
			}
		}
	}
	return out
}

// regionKey is a region's name as neighbours are matched: folded, without
// the words people add or leave out ("Республика Татарстан" is
// "Татарстан", "г. Москва" is "Москва", "обл." is "область").
func regionKey(s string) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch w {
		case "республика", "респ.", "г.", "город":
			continue
		case "обл.", "обл":
			w = "область"
		case "ао", "а.о.":
			w = "автономный округ"
		}
		words = append(words, w)
	}
	k := strings.Join(words, " ")
	return strings.ReplaceAll(k, "автономная область", "автономный округ")
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Protection returns the active protection window of the lead's company,
// if a partner holds one (the earliest approved).
func (r *Router) Protection(l *data.Lead) *data.ProtectedCustomer {
	keys := protectionKeys(data.CompanyKeyOf(l.Company), l.TaxID, data.LeadDomain(l.Website))
	if l.CompanyKey != "" {
		keys = append(keys, "key:"+fold(l.CompanyKey))
	}
	for _, k := range keys {
		if ps := r.protections[k]; len(ps) > 0 {
			return &ps[0]
		}
	}
	return nil
}

// Suggest ranks the partners for a lead and returns the best n (all when
// n <= 0) with their reasons. A partner that declined the lead is never
// suggested; the partner holding the company in a protection window comes
// first and the others carry a warning.
func (r *Router) Suggest(l *data.Lead, n int) Result {
	res := Result{NoLocation: !l.HasLocation()}
	q := r.query(l)
	prot := r.Protection(l)
	all := make([]scored, 0, len(r.partners))
	for i := range r.partners {
		p := &r.partners[i]
		if r.declines[l.ID][p.ID] {
			res.Excluded++
			continue
		}
		all = append(all, scored{i: i, score: r.score(q, p, nil), protected: prot != nil && prot.PartnerID == p.ID})
	}
	less := func(x, y scored) bool {
		if x.protected != y.protected {
			return x.protected
		}
		return r.better(x.score, y.score, &r.partners[x.i], &r.partners[y.i])
	}
	if n > 0 && len(all) > n {
		all = topN(all, n, less)
	} else {
		sort.Slice(all, func(a, b int) bool { return less(all[a], all[b]) })
	}
	for _, s := range all {
		p := &r.partners[s.i]
		sug := Suggestion{PartnerID: p.ID, Name: p.Name, Score: s.score, Protected: s.protected}
		r.score(q, p, &sug.Reasons)
		if s.protected {
			sug.Reasons = append([]Reason{{Key: "leads.why.protected", Args: map[string]any{"Until": prot.ProtectedUntil}}}, sug.Reasons...)
		} else if prot != nil {
			sug.Warnings = append(sug.Warnings, Reason{Key: "leads.warn.protected",
				Args: map[string]any{"Partner": prot.PartnerName, "Until": prot.ProtectedUntil}})
		}
		res.Suggestions = append(res.Suggestions, sug)
	}
	return res
}

// better is the order of two partners with their scores: the higher
// score, then the lighter load, then the higher tier, then the name and
// the ID, so equal partners always come in the same order.
func (r *Router) better(sx, sy int, x, y *candidate) bool {
	switch {
	case sx != sy:
		return sx > sy
	case x.Load != y.Load:
		return x.Load < y.Load
	case x.TierRank != y.TierRank:
		return x.TierRank > y.TierRank
	case x.Name != y.Name:
		return x.Name < y.Name
	}
	return x.ID < y.ID
}

// Assign records that a lead was offered to a partner during a batch: its
// load grows and the lead's decliners stay excluded.
func (r *Router) Assign(partnerID int64) {
	if i, ok := r.byID[partnerID]; ok {
		r.partners[i].Load++
		r.partners[i].Offered++
	}
}

type scored struct {
	i, score  int
	protected bool
}

// topN returns the n best of all in order, in one pass: a batch asks
// for the top suggestion of each lead, and sorting 5,000 partners per
// lead would cost more than scoring them.
func topN(all []scored, n int, less func(x, y scored) bool) []scored {
	top := make([]scored, 0, n+1)
	for _, s := range all {
		if len(top) == n && !less(s, top[n-1]) {
			continue
		}
		at := sort.Search(len(top), func(k int) bool { return less(s, top[k]) })
		top = append(top, scored{})
		copy(top[at+1:], top[at:])
		top[at] = s
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
}

// query is a lead with its texts folded once.
type query struct {
	explain                        bool
	noLocation                     bool
	country, region, city, product string
	nregion                        string // regionKey of the region
}

func (r *Router) query(l *data.Lead) query {
	return query{noLocation: !l.HasLocation(), country: fold(l.Country), region: fold(l.Region), city: fold(l.City),
		product: fold(l.Product), nregion: regionKey(l.Region)}
}

// score adds up the rules for one partner; with why != nil it also
// explains each one. Without, the rules that do not depend on the lead
// (status, tier, past rates) come from the sum kept per partner.
func (r *Router) score(q query, p *candidate, why *[]Reason) int {
	if why == nil {
		return p.fixed + r.location(q, p).Points + r.product(q, p).Points + r.certified(q, p).Points + r.load(q, p).Points
	}
	q.explain = true
	total := 0
	for _, reason := range [...]Reason{r.location(q, p), r.product(q, p), r.certified(q, p), r.active(q, p), r.tier(q, p),
		r.load(q, p), r.acceptance(q, p), r.conversion(q, p)} {
		total += reason.Points
		if reason.Key != "" {
			*why = append(*why, reason)
		}
	}
	return total
}
