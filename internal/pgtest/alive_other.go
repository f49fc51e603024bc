//go:build !unix

package pgtest

// alive cannot tell elsewhere: such servers are left alone.
func alive(int) bool { return true }
