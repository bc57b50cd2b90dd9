package syntax

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugeAlloc returns a zeroed slice of n Ts in memory the kernel is asked
// to back with 2 MB pages (transparent huge pages in "madvise" mode, the
// usual default, which the Go heap does not request). The weight tables are
// read at random, one cache miss per feature; in 4 KB pages each miss also
// misses the TLB. The mapping is unmapped when owner is no longer
// reachable. T must hold no pointers: the collector does not scan it.
func hugeAlloc[T any](owner *weights, n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size == 0 {
		return make([]T, n)
	}
	const huge = 2 << 20
	rounded := (size + huge - 1) &^ (huge - 1)
	mem, err := syscall.Mmap(-1, 0, rounded+huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]T, n)
	}
	// a huge page must start on a 2 MB boundary: skip to the first one
	off := (huge - int(uintptr(unsafe.Pointer(&mem[0]))%huge)) % huge
	_ = syscall.Madvise(mem[off:off+rounded], 14) // MADV_HUGEPAGE; a refusal only costs speed
	runtime.AddCleanup(owner, func(m []byte) { _ = syscall.Munmap(m) }, mem)
	return unsafe.Slice((*T)(unsafe.Pointer(&mem[off])), n)
}
