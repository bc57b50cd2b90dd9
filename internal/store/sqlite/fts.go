package sqlite

import (
	"context"
	"fmt"
)

// holdFTS makes the full-text triggers note the rows the transaction
// inserts instead of indexing them one statement at a time (migration
// 0011); flushFTS indexes them all before the commit.
func holdFTS(ctx context.Context, q querier) error {
	if _, err := q.ExecContext(ctx, `INSERT INTO fts_hold (held) VALUES (1)`); err != nil {
		return fmt.Errorf("hold the full-text index: %w", err)
	}
	return nil
}

// flushFTS indexes the rows noted since holdFTS and lifts the hold, in the
// transaction that inserted them.
func flushFTS(ctx context.Context, q querier) error {
	for _, stmt := range []string{
		`INSERT INTO articles_fts (rowid, title, text)
		 SELECT a.id, a.title, a.text FROM fts_pending_articles p JOIN articles a ON a.id = p.id ORDER BY p.id`,
		`INSERT INTO mentions_fts (rowid, sentence)
		 SELECT m.id, m.sentence FROM fts_pending_mentions p JOIN mentions m ON m.id = p.id ORDER BY p.id`,
		`DELETE FROM fts_pending_articles`,
		`DELETE FROM fts_pending_mentions`,
		`DELETE FROM fts_hold`,
	} {
		if _, err := q.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("fill the full-text index: %w", err)
		}
	}
	return nil
}
