package lead

import (
	"strings"

	"channeldesk/data"
)

// The routing rules: each looks at the lead and one partner and gives
// points with the reason. Minimum evidence before a partner's own rates
// count: fewer decided offers (or accepted leads) count as 50 %.
const minHistory = 3

// location: the lead's region or city; else its country (when one side
// names no region); else a neighbouring region; else another region of
// the same country (half the neighbour points); else nothing. A lead
// without location is routed by product only.
func (r *Router) location(q query, p *candidate) Reason {
	w := r.weights
	switch {
	case q.noLocation:
		return Reason{Key: "leads.why.no_location"}
	case q.region != "" && q.region == p.region:
		return Reason{Key: "leads.why.region", Args: arg(q, "Place", p.Region), Points: w.Region}
	case q.city != "" && q.city == p.city:
		return Reason{Key: "leads.why.region", Args: arg(q, "Place", p.City), Points: w.Region}
	case q.country != "" && q.country == p.country && (q.region == "" || p.region == ""):
		return Reason{Key: "leads.why.country", Args: arg(q, "Place", p.Country), Points: w.Country}
	case q.nregion != "" && r.neighbours[q.nregion][p.nregion]:
		return Reason{Key: "leads.why.neighbour", Args: arg(q, "Place", p.Region), Points: w.Neighbour}
	case q.country != "" && q.country == p.country:
		// the same country but another, not neighbouring region: half a neighbour
		return Reason{Key: "leads.why.country_other", Args: arg(q, "Place", p.Region), Points: w.Neighbour / 2}
	}
	return Reason{Key: "leads.why.elsewhere"}
}

// sells reports whether one of the partner's products is the product of
// interest (or names it, or is named by it: "Cloud" and "Cloud Backup").
func sells(product string, items []string) bool {
	if product == "" {
		return false
	}
	for _, it := range items {
		if it == product || strings.Contains(it, product) || strings.Contains(product, it) && it != "" {
			return true
		}
	}
	return false
}

func (r *Router) product(q query, p *candidate) Reason {
	switch {
	case q.product == "":
		return Reason{Key: "leads.why.no_product"}
	case r.sellsProduct(q.product, p):
		return Reason{Key: "leads.why.sells", Points: r.weights.Product}
	}
	return Reason{Key: "leads.why.not_sells"}
}

func (r *Router) certified(q query, p *candidate) Reason {
	if q.product != "" && r.certifiedFor(q.product, p) {
		return Reason{Key: "leads.why.certified", Points: r.weights.Certified}
	}
	return Reason{}
}

func (r *Router) active(_ query, p *candidate) Reason {
	if p.Status == data.StatusActive {
		return Reason{Key: "leads.why.active", Points: r.weights.Active}
	}
	return Reason{Key: "leads.why.at_risk"}
}

// tier: the top tier gets the full weight, lower tiers their share by rank.
func (r *Router) tier(q query, p *candidate) Reason {
	if p.TierRank <= 0 || r.maxRank <= 0 {
		return Reason{}
	}
	return Reason{Key: "leads.why.tier", Args: arg(q, "Rank", p.TierRank), Points: r.weights.Tier * p.TierRank / r.maxRank}
}

// load: points off for every lead the partner holds open.
func (r *Router) load(q query, p *candidate) Reason {
	if p.Load == 0 {
		return Reason{Key: "leads.why.no_load"}
	}
	return Reason{Key: "leads.why.load", Args: arg(q, "Count", p.Load), Points: -r.weights.Load * p.Load}
}

func (r *Router) acceptance(q query, p *candidate) Reason {
	rate, known := AcceptanceRate(p.Accepted, p.Declined, p.Expired)
	pts := r.weights.Acceptance * rate / 100
	if !known {
		return Reason{Key: "leads.why.acceptance_new", Points: pts}
	}
	return Reason{Key: "leads.why.acceptance", Args: arg(q, "Rate", rate), Points: pts}
}

func (r *Router) conversion(q query, p *candidate) Reason {
	rate, known := ConversionRate(p.Converted, p.Accepted)
	pts := r.weights.Conversion * rate / 100
	if !known {
		return Reason{Key: "leads.why.conversion_new", Points: pts}
	}
	return Reason{Key: "leads.why.conversion", Args: arg(q, "Rate", rate), Points: pts}
}

// AcceptanceRate is the share (percent) of decided offers the partner
// accepted; with fewer than 3 decided offers it is 50 and known is false.
func AcceptanceRate(accepted, declined, expired int) (rate int, known bool) {
	decided := accepted + declined + expired
	if decided < minHistory {
		return 50, false
	}
	return accepted * 100 / decided, true
}

// ConversionRate is the share (percent) of accepted leads the partner
// converted into a deal registration; 50 and not known below 3 accepted.
func ConversionRate(converted, accepted int) (rate int, known bool) {
	if accepted < minHistory {
		return 50, false
	}
	return min(100, converted*100/accepted), true
}

// arg builds a reason's arguments only when the ranking is explained,
// so that scoring thousands of partners allocates nothing.
func arg[T any](q query, k string, v T) map[string]any {
	if !q.explain {
		return nil
	}
	return map[string]any{k: v}
}

// sellsProduct and certifiedFor remember, per product, which partners
// match: a batch of leads asks about a handful of products.
func (r *Router) sellsProduct(product string, p *candidate) bool {
	return r.matches(r.sellCache, product, p, func(c *candidate) []string { return c.products })
}

func (r *Router) certifiedFor(product string, p *candidate) bool {
	return r.matches(r.certCache, product, p, func(c *candidate) []string { return c.certs })
}

func (r *Router) matches(cache map[string][]bool, product string, p *candidate, items func(*candidate) []string) bool {
	m, ok := cache[product]
	if !ok {
		m = make([]bool, len(r.partners))
		for i := range r.partners {
			m[i] = sells(product, items(&r.partners[i]))
		}
		cache[product] = m
	}
	return m[p.idx]
}
