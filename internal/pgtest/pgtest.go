// Package pgtest starts a throw-away PostgreSQL server for tests: Debian's
// postgresql binaries (initdb, pg_ctl) in a temporary folder, listening on
// 127.0.0.1 and a free port, stopped and removed afterwards. initdb and the
// server refuse to run as root, so as root they run as the postgres user
// (runuser), which then owns the folder.
//
// One server serves a whole test package (start it in TestMain); each test
// takes a fresh database from it with NewDB.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// RequireEnv makes a missing PostgreSQL a failure instead of a skip; `make test` sets it.
const RequireEnv = "CHANNELDESK_REQUIRE_PG"

// ErrNoPostgres means the postgresql binaries are not installed.
var ErrNoPostgres = errors.New("PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin: install Debian's postgresql package (make deps)")

// Server is a running test server.
type Server struct {
	dir  string
	bin  string
	port int
	asPG bool // run through runuser -u postgres
	n    atomic.Int64
}

// binDir finds the newest /usr/lib/postgresql/N/bin holding initdb.
func binDir() (string, error) {
	if d := os.Getenv("PG_BINDIR"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool {
		a, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[i])))
		b, _ := strconv.Atoi(filepath.Base(filepath.Dir(dirs[j])))
		return a > b
	})
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", ErrNoPostgres
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *Server) cmd(name string, args ...string) *exec.Cmd {
	bin := filepath.Join(s.bin, name)
	if s.asPG {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", bin}, args...)...)
	}
	return exec.Command(bin, args...)
}

// ownerFile names the test process that started a server: a server whose
// process is gone (a test binary killed by its timeout runs no cleanup)
// is stopped by the next Start.
const ownerFile = "owner.pid"

func (s *Server) reapStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "channeldesk-pg-*"))
	for _, d := range dirs {
		b, err := os.ReadFile(filepath.Join(d, ownerFile))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(string(b))
		if err != nil || pid <= 0 || alive(pid) {
			continue
		}
		s.cmd("pg_ctl", "stop", "-m", "immediate", "-w", "-D", filepath.Join(d, "data")).Run()
		os.RemoveAll(d)
	}
}

// Start initialises a cluster in a temporary folder and starts it.
func Start() (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin, asPG: os.Geteuid() == 0}
	s.reapStale()
	dir, err := os.MkdirTemp("", "channeldesk-pg-")
	if err != nil {
		return nil, err
	}
	s.dir = dir
	if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if s.asPG {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root and there is no postgres user to run the server as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := s.cmd("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	for try := 0; ; try++ {
		if s.port, err = freePort(); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		opts := fmt.Sprintf("-p %d -k %s -h 127.0.0.1 -F -c max_connections=200 -c shared_buffers=32MB", s.port, dir)
		out, err := s.cmd("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(dir, "log"), "-o", opts).CombinedOutput()
		if err == nil {
			break
		}
		if try == 2 {
			log, _ := os.ReadFile(filepath.Join(dir, "log"))
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pg_ctl start: %v\n%s\n%s", err, out, log)
		}
	}
	return s, nil
}

// Stop stops the server and removes its folder.
func (s *Server) Stop() {
	if s == nil {
		return
	}
	s.cmd("pg_ctl", "stop", "-m", "immediate", "-w", "-D", filepath.Join(s.dir, "data")).Run()
	os.RemoveAll(s.dir)
}

// Restart stops the server (as a crash would) and starts it again on the same port.
func (s *Server) Restart() error {
	data := filepath.Join(s.dir, "data")
	s.cmd("pg_ctl", "stop", "-m", "immediate", "-w", "-D", data).Run()
	opts := fmt.Sprintf("-p %d -k %s -h 127.0.0.1 -F -c max_connections=200 -c shared_buffers=32MB", s.port, s.dir)
	out, err := s.cmd("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(s.dir, "log"), "-o", opts).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl start: %v\n%s", err, out)
	}
	return nil
}

// URL is the connection URL of database db as user.
func (s *Server) URL(user, db string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", user, s.port, db)
}

// Exec runs statements as the superuser on database db.
func (s *Server) Exec(db string, sqls ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, s.URL("postgres", db))
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	for _, q := range sqls {
		if _, err := c.Exec(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// NewDB creates an empty database owned by a new login, and returns the
// database's name and that login (the team's first member connects with it).
func (s *Server) NewDB() (db, owner string, err error) {
	n := s.n.Add(1)
	db = fmt.Sprintf("team%d", n)
	owner = fmt.Sprintf("owner%d", n)
	err = s.Exec("postgres",
		"CREATE ROLE "+owner+" LOGIN CREATEROLE",
		"CREATE DATABASE "+db+" OWNER "+owner)
	return db, owner, err
}

// Login creates a login role (a member's own PostgreSQL user).
func (s *Server) Login(name string) error {
	return s.Exec("postgres", "CREATE ROLE "+name+" LOGIN")
}

// Main starts the server for a test package's TestMain, runs the tests and
// stops it. Without the binaries it skips loudly, or fails when
// CHANNELDESK_REQUIRE_PG=1. srv is nil when skipped; tests call Need.
func Main(m *testing.M, srv **Server) int {
	s, err := Start()
	if err != nil {
		if os.Getenv(RequireEnv) == "1" {
			fmt.Fprintln(os.Stderr, "FAIL: no PostgreSQL for the team tests:", err)
			return 1
		}
		fmt.Fprintln(os.Stderr, "!!! SKIPPING every PostgreSQL test: ", err, "(set "+RequireEnv+"=1 to make this a failure)")
	}
	*srv = s
	code := m.Run()
	s.Stop()
	return code
}

// Need skips (loudly) a test that needs the server when there is none.
func Need(t testing.TB, s *Server) {
	t.Helper()
	if s == nil {
		if os.Getenv(RequireEnv) == "1" {
			t.Fatal("no PostgreSQL server and " + RequireEnv + "=1")
		}
		t.Log("!!! SKIPPED: no PostgreSQL server (install postgresql; " + RequireEnv + "=1 makes this fail)")
		t.SkipNow()
	}
}
