package team

import "channeldesk/data/teamserver"

// SetTestHook makes a sync call fn at the points where it may be cut off.
func SetTestHook(fn func(stage string, srv *teamserver.Server) error) { testHook = fn }
