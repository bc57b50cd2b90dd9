// Package testutil holds what tests of several packages share.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// SharedDir returns the directory sub of the shared development material
// (../shared next to the repository), found from this file so tests run
// from any working directory, or skips the test when it is absent.
func SharedDir(tb testing.TB, sub string) string {
	tb.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		tb.Skip("cannot locate the test helpers")
	}
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("shared material %s absent: %v", dir, err)
	}
	return dir
}
