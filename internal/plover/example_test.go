package plover_test

import (
	"fmt"

	"github.com/dyad-project/dyad/internal/plover"
)

func Example() {
	// Read a CAMEO-coded record.
	t, mode, _ := plover.FromCAMEO("195") // Employ aerial weapons
	fmt.Println(t, mode, t.Quad(), plover.Score(t, mode))

	// Old PLOVER labels still parse.
	old, _ := plover.ParseType("fight")
	fmt.Println(old)

	// Export a PLOVER event for GDELT users.
	code := plover.ToCAMEO(plover.Consult, "visit")
	g, _ := plover.Goldstein(code)
	fmt.Println(code, plover.CAMEORoot(code), g)

	// Statements (CAMEO root 01) are not PLOVER events.
	_, _, ok := plover.FromCAMEO("010")
	fmt.Println(ok)
	// Output:
	// ASSAULT heavy-weapons material_conflict -9.5
	// ASSAULT
	// 042 04 1.9
	// false
}
