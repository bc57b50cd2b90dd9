package timex

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestZZ(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/pages/*")
	a, _ := filepath.Glob("/work/shared/corpus/news-ar/*.txt")
	files = append(files, a...)
	ref := time.Date(2020, 6, 15, 0, 0, 0, 0, time.UTC)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		s := string(b)
		for _, x := range Find(s, ref, Options{}) {
			a, e := x.Start-25, x.End+15
			if a < 0 { a = 0 }
			if e > len(s) { e = len(s) }
			fmt.Printf("%-24q | %s\n", x.Text, strings.ReplaceAll(s[a:e], "\n", " "))
		}
	}
}
