package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(os.Getenv("DUMP"))
	for _, f := range files {
		a, err := Extract(context.Background(), Input{Source: f, Body: readFile(t, f)})
		if err != nil {
			t.Log(err)
			continue
		}
		t.Logf("== %s\ntitle=%q outlet=%q author=%q date=%s/%s lang=%s\n%s", f, a.Title, a.Outlet, a.Author, a.PublishedString(), a.DateFrom, a.Language, a.Text)
	}
}
