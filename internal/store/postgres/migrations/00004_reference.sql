-- References (sqlite/migrations 0006, issue 19): a mention that recalls an
-- earlier event joins its story as a reference, a source and evidence, not
-- another event. The story's window is its reports' (a reference would stretch
-- "11 September 2012" to the whole year), a story known only from references
-- keeps theirs, its evidence is its first report, and recalled counts the
-- articles whose references joined it and recall_start..recall_end their
-- publication days ("recalled by 4 articles, 2013–2014").

-- +goose Up
ALTER TABLE mentions ADD COLUMN reference BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE stories ADD COLUMN recalled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN recall_start DATE;
ALTER TABLE stories ADD COLUMN recall_end DATE;
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

-- mentions stored before: the rule merging applies (merge.IsReference); the
-- update trigger refreshes the stories they are in, the only ones that change
UPDATE mentions SET reference = true
WHERE background OR (claim NOT IN ('planned', 'hypothetical') AND date_end - date_start >= 7);

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
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first
    FROM (SELECT m.story_id, MIN(m.date_start) ds, MAX(m.date_end) de, COUNT(*) n, MIN(m.id) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id = ANY (ids) GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END $$;
-- +goose StatementEnd

ALTER TABLE stories DROP COLUMN recall_end;
ALTER TABLE stories DROP COLUMN recall_start;
ALTER TABLE stories DROP COLUMN recalled;
ALTER TABLE mentions DROP COLUMN reference;
SELECT dyad_stories_refresh(ARRAY(SELECT DISTINCT story_id FROM mentions WHERE story_id <> ''));
