package bench

import (
	"bufio"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Machine describes where a run happened.
type Machine struct {
	CPUs      int    `json:"cpus"`
	CPUModel  string `json:"cpu_model,omitempty"`
	MemoryMiB int64  `json:"memory_mib"`
	GoVersion string `json:"go_version"`
	OS        string `json:"os"`
	Commit    string `json:"commit,omitempty"`
	Postgres  string `json:"postgres,omitempty"`
}

func machine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), GoVersion: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH, Commit: commit()}
	m.MemoryMiB = procField("/proc/meminfo", "MemTotal:") / 1024
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		defer f.Close()
		s := bufio.NewScanner(f)
		for s.Scan() {
			if k, v, ok := strings.Cut(s.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPUModel = strings.TrimSpace(v)
				break
			}
		}
	}
	return m
}

// commit returns the VCS revision the binary was built from or, when the
// build did not record one (go run, -buildvcs=false), the working tree's
// HEAD at run time.
func commit() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, modified := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" && modified {
			return rev + " (with uncommitted changes)"
		}
		if rev != "" {
			return rev
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "git", "rev-parse", "HEAD").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out)) + " (working tree)"
}

// procField reads a "Key: value kB" line of a /proc file, in kB (0 if absent).
func procField(path, key string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), key); ok {
			fields := strings.Fields(rest)
			if len(fields) > 0 {
				n, _ := strconv.ParseInt(fields[0], 10, 64)
				return n
			}
		}
	}
	return 0
}

// rssMiB returns the process's resident set now, and the part of it that
// is anonymous memory (the heap), as opposed to mapped index files.
func rssMiB() (all, anon float64) {
	return float64(procField("/proc/self/status", "VmRSS:")) / 1024, float64(procField("/proc/self/status", "RssAnon:")) / 1024
}

// peakRSSMiB returns the process's peak resident set (since the last resetPeakRSS).
func peakRSSMiB() float64 { return float64(procField("/proc/self/status", "VmHWM:")) / 1024 }

// resetPeakRSS starts a new peak (Linux: writing 5 to clear_refs).
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// rssSampler records the largest resident set seen while it runs.
type rssSampler struct {
	mu      sync.Mutex
	max     float64
	maxAnon float64
	stop    chan struct{}
	done    chan struct{}
}

func sampleRSS(every time.Duration) *rssSampler {
	s := &rssSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			r, anon := rssMiB()
			s.mu.Lock()
			s.max, s.maxAnon = max(s.max, r), max(s.maxAnon, anon)
			s.mu.Unlock()
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// Stop ends sampling and returns the largest resident set and anonymous
// resident set seen, in MiB.
func (s *rssSampler) Stop() (all, anon float64) {
	close(s.stop)
	<-s.done
	return s.max, s.maxAnon
}

// dirBytes returns the size of the files under dir.
func dirBytes(dir string) int64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// clockTicks is the kernel's USER_HZ, the unit of /proc/<pid>/stat times.
const clockTicks = 100

// cpuSeconds returns the CPU time used so far by this process and by the
// local PostgreSQL server's processes (0 for them when the server runs
// elsewhere), so that a load run's cost per request can be measured even
// on a machine shared with other work.
func cpuSeconds() float64 { return selfCPUSeconds() + postgresCPUSeconds() }

// selfCPUSeconds is the user and system time of this process.
func selfCPUSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// postgresCPUSeconds sums user and system time of the processes named postgres.
func postgresCPUSeconds() float64 {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	ticks := int64(0)
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		s := string(b)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open || s[open+1:end] != "postgres" {
			continue
		}
		// After the command come state (field 3) …; utime and stime are fields 14 and 15.
		f := strings.Fields(s[end+1:])
		if len(f) > 12 {
			u, _ := strconv.ParseInt(f[11], 10, 64)
			st, _ := strconv.ParseInt(f[12], 10, 64)
			ticks += u + st
		}
	}
	return float64(ticks) / clockTicks
}

// loadAverage returns the 1, 5 and 15 minute load averages.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// settledDirBytes waits until the size of dir stops changing (the index's
// background merges are done) for quiet, at most limit, and returns it.
func settledDirBytes(ctx context.Context, dir string, quiet, limit time.Duration) int64 {
	size, since, deadline := dirBytes(dir), time.Now(), time.Now().Add(limit)
	for time.Since(since) < quiet && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(quiet / 4)
		if n := dirBytes(dir); n != size {
			size, since = n, time.Now()
		}
	}
	return size
}
