package dealimport

import (
	"context"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// stageColumn is the value-map column a deal profile keeps its stages under.
const stageColumn = "stage"

// SaveProfile keeps the stage mapping of a deals file under name, to be
// used again for files with the same headers.
func SaveProfile(ctx context.Context, s *data.Store, name string, header []string, opt Options) error {
	stages := map[string]string{}
	for k, st := range opt.Stages {
		stages[k] = string(st) // keys as StageKey folds them
	}
	vm := importer.ValueMap{stageColumn: stages}
	return importer.SaveProfile(ctx, s, name, header, importer.Mapping{}, importer.Options{Values: vm, Source: "deals"})
}

// profileStages is the stage mapping saved for files with these headers
// (empty, not nil, when there is none) and the profile's name.
func profileStages(ctx context.Context, s *data.Store, header []string) (map[string]data.DealState, string, error) {
	out := map[string]data.DealState{}
	prof, err := importer.FindProfile(ctx, s, header)
	if err != nil || prof == nil {
		return out, "", err
	}
	_, opt, err := importer.UseProfile(prof, header)
	if err != nil {
		return out, "", err
	}
	for k, st := range opt.Values[stageColumn] {
		if data.DealState(st).Valid() {
			out[k] = data.DealState(st)
		}
	}
	return out, prof.Name, nil
}
