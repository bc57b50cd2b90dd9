package timex_test

import (
	"fmt"
	"time"

	"github.com/dyad-project/dyad/internal/timex"
)

func ExampleFind() {
	ref := time.Date(2026, 1, 26, 0, 0, 0, 0, time.UTC) // a Monday
	s := "Rubio spoke on Sunday; the US struck Iran's nuclear sites last June, and protests began in late December."
	for _, x := range timex.Find(s, ref, timex.Options{}) {
		fmt.Printf("%-18s %s\n", x.Text, x.Window)
	}
	// Output:
	// on Sunday          2026-01-25/2026-01-25 (day)
	// last June          2025-06-01/2025-06-30 (month)
	// in late December   2025-12-21/2025-12-31 (week)
}

func ExampleOptions_anchor() {
	prev := timex.Find("in January 2024", time.Time{}, timex.Options{})[0]
	next := timex.Find("The following month, warplanes struck.", time.Time{}, timex.Options{Anchor: prev.Window})[0]
	fmt.Println(next.Text, next.Window)
	// Output: The following month 2024-02-01/2024-02-29 (month)
}
