// Command dyad turns news into event data. See the README for a tour.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// errFailed marks a run that finished but had failures already reported to
// the user; main exits non-zero without printing it again.
var errFailed = errors.New("some inputs failed")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cmd := newRootCmd()
	err := cmd.ExecuteContext(ctx)
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
