package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/sqlite"
	"github.com/dyad-project/dyad/internal/store/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestAnalysisContract(t *testing.T) {
	storetest.RunAnalysis(t, func(t *testing.T) string { return filepath.Join(t.TempDir(), "dyad.db") },
		func(t *testing.T, path string) store.Analysis {
			db, err := sqlite.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			return db
		})
}

func TestReadContract(t *testing.T) {
	storetest.RunRead(t, func(t *testing.T) store.Store {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}
