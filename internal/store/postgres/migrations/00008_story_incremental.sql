-- A story's row kept up to date incrementally (sqlite/migrations 0010, issue
-- 16). The statement trigger of 00003 recomputed every story a statement
-- touched from all its mentions, so storing a story of n mentions article by
-- article cost n² row reads. Now inserted mentions move their stories' rows
-- by themselves alone: the bounds of the reports' and of all mentions'
-- windows and ids (rep_*, all_*: a story's dates and first mention are its
-- reports', else all its mentions'), and the counts of mentions per named
-- outlet (story_outlets) and per article recalling the story
-- (story_recalls), from which outlets and recalled are counted without a
-- pass over the story's mentions. Deletes and moves still recompute the
-- stories they touch (dyad_stories_refresh, now also filling the new columns
-- and counts), once per statement. The values are those of 00006's
-- recompute, NULLs included.

-- +goose Up
-- (idempotent, as every migration here: a schema whose later versions are
-- forgotten runs them again)
ALTER TABLE stories ADD COLUMN IF NOT EXISTS rep_start DATE, ADD COLUMN IF NOT EXISTS rep_end DATE,
    ADD COLUMN IF NOT EXISTS all_start DATE, ADD COLUMN IF NOT EXISTS all_end DATE,
    ADD COLUMN IF NOT EXISTS rep_first BIGINT, ADD COLUMN IF NOT EXISTS all_first BIGINT;

CREATE TABLE IF NOT EXISTS story_outlets (
    story_id TEXT NOT NULL,
    outlet   TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (story_id, outlet)
);

CREATE TABLE IF NOT EXISTS story_recalls (
    story_id   TEXT NOT NULL,
    article_id BIGINT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (story_id, article_id)
);

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
    DELETE FROM story_outlets WHERE story_id = ANY (ids);
    DELETE FROM story_recalls WHERE story_id = ANY (ids);
    INSERT INTO story_outlets (story_id, outlet, n)
    SELECT m.story_id, CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END, COUNT(*)
    FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
    WHERE m.story_id = ANY (ids)
      AND (CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END) IS NOT NULL
    GROUP BY 1, 2;
    INSERT INTO story_recalls (story_id, article_id, n)
    SELECT m.story_id, m.article_id, COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.story_id = ANY (ids) AND m.reference GROUP BY 1, 2;
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention,
                         recalled, recall_start, recall_end, rep_start, rep_end, all_start, all_end, rep_first, all_first)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, COALESCE(g.rs0, g.as0), COALESCE(g.re0, g.ae0), g.n,
           (SELECT COUNT(*) FROM story_outlets so WHERE so.story_id = g.story_id), COALESCE(g.rf, g.af),
           (SELECT COUNT(*) FROM story_recalls sr WHERE sr.story_id = g.story_id), g.rcs, g.rce,
           g.rs0, g.re0, g.as0, g.ae0, g.rf, g.af
    FROM (SELECT m.story_id,
                 MIN(m.date_start) FILTER (WHERE NOT m.reference) rs0, MAX(m.date_end) FILTER (WHERE NOT m.reference) re0,
                 MIN(m.date_start) as0, MAX(m.date_end) ae0,
                 MIN(m.id) FILTER (WHERE NOT m.reference) rf, MIN(m.id) af, COUNT(*) n,
                 MIN(a.published) FILTER (WHERE m.reference) rcs, MAX(a.published) FILTER (WHERE m.reference) rce
          FROM mentions m JOIN articles a ON a.id = m.article_id
          WHERE m.story_id = ANY (ids) GROUP BY m.story_id) g
    JOIN mentions f ON f.id = COALESCE(g.rf, g.af);
END $$;
-- +goose StatementEnd

