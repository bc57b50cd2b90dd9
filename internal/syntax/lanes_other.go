//go:build !amd64

package syntax

var useAVX2 = false // no vector sums here; the test switches it like amd64's

// sumRows adds the dense rows numbered rows to sum.
func sumRows(sum *[laneWords]uint64, dense []uint64, rows []uint32) {
	sumRowsGo(sum, dense, rows)
}
