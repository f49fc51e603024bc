// Package onboarding embeds the default onboarding templates, one JSON
// file per partner type, in English and Russian.
package onboarding

import "embed"

//go:embed *.json
var files embed.FS

// Template returns the shipped default template of a partner type as JSON.
func Template(partnerType string) ([]byte, error) {
	return files.ReadFile(partnerType + ".json")
}
