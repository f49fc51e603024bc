package deals

import (
	"context"

	"channeldesk/app/format"
	"channeldesk/data"
)

// SaveDeal stores a deal with its customer key normalised, so that
// registrations of the same customer by different partners meet.
func SaveDeal(ctx context.Context, s *data.Store, d *data.Deal) error {
	d.CustomerKey = format.NormalizeCompany(d.Customer)
	return s.SaveDeal(ctx, d)
}

// ExpiringSoonDays is how far ahead the deal list's "expiring soon" looks.
const ExpiringSoonDays = 14
