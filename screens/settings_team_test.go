package screens

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// Settings › Team of a laptop in a team lists an open conflict with both
// values and their authors; "Keep the other value" writes it and closes
// the conflict (the next sync tells the team).
func TestTeamSectionResolvesAConflict(t *testing.T) {
	a := test.NewTempApp(t)
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := &data.Partner{Name: "Shared GmbH", Type: data.TypeReseller, Status: data.StatusActive, City: "Berlin"}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := s.BecomeTeamMember(ctx, data.TeamSelf{MemberNo: 2, Name: "Boris", URL: "postgres://boris@db.example.com/team", TeamID: "t"}); err != nil {
		t.Fatal(err)
	}
	key := fmt.Sprintf("[%d]", p.ID)
	err := s.TeamApply(ctx, func(tx *data.TeamTx) error {
		return tx.AddConflict(data.TeamConflict{Table: "partners", Key: key, Field: "city", Kept: "Berlin", Other: "München", Base: "",
			KeptBy: "Anna", KeptAt: "2026-12-02T10:00:00Z", OtherBy: "Boris", OtherAt: "2026-12-02T10:01:00Z", Reason: "both_changed"})
	})
	if err != nil {
		t.Fatal(err)
	}
	u := &UI{App: a, Store: s}
	u.loadSettings()
	w := a.NewWindow("team")
	u.Win = w
	sec := u.newTeamSection()
	w.SetContent(container.NewVScroll(sec.buildUI()))
	w.Resize(fyne.NewSize(900, 700))
	text := teamTexts(sec.box)
	for _, want := range []string{"«Berlin» by Anna", "«München» by Boris", "Conflicts: 1", "Changes waiting"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the Team section does not show %q:\n%s", want, text)
		}
	}
	if out := os.Getenv("TEAM_SHOT"); out != "" {
		f, _ := os.Create(out)
		png.Encode(f, w.Canvas().Capture())
		f.Close()
	}
	teamTap(t, sec.box, "Keep the other value")
	got, _ := s.Partner(ctx, p.ID)
	if got.City != "München" {
		t.Fatalf("city %q after keeping the other value", got.City)
	}
	if cs, _ := s.TeamConflicts(ctx, false); len(cs) != 0 {
		t.Fatalf("%d conflicts still open", len(cs))
	}
	if !strings.Contains(teamTexts(sec.box), "No open conflicts") {
		t.Fatal("the section did not refresh")
	}
}

func teamTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Form:
			for _, it := range x.Items {
				b.WriteString(it.Text + "\n")
				walk(it.Widget)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func teamTap(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Button:
			if x.Text == text && found == nil {
				found = x
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(found)
}
