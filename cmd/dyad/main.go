// Command dyad turns news into event data. See the README for a tour.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
)

// errFailed marks a run that finished but had failures already reported to
// the user; main exits non-zero without printing it again.
var errFailed = errors.New("some inputs failed")

// defaultMemoryLimit is the soft heap limit when GOMEMLIMIT is not set: the
// garbage collector works harder near it instead of letting the heap double,
// which keeps a laptop run of dyad near its live size. It is not a cap: a
// larger live heap still gets what it needs.
const defaultMemoryLimit = 192 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stopProfile := startProfile(os.Getenv("DYAD_CPUPROFILE"))
	cmd := newRootCmd()
	err := cmd.ExecuteContext(ctx)
	stopProfile()
	switch {
	case err == nil:
	case errors.Is(err, errFailed):
		os.Exit(1)
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(os.Stderr, "dyad: interrupted")
		os.Exit(130)
	default:
		fmt.Fprintln(os.Stderr, "dyad:", err)
		os.Exit(2)
	}
}

// startProfile writes a CPU profile of the run to path when it is set
// (DYAD_CPUPROFILE), for `go tool pprof`: where a slow input spends its
// time, measured on the real command.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dyad: cpu profile:", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
