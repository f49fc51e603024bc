package onboarding

import (
	"context"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/data"
)

// ExpiryWindowDays is how far ahead the expiring-certifications list looks.
const ExpiryWindowDays = 60

// ExpiringSoon lists certifications whose last valid day is today or in
// the next ExpiryWindowDays days, soonest first.
func ExpiringSoon(ctx context.Context, s *data.Store, today time.Time) ([]data.ExpiringCertification, error) {
	return s.ExpiringCertifications(ctx, fiscal.ISODate(today), fiscal.AddDays(today, ExpiryWindowDays))
}
