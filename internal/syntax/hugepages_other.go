//go:build !linux

package syntax

// hugeAlloc is make elsewhere than on Linux (see hugepages_linux.go).
func hugeAlloc[T any](n int) []T { return make([]T, n) }
