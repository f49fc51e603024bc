package screens

import (
	"bufio"
	"log"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// TraceStartup is the opt-in start-up trace (CHANNELDESK_TRACE=1): it
// opens the partner list as soon as the window is up and logs, once the
// list is filled, the time since start and the resident memory, e.g.
// "trace: partner list shown after 412 ms (5000 rows), RSS 143 MB", and the
// resident memory again 3 s later, once the dashboard has loaded too.
func (u *UI) TraceStartup(start time.Time) {
	done := false
	u.tracer = func(what string, n int) {
		if done {
			return
		}
		done = true
		log.Printf("trace: %s after %d ms (%d rows), RSS %s", what, time.Since(start).Milliseconds(), n, residentMemory())
		time.AfterFunc(3*time.Second, func() { log.Printf("trace: settled, RSS %s", residentMemory()) })
	}
	u.App.Lifecycle().SetOnStarted(func() { fyne.Do(func() { u.show("nav.partners") }) })
}

func (u *UI) trace(what string, n int) {
	if u.tracer != nil {
		u.tracer(what, n)
	}
}

// residentMemory is VmRSS from /proc/self/status ("?" where there is none).
func residentMemory() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "?"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}
