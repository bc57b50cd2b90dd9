package syntax

import (
	"syscall"
	"unsafe"
)

// hugeAlloc returns a zeroed slice of n Ts whose memory the kernel is asked
// to back with 2 MB pages (transparent huge pages in "madvise" mode, the
// usual default, which the Go heap does not request). The weight tables are
// read at random, one cache miss per feature; in 4 KB pages each miss also
// misses the TLB. The slice stays on the Go heap, so the collector and the
// memory limit see it; it starts on a 2 MB boundary inside an allocation
// one huge page larger (left untouched, so never resident).
func hugeAlloc[T any](n int) []T {
	var zero T
	elem := int(unsafe.Sizeof(zero))
	const huge = 2 << 20
	if n*elem < huge {
		return make([]T, n)
	}
	s := make([]T, n+huge/elem)
	start := uintptr(unsafe.Pointer(&s[0]))
	off := int((huge-start%huge)%huge) / elem
	if off*elem%huge != int((huge-start%huge)%huge) {
		off = 0 // T's size does not divide the gap: no aligned start
	}
	s = s[off : off+n : off+n]
	mem := unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), n*elem)
	_ = syscall.Madvise(mem, 14) // MADV_HUGEPAGE; a refusal only costs speed
	return s
}
