-- An unknown outlet is not an outlet (sqlite/migrations 0008, issue 17): an
-- article without an outlet (or a copy of one) counted as an outlet of its own,
-- named by its source, so two unnamed files made "2 outlets" and passed
-- min_outlets=2. The story refresh now counts only named outlets, and every
-- story's count is recomputed.

-- +goose Up
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION dyad_stories_refresh(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- sorted, so two writers never wait on each other in a cycle
    PERFORM pg_advisory_xact_lock(hashtextextended('dyad-story:' || x.id, 0))
        FROM (SELECT DISTINCT unnest(ids) AS id ORDER BY 1) x;
    DELETE FROM stories WHERE id = ANY (ids);
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention, recalled, recall_start, recall_end)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first, g.r, g.rs, g.re
    FROM (SELECT m.story_id, COALESCE(MIN(m.date_start) FILTER (WHERE NOT m.reference), MIN(m.date_start)) ds,
                 COALESCE(MAX(m.date_end) FILTER (WHERE NOT m.reference), MAX(m.date_end)) de,
                 COUNT(*) n, COALESCE(MIN(m.id) FILTER (WHERE NOT m.reference), MIN(m.id)) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '')
                                     ELSE NULLIF(a.outlet, '') END) o,
                 COUNT(DISTINCT m.article_id) FILTER (WHERE m.reference) r,
                 MIN(a.published) FILTER (WHERE m.reference) rs, MAX(a.published) FILTER (WHERE m.reference) re
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id = ANY (ids) GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END $$;
-- +goose StatementEnd
UPDATE stories s SET outlets = (
    SELECT COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END)
    FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
    WHERE m.story_id = s.id);

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION dyad_stories_refresh(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    -- sorted, so two writers never wait on each other in a cycle
    PERFORM pg_advisory_xact_lock(hashtextextended('dyad-story:' || x.id, 0))
        FROM (SELECT DISTINCT unnest(ids) AS id ORDER BY 1) x;
    DELETE FROM stories WHERE id = ANY (ids);
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention, recalled, recall_start, recall_end)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first, g.r, g.rs, g.re
    FROM (SELECT m.story_id, COALESCE(MIN(m.date_start) FILTER (WHERE NOT m.reference), MIN(m.date_start)) ds,
                 COALESCE(MAX(m.date_end) FILTER (WHERE NOT m.reference), MAX(m.date_end)) de,
                 COUNT(*) n, COALESCE(MIN(m.id) FILTER (WHERE NOT m.reference), MIN(m.id)) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o,
                 COUNT(DISTINCT m.article_id) FILTER (WHERE m.reference) r,
                 MIN(a.published) FILTER (WHERE m.reference) rs, MAX(a.published) FILTER (WHERE m.reference) re
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id = ANY (ids) GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END $$;
-- +goose StatementEnd
SELECT dyad_stories_refresh(ARRAY(SELECT DISTINCT story_id FROM mentions WHERE story_id <> ''));
