package kit

import (
	"context"

	"channeldesk/data"
)

// applyApplication imports a returned application form (not yet made).
func applyApplication(ctx context.Context, s *data.Store, ret *Returned, opt ImportOptions) (*Preview, error) {
	return nil, data.Conflict("err.kit_foreign", nil)
}
