package data_test

import (
	"context"
	"testing"

	"channeldesk/data"
)

// The volume writer gives fixed IDs without the member's number, so a
// team's database never gets its data (see TestEveryInsertTakesATeamID).
func TestVolumeWriterRefusesATeamDatabase(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if err := s.BecomeTeamMember(ctx, data.TeamSelf{MemberNo: 7, Name: "Anna", URL: "postgres://x/y", TeamID: "t"}); err != nil {
		t.Fatal(err)
	}
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		w, err := s.NewVolumeWriter(ctx, tx)
		if err == nil {
			w.Close()
		}
		return err
	})
	if err == nil {
		t.Fatal("a team's database took volume data")
	}
}
