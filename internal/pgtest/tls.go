package pgtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// TLS is what EnableTLS made: the test CA that signed the server's
// certificate (for sslrootcert), and another CA that did not.
type TLS struct {
	CA      string // file of the CA that signed the server's certificate
	WrongCA string // file of a CA that signed nothing the server has
}

// ErrNoOpenSSL means the openssl command is missing (Debian's openssl package).
var ErrNoOpenSSL = fmt.Errorf("the openssl command is not installed (Debian's openssl package, make deps)")

func openssl(dir string, args ...string) error {
	cmd := exec.Command("openssl", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("openssl %v: %v\n%s", args, err, out)
	}
	return nil
}

// EnableTLS turns on ssl in the server with a throw-away CA and a
// certificate for 127.0.0.1 and localhost made with openssl. Connections
// without TLS still work (the other tests use sslmode=disable).
func (s *Server) EnableTLS() (*TLS, error) {
	if _, err := exec.LookPath("openssl"); err != nil {
		return nil, ErrNoOpenSSL
	}
	dir := filepath.Join(s.dir, "tls")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	ext := filepath.Join(dir, "san.ext")
	if err := os.WriteFile(ext, []byte("subjectAltName=IP:127.0.0.1,DNS:localhost\n"), 0o644); err != nil {
		return nil, err
	}
	ec := []string{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"}
	steps := [][]string{
		append([]string{"req", "-x509", "-days", "2", "-subj", "/CN=ChannelDesk test CA", "-keyout", "ca.key", "-out", "ca.crt"}, ec...),
		append([]string{"req", "-x509", "-days", "2", "-subj", "/CN=Some other CA", "-keyout", "wrong.key", "-out", "wrong.crt"}, ec...),
		append([]string{"req", "-subj", "/CN=127.0.0.1", "-keyout", "server.key", "-out", "server.csr"}, ec...),
		{"x509", "-req", "-days", "2", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-extfile", "san.ext", "-out", "server.crt"},
	}
	for _, a := range steps {
		if err := openssl(dir, a...); err != nil {
			return nil, err
		}
	}
	key := filepath.Join(dir, "server.key")
	if err := os.Chmod(key, 0o600); err != nil {
		return nil, err
	}
	if s.asPG { // the server reads its key as the postgres user
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, err
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		for _, f := range []string{dir, key, filepath.Join(dir, "server.crt")} {
			if err := os.Chown(f, uid, gid); err != nil {
				return nil, err
			}
		}
	}
	if err := s.Exec("postgres",
		"ALTER SYSTEM SET ssl_cert_file = '"+filepath.Join(dir, "server.crt")+"'",
		"ALTER SYSTEM SET ssl_key_file = '"+key+"'",
		"ALTER SYSTEM SET ssl = on",
		"SELECT pg_reload_conf()"); err != nil {
		return nil, err
	}
	// The reload is asynchronous: wait until a new connection gets TLS.
	ca := filepath.Join(dir, "ca.crt")
	var last error
	for start := time.Now(); time.Since(start) < 20*time.Second; time.Sleep(100 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		c, err := pgx.Connect(ctx, fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=verify-full&sslrootcert=%s", s.port, ca))
		if err == nil {
			c.Close(ctx)
			cancel()
			return &TLS{CA: ca, WrongCA: filepath.Join(dir, "wrong.crt")}, nil
		}
		cancel()
		last = err
	}
	log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
	return nil, fmt.Errorf("the server did not start TLS: %v\n%s", last, log)
}

// TLSURL is the URL of database db as user over TLS checked against the CA in file ca.
func (s *Server) TLSURL(user, db, ca string) string {
	return fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=verify-full&sslrootcert=%s", user, s.port, db, ca)
}

// CPU is the processor time the server's processes have used so far
// (the postmaster, its finished and its running backends; Linux only,
// 0 elsewhere), so benchmarks can say what the server's share was.
func (s *Server) CPU() time.Duration {
	b, err := os.ReadFile(filepath.Join(s.dir, "data", "postmaster.pid"))
	if err != nil {
		return 0
	}
	pm, _ := strconv.Atoi(strings.SplitN(string(b), "\n", 2)[0])
	ticks := func(pid string, withChildren bool) (ppid int, n int64) {
		st, err := os.ReadFile("/proc/" + pid + "/stat")
		if err != nil {
			return 0, 0
		}
		f := strings.Fields(string(st[strings.LastIndexByte(string(st), ')')+2:]))
		// after the name: state ppid ... utime(12) stime(13) cutime(14) cstime(15), counted from state = 0
		if len(f) < 15 {
			return 0, 0
		}
		ppid, _ = strconv.Atoi(f[1])
		last := 12
		if withChildren {
			last = 14
		}
		for i := 11; i <= last; i++ {
			v, _ := strconv.ParseInt(f[i], 10, 64)
			n += v
		}
		return ppid, n
	}
	_, total := ticks(strconv.Itoa(pm), true)
	procs, _ := os.ReadDir("/proc")
	for _, p := range procs {
		if _, err := strconv.Atoi(p.Name()); err != nil {
			continue
		}
		if ppid, n := ticks(p.Name(), false); ppid == pm {
			total += n
		}
	}
	return time.Duration(total) * time.Second / 100 // USER_HZ
}
