//go:build !race

package mdf_test

const raceEnabled = false
