package team_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/applog"
	"channeldesk/app/files"
	"channeldesk/app/team"
	"channeldesk/data"
	"channeldesk/data/teamserver"
	"channeldesk/internal/pgtest"

	"github.com/jackc/pgx/v5"
	"github.com/zalando/go-keyring"
)

// Over TLS with sslmode=verify-full and the team's CA in sslrootcert, a
// team is made, joined and synced; against a CA that did not sign the
// server's certificate, the sync is refused with a message saying so.
func TestSyncOverVerifiedTLS(t *testing.T) {
	pgtest.Need(t, srv)
	ctx := context.Background()
	tl, err := srv.EnableTLS()
	if errorsIsNoOpenSSL(err) && os.Getenv(pgtest.RequireEnv) != "1" {
		t.Log("!!! SKIPPED: " + err.Error())
		t.SkipNow()
	}
	if err != nil {
		t.Fatal(err)
	}
	db, owner, err := srv.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	anna, err := data.Open(filepath.Join(dir, "anna.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer anna.Close()
	partner(t, anna, "Over TLS")
	if _, err := team.Init(ctx, anna, srv.TLSURL(owner, db, tl.CA), "Anna", ""); err != nil {
		t.Fatal(err)
	}
	login := db + "_boris"
	if err := srv.Exec("postgres", "CREATE ROLE "+login+" LOGIN IN ROLE "+teamserver.RoleName(db)); err != nil {
		t.Fatal(err)
	}
	borisPath := filepath.Join(dir, "boris.db")
	if err := team.Join(ctx, borisPath, srv.TLSURL(login, db, tl.CA), "Boris", "", nil); err != nil {
		t.Fatal(err)
	}
	boris, err := data.Open(borisPath)
	if err != nil {
		t.Fatal(err)
	}
	defer boris.Close()
	partner(t, boris, "Boris over TLS")
	for _, s := range []*data.Store{boris, anna} {
		if _, err := team.Sync(ctx, s, team.Options{}); err != nil {
			t.Fatalf("sync over TLS: %v", err)
		}
	}
	if !strings.Contains(dump(t, anna), "Boris over TLS") {
		t.Fatal("Boris's partner did not reach Anna over TLS")
	}
	// The connection really is encrypted.
	c, err := pgx.Connect(ctx, srv.TLSURL(owner, db, tl.CA))
	if err != nil {
		t.Fatal(err)
	}
	var ssl bool
	err = c.QueryRow(ctx, `SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`).Scan(&ssl)
	c.Close(ctx)
	if err != nil || !ssl {
		t.Fatalf("connection not encrypted: %v %v", ssl, err)
	}
	// A laptop that trusts another CA refuses the server and says why.
	wrong := srv.TLSURL(login, db, tl.WrongCA)
	if _, err := boris.DB().ExecContext(ctx, `UPDATE team_self SET url = ?`, wrong); err != nil {
		t.Fatal(err)
	}
	partner(t, boris, "Not sent")
	_, err = team.Sync(ctx, boris, team.Options{})
	e, ok := data.AsError(err)
	if !ok || e.Key != "team.err_tls" {
		t.Fatalf("sync against the wrong CA: %v", err)
	}
	t.Logf("refused: %v", e.Args["Reason"])
	if n, _ := boris.TeamPendingCount(ctx); n != 1 {
		t.Fatalf("the refused sync changed what waits: %d", n)
	}
	// …and so does a join.
	err = team.Join(ctx, filepath.Join(dir, "carla.db"), srv.TLSURL(login, db, tl.WrongCA), "Carla", "", nil)
	if e, ok := data.AsError(err); !ok || e.Key != "team.err_tls" {
		t.Fatalf("join against the wrong CA: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "carla.db")); err == nil {
		t.Fatal("a refused join left a file")
	}
}

func errorsIsNoOpenSSL(err error) bool { return err == pgtest.ErrNoOpenSSL }

// The password goes to the operating system's keychain (go-keyring's
// in-memory mock here) and is read from there by the next sync; it never
// lands in the database file, its write-ahead log, a backup or the log,
// not even in a failed connection's message.
func TestPasswordStaysInTheKeychain(t *testing.T) {
	pgtest.Need(t, srv)
	keyring.MockInit()
	ctx := context.Background()
	const pw = "Pa55-never-in-a-file-4711"
	db, owner, err := srv.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Exec("postgres", "ALTER ROLE "+owner+" PASSWORD '"+pw+"'"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	logPath := filepath.Join(dir, "channeldesk.log")
	if _, err := applog.Start(logPath, "test", nil); err != nil {
		t.Fatal(err)
	}
	defer applog.Start(filepath.Join(t.TempDir(), "after.log"), "test", nil)
	s, err := data.Open(filepath.Join(dir, "anna.db"))
	if err != nil {
		t.Fatal(err)
	}
	partner(t, s, "Keychain GmbH")
	// A failed connection with the password in the URL: the message hides it.
	u := srv.URL(owner, db)
	withPw := strings.Replace(u, owner+"@", owner+":"+pw+"@", 1)
	bad := strings.Replace(withPw, "/"+db+"?", "/no_such_db?", 1)
	_, err = team.Init(ctx, s, bad, "Anna", "")
	if err == nil {
		t.Fatal("init on a missing database worked")
	}
	applog.Error("team init", err)
	if strings.Contains(err.Error(), pw) || strings.Contains(errText(err), pw) {
		t.Fatalf("the error shows the password: %v", err)
	}
	s.SetTeamError(ctx, errText(err))
	// The password given in the URL goes to the keychain, and only there.
	if _, err := team.Init(ctx, s, withPw, "Anna", ""); err != nil {
		t.Fatal(err)
	}
	self, _ := s.TeamSelf(ctx)
	if strings.Contains(self.URL, pw) {
		t.Fatalf("the file keeps the URL with the password: %s", self.URL)
	}
	if got := team.KeychainPassword(self.URL); got != pw {
		t.Fatalf("keychain holds %q for %s, want the password", got, self.URL)
	}
	if res, err := team.Sync(ctx, s, team.Options{}); err != nil {
		t.Fatalf("sync with the keychain's password: %+v %v", res, err)
	}
	if _, err := files.BackupNow(s); err != nil {
		t.Fatal(err)
	}
	// Forgotten, the password is no longer there.
	team.ForgetPassword(self.URL)
	if got := team.KeychainPassword(self.URL); got != "" {
		t.Fatalf("keychain still holds %q", got)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	seen := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seen++
		if bytes.Contains(b, []byte(pw)) {
			t.Errorf("the password is in %s", p)
		}
		return nil
	})
	if seen < 3 { // the database, a backup, the log
		t.Fatalf("only %d files looked at", seen)
	}
}

func errText(err error) string {
	if e, ok := data.AsError(err); ok {
		var b strings.Builder
		b.WriteString(e.Key)
		for _, v := range e.Args {
			b.WriteString(" ")
			b.WriteString(strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(toString(v), "\n", " "), "\t", " ")))
		}
		return b.String()
	}
	return err.Error()
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}
