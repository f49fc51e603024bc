// Package demo fills a store with demo data (`channeldesk demo`) — partners,
// contacts, timelines, then each area's step in order (deals, MDF,
// onboarding, plans, recruitment) — and with the volume data benchmarks
// and tests measure against (FillVolume, FillMDFVolume).
package demo
