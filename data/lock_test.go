package data_test

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"channeldesk/data"
)

const holdEnv = "CHANNELDESK_HOLD_DB"

// TestHoldChild is the other instance: it opens the database, says so and
// keeps it open until its stdin closes.
func TestHoldChild(t *testing.T) {
	path := os.Getenv(holdEnv)
	if path == "" {
		t.Skip("the lock test's child process")
	}
	s, err := data.Open(path)
	if err != nil {
		fmt.Println("error", err)
		return
	}
	defer s.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
}

func TestSecondInstanceIsToldWhichProcess(t *testing.T) {
	if os.Getenv(holdEnv) != "" {
		t.Skip("inside the child")
	}
	path := filepath.Join(t.TempDir(), "busy.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("child: %q", line)
	}
	_, err := data.Open(path)
	if pid, ok := data.InUse(err); !ok || pid != cmd.Process.Pid {
		t.Fatalf("open while another process has it: %v (pid %d), want in use by %d", err, pid, cmd.Process.Pid)
	}
	stdin.Close()
	cmd.Wait()
	s, err := data.Open(path)
	if err != nil {
		t.Fatalf("open after the other process ended: %v", err)
	}
	s.Close()
}

func TestCloseLeavesNoLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tidy.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(data.LockPath(path)); err != nil {
		t.Fatalf("no lock file while open: %v", err)
	}
	s.Close()
	if _, err := os.Stat(data.LockPath(path)); err == nil {
		t.Error("the lock file is left after Close")
	}
}

// Opening and closing from many places at once: never two holders, even
// though each Close removes the lock file.
func TestLockIsExclusiveUnderChurn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "churn.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	var inside, got atomic.Int32
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 15 {
				s, err := data.Open(path)
				if _, busy := data.InUse(err); busy {
					continue
				} else if err != nil {
					t.Error(err)
					return
				}
				if inside.Add(1) != 1 {
					t.Error("two holders of the lock at once")
				}
				got.Add(1)
				time.Sleep(time.Millisecond)
				inside.Add(-1)
				s.Close()
			}
		}()
	}
	wg.Wait()
	if got.Load() == 0 {
		t.Fatal("nobody got the lock")
	}
}
