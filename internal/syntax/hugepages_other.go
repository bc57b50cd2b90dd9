//go:build !linux

package syntax

func adviseHuge([]uint64) {}
