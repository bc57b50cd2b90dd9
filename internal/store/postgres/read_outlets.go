package postgres

import (
	"context"
	"fmt"

	"github.com/dyad-project/dyad/internal/store"
)

// outletNames returns the independent outlets of each story in ids by
// name, as the stories' outlets count them (outletExpr, unknown left out).
func (s *DB) outletNames(ctx context.Context, ids []string) (map[string][]string, error) {
	ids = store.StoryIDs(ids)
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := s.q.Query(ctx, `SELECT DISTINCT m.story_id, COALESCE(`+outletExpr+`, '')
		FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
		WHERE m.story_id = ANY ($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("outlets of stories: %w", err)
	}
	defer rows.Close()
	return store.OutletsFromRows(rows)
}

// nameStoryOutlets sets OutletNames on each story ([] when none is known)
// and names its sides.
func (s *DB) nameStoryOutlets(ctx context.Context, sts []store.Story) error {
	ids := make([]string, len(sts))
	for i := range sts {
		ids[i] = sts[i].ID
	}
	names, err := s.outletNames(ctx, ids)
	if err != nil {
		return err
	}
	for i := range sts {
		sts[i].OutletNames = store.OutletsOf(names, sts[i].ID)
	}
	return s.nameStorySides(ctx, sts, ids)
}

// nameStorySides names the people or bodies on each side of the stories
// (store.NameSides) from their mentions.
func (s *DB) nameStorySides(ctx context.Context, sts []store.Story, ids []string) error {
	uniq := store.StoryIDs(ids)
	if len(uniq) == 0 {
		return nil
	}
	rows, err := s.q.Query(ctx, `SELECT m.story_id, m.actor_code, m.actor_name, m.recip_code, m.recip_name
		FROM mentions m WHERE m.story_id = ANY ($1)
		ORDER BY m.date_start NULLS LAST, m.article_id, m.seq`, uniq)
	if err != nil {
		return fmt.Errorf("parties of stories: %w", err)
	}
	defer rows.Close()
	var parties []store.StoryParty
	for rows.Next() {
		var p store.StoryParty
		if err := rows.Scan(&p.StoryID, &p.ActorCode, &p.ActorName, &p.RecipientCode, &p.RecipientName); err != nil {
			return fmt.Errorf("parties of stories: %w", err)
		}
		parties = append(parties, p)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("parties of stories: %w", err)
	}
	store.NameSides(sts, parties)
	return nil
}

// nameEventOutlets sets OutletNames on each event: its story's outlets, or
// its own article's outlet when it has no story.
func (s *DB) nameEventOutlets(ctx context.Context, evs []store.EventRow) error {
	ids := make([]string, len(evs))
	for i := range evs {
		ids[i] = evs[i].StoryID
	}
	names, err := s.outletNames(ctx, ids)
	if err != nil {
		return err
	}
	for i := range evs {
		evs[i].OutletNames = store.EventOutlets(&evs[i], names)
	}
	return nil
}
