// Package tier owns the tier program: the default program, the facts of
// each partner over the trailing window, how a tier is evaluated (what a
// partner qualifies for, what is next, what is at risk, what-if), and
// confirming a tier change.
package tier
