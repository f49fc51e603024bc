// Package clocale keeps Fyne quiet under the "C" locale. Fyne reads the
// locale while its lang package initialises and logs an error for "C";
// importing this package first (it initialises before any fyne.io
// package) points LANGUAGE at English when the locale names no language.
package clocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if base, _, _ := strings.Cut(v, "."); base != "C" && base != "POSIX" {
			return
		}
		break
	}
	os.Setenv("LANGUAGE", "en")
}
