// Package lead holds the rules for end-customer leads: which partner a
// lead is suggested to and why (Router), routing a batch, when an offer
// expires, and the lead measures per partner and per event. The rules are
// plain functions over facts the store reads; their weights come from
// Settings, so the manager can see and change how partners are ranked.
package lead
