package kit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"channeldesk/app/kit"
)

// soffice finds LibreOffice; without it the test says so loudly (make
// deps does not install it: apt-get install libreoffice-calc-nogui).
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CHANNELDESK_REQUIRE_SOFFICE") != "" {
		t.Fatal("LibreOffice (soffice) is required but not installed")
	}
	t.Skip("LIBREOFFICE NOT INSTALLED: the kit's LibreOffice round trip is NOT tested (apt-get install libreoffice-calc-nogui)")
	return ""
}

// TestKitSurvivesLibreOffice fills a kit, lets LibreOffice re-save it (as
// a partner working in LibreOffice would) and imports it: the marker, the
// hidden tags and every row kind come through.
func TestKitSurvivesLibreOffice(t *testing.T) {
	bin := soffice(t)
	w := newWorld(t)
	dir := t.TempDir()
	filled := filepath.Join(dir, "filled.xlsx")
	fillAsPartner(t, w, exportA(t, w), filled)
	out := filepath.Join(dir, "lo")
	cmd := exec.Command(bin, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, filled)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	resaved := filepath.Join(out, "filled.xlsx")
	if _, err := os.Stat(resaved); err != nil {
		t.Fatalf("LibreOffice wrote nothing: %v", err)
	}
	pv, err := importFile(t, w.s, resaved, kit.ImportOptions{Commit: true})
	if err != nil {
		t.Fatalf("the re-saved kit is refused: %v", err)
	}
	checkItems(t, pv, map[string]string{
		"Acme Corp": "", "Globex": "", "=HYPERLINK": "", "Initech": "err.kit_money",
		"Webinar": "", "Event": "err.mdf_shortfall_partner", "#": "", "New customers: Logos": "",
		"Ann Archer": "", "Boris Brown": "", "Nina New · Presales": "", "Nina New · Desk": "", "Nobody Known": "err.kit_person_unknown",
	})
	checkLanded(t, w)
}
