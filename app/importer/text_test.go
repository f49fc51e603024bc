package importer

import "testing"

// A file opened with "Open with ChannelDesk" or dropped on the window goes
// to the import by its extension, whatever its case.
func TestAccepts(t *testing.T) {
	for path, want := range map[string]bool{`C:\Users\Ольга\Downloads\Партнёры.CSV`: true, "a.xlsx": true, "a.pdf": false, "csv": false} {
		if Accepts(path) != want {
			t.Errorf("Accepts(%q) = %v", path, !want)
		}
	}
}
