package postgres_test

import (
	"context"
	"testing"

	"github.com/dyad-project/dyad/internal/store"
	"github.com/dyad-project/dyad/internal/store/postgres"
	"github.com/dyad-project/dyad/internal/store/storetest"
)

func open(t *testing.T) store.Store {
	db, err := postgres.Open(context.Background(), storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestContract(t *testing.T) { storetest.Run(t, open) }

func TestAnalysisContract(t *testing.T) {
	storetest.RunAnalysis(t, func(t *testing.T) string { return storetest.PostgresURL(t) },
		func(t *testing.T, dsn string) store.Analysis {
			db, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			return db
		})
}

func TestReadContract(t *testing.T) { storetest.RunRead(t, open) }
