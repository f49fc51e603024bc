package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/data"
)

func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLIExitCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	tests := map[string]struct {
		args     []string
		code     int
		stdout   string
		stderrIn string
	}{
		"Version":         {[]string{"version"}, 0, "channeldesk " + version, ""},
		"UnknownCommand":  {[]string{"frobnicate"}, 2, "", "unknown command"},
		"UnknownFlag":     {[]string{"demo", "--db", db, "--bogus"}, 2, "", "usage:"},
		"DemoNeedsDB":     {[]string{"demo"}, 2, "", "--db PATH"},
		"Demo":            {[]string{"demo", "--db", db, "--partners", "40", "--seed", "5"}, 0, "40 partners", ""},
		"DemoNotTwice":    {[]string{"demo", "--db", db, "--partners", "40"}, 1, "", "already holds 40 partners"},
		"VersionNoExtras": {[]string{"version", "extra"}, 2, "", "usage:"},
	}
	for _, name := range []string{"Version", "UnknownCommand", "UnknownFlag", "DemoNeedsDB", "Demo", "DemoNotTwice", "VersionNoExtras"} {
		tt := tests[name]
		t.Run(name, func(t *testing.T) {
			code, out, errOut := runCLI(tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errOut, tt.stderrIn) {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
			}
			if code == 1 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("a failure must be one line on stderr: %q", errOut)
			}
		})
	}
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, _ := s.PartnerRows(context.Background())
	if len(rows) != 40 {
		t.Errorf("%d partners after the refused second demo, want 40", len(rows))
	}
}

func TestDemoFailureLeavesNoNewFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "notadb.db")
	os.WriteFile(bad, bytes.Repeat([]byte("not sqlite "), 100), 0o644)
	code, _, errOut := runCLI("demo", "--db", bad)
	if code != 1 || !strings.Contains(errOut, "not a ChannelDesk database") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(bad); !bytes.HasPrefix(b, []byte("not sqlite")) {
		t.Error("the foreign file was changed")
	}
}
