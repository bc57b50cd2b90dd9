package syntax

import "golang.org/x/sys/cpu"

// useAVX2 sums dense rows nine 4-lane vectors at a time (lanes_amd64.s):
// 9 adds a row instead of 35 loads, adds and stores.
var useAVX2 = cpu.X86.HasAVX2

//go:noescape
func sumRowsAVX2(sum *[laneWords]uint64, dense *uint64, rows *uint32, n int)

// sumRows adds the dense rows numbered rows to sum.
func sumRows(sum *[laneWords]uint64, dense []uint64, rows []uint32) {
	if useAVX2 && len(rows) > 0 {
		sumRowsAVX2(sum, &dense[0], &rows[0], len(rows))
		return
	}
	sumRowsGo(sum, dense, rows)
}
