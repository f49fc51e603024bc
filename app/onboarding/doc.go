// Package onboarding owns the onboarding checklist: templates per partner
// type, the tasks built from them, task states, the rules that complete a
// task by themselves (first deal, certified people, first MDF activity),
// progress and the overview, partner status changes that start a
// checklist, and expiring certifications.
package onboarding
