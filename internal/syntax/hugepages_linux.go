package syntax

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks Linux to back the 2 MB-aligned part of a weight table
// with huge pages: features land on random slots, and with 4 KB pages
// nearly every lookup also misses the TLB. Where transparent huge pages
// are "madvise" (a common default) the kernel does nothing without it.
// Failure is harmless: the table is only slower.
func adviseHuge(table []uint64) {
	const huge = 2 << 20
	if len(table)*8 < 2*huge {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&table[0])), len(table)*8)
	start := uintptr(unsafe.Pointer(&b[0]))
	end := start + uintptr(len(b))
	lo, hi := (start+huge-1)&^(huge-1), end&^(huge-1)
	if hi <= lo {
		return
	}
	_ = syscall.Madvise(b[lo-start:hi-start], 14) // MADV_HUGEPAGE
}