-- Inserted mentions: their stories' counts and bounds move by them alone.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION dyad_mentions_stories_ins() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids TEXT[] := ARRAY(SELECT DISTINCT story_id FROM new_rows WHERE story_id <> '' ORDER BY 1);
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN NULL;
    END IF;
    -- the refresh's locks, sorted: a story's counts are read and written
    -- by one writer at a time
    PERFORM pg_advisory_xact_lock(hashtextextended('dyad-story:' || x, 0)) FROM unnest(ids) x;
    INSERT INTO story_outlets AS so (story_id, outlet, n)
    SELECT r.story_id, CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END, COUNT(*)
    FROM new_rows r JOIN articles a ON a.id = r.article_id LEFT JOIN articles o ON o.id = a.dup_of
    WHERE r.story_id <> ''
      AND (CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END) IS NOT NULL
    GROUP BY 1, 2
    ON CONFLICT (story_id, outlet) DO UPDATE SET n = so.n + excluded.n;
    INSERT INTO story_recalls AS sr (story_id, article_id, n)
    SELECT r.story_id, r.article_id, COUNT(*) FROM new_rows r JOIN articles a ON a.id = r.article_id
    WHERE r.story_id <> '' AND r.reference GROUP BY 1, 2
    ON CONFLICT (story_id, article_id) DO UPDATE SET n = sr.n + excluded.n;
    -- LEAST and GREATEST pass over NULLs, as MIN and MAX do
    INSERT INTO stories AS s (id, mentions, rep_start, rep_end, all_start, all_end, rep_first, all_first, recall_start, recall_end)
    SELECT r.story_id, COUNT(*),
           MIN(r.date_start) FILTER (WHERE NOT r.reference), MAX(r.date_end) FILTER (WHERE NOT r.reference),
           MIN(r.date_start), MAX(r.date_end), MIN(r.id) FILTER (WHERE NOT r.reference), MIN(r.id),
           MIN(a.published) FILTER (WHERE r.reference), MAX(a.published) FILTER (WHERE r.reference)
    FROM new_rows r JOIN articles a ON a.id = r.article_id
    WHERE r.story_id <> '' GROUP BY r.story_id
    ON CONFLICT (id) DO UPDATE SET mentions = s.mentions + excluded.mentions,
        rep_start = LEAST(s.rep_start, excluded.rep_start), rep_end = GREATEST(s.rep_end, excluded.rep_end),
        all_start = LEAST(s.all_start, excluded.all_start), all_end = GREATEST(s.all_end, excluded.all_end),
        rep_first = LEAST(s.rep_first, excluded.rep_first), all_first = LEAST(s.all_first, excluded.all_first),
        recall_start = LEAST(s.recall_start, excluded.recall_start), recall_end = GREATEST(s.recall_end, excluded.recall_end);
    UPDATE stories s SET date_start = COALESCE(s.rep_start, s.all_start), date_end = COALESCE(s.rep_end, s.all_end),
        first_mention = f.id, event = f.event, quad = f.quad, actor_code = f.actor_code, recip_code = f.recip_code,
        outlets = (SELECT COUNT(*) FROM story_outlets so WHERE so.story_id = s.id),
        recalled = (SELECT COUNT(*) FROM story_recalls sr WHERE sr.story_id = s.id)
    FROM mentions f
    WHERE s.id = ANY (ids) AND f.id = COALESCE(s.rep_first, s.all_first);
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- every stored story, recomputed with the new columns and counts
SELECT dyad_stories_refresh(ARRAY(SELECT DISTINCT story_id FROM mentions WHERE story_id <> ''));

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION dyad_mentions_stories_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dyad_stories_refresh(ARRAY(SELECT DISTINCT story_id FROM new_rows WHERE story_id <> ''));
    RETURN NULL;
END $$;
-- +goose StatementEnd
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
DROP TABLE IF EXISTS story_recalls;
DROP TABLE IF EXISTS story_outlets;
ALTER TABLE stories DROP COLUMN IF EXISTS rep_start, DROP COLUMN IF EXISTS rep_end, DROP COLUMN IF EXISTS all_start,
    DROP COLUMN IF EXISTS all_end, DROP COLUMN IF EXISTS rep_first, DROP COLUMN IF EXISTS all_first;
