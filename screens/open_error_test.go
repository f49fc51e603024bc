package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/assets"
	"channeldesk/data"
)

func TestOpenErrorSaysWhatIsWrong(t *testing.T) {
	a := test.NewTempApp(t)
	if err := assets.LoadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	w := newOpenErrorWindow(a, "/home/olga/notes.db", data.ErrNotDatabase)
	markup := test.RenderObjectToMarkup(w.Content())
	for _, want := range []string{"not a ChannelDesk database", "left untouched", "/home/olga/notes.db", "Quit"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the window does not say %q", want)
		}
	}
}
