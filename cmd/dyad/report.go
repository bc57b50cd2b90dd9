package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/dyad-project/dyad/internal/pipeline"
	"github.com/dyad-project/dyad/internal/source"
)

// reportDoc prints the one line a document that did not make it gets:
// "skipped:" for a directory entry that is no document (a pipe, a dangling
// link), "failed:" for the rest.
func reportDoc(w io.Writer, err error) {
	if errors.Is(err, source.ErrSkipped) {
		fmt.Fprintf(w, "skipped: %v\n", err)
		return
	}
	fmt.Fprintf(w, "failed: %v\n", err)
}

// tally counts a run's failed documents and its skipped entries apart:
// only failures make the exit status non-zero.
func tally(sum pipeline.Summary) (failed, skipped int) {
	for _, f := range sum.Failed {
		if errors.Is(f.Err, source.ErrSkipped) {
			skipped++
		} else {
			failed++
		}
	}
	return failed, skipped
}
