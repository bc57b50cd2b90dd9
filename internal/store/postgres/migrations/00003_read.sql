-- The read side (sqlite/migrations 0005): indexes for the dashboard's and
-- the JSON API's filters, full-text search over evidence sentences and
-- articles, and a stories table (one row per merged story).
--
-- stories is a table kept by triggers, not a view: "at least N independent
-- outlets" and the story pages must be index lookups, and PostgreSQL cannot
-- push a join's key into a GROUP BY view, so every event page would
-- aggregate the whole mentions table. The triggers are per statement with
-- transition tables, so a COPY of a whole article's mentions refreshes each
-- story it touches once, not once per row. Several workers may write
-- mentions of one story at once: each refresh first takes a transaction
-- advisory lock per story, so under READ COMMITTED the later refresh runs
-- after the earlier commit and counts both.

-- +goose Up
CREATE INDEX mentions_story ON mentions(story_id);
CREATE INDEX mentions_actor ON mentions(actor_code, date_start);
CREATE INDEX mentions_recip ON mentions(recip_code, date_start);
CREATE INDEX mentions_actor_entity ON mentions(actor_entity, date_start);
CREATE INDEX mentions_recip_entity ON mentions(recip_entity, date_start);
CREATE INDEX mentions_order ON mentions(date_start DESC NULLS LAST, id DESC);
CREATE INDEX mentions_article ON mentions(article_id, seq);

CREATE TABLE stories (
    id            TEXT PRIMARY KEY,
    event         TEXT NOT NULL DEFAULT '',
    quad          INTEGER NOT NULL DEFAULT 0,
    actor_code    TEXT NOT NULL DEFAULT '',
    recip_code    TEXT NOT NULL DEFAULT '',
    date_start    DATE,
    date_end      DATE,
    mentions      INTEGER NOT NULL DEFAULT 0,
    -- independent outlets: a syndicated copy (dup_of) counts as the outlet
    -- of the article it copies, as in ListMentions
    outlets       INTEGER NOT NULL DEFAULT 0,
    first_mention BIGINT NOT NULL DEFAULT 0 -- the earliest stored mention: its sentence is the story's evidence
);
CREATE INDEX stories_date ON stories(date_start DESC NULLS LAST, id COLLATE "C" DESC);
CREATE INDEX stories_dyad ON stories(actor_code, recip_code, date_start);

-- +goose StatementBegin
CREATE FUNCTION dyad_stories_refresh(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
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

-- +goose StatementBegin
CREATE FUNCTION dyad_mentions_stories_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dyad_stories_refresh(ARRAY(SELECT DISTINCT story_id FROM new_rows WHERE story_id <> ''));
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION dyad_mentions_stories_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dyad_stories_refresh(ARRAY(SELECT DISTINCT story_id FROM old_rows WHERE story_id <> ''));
    RETURN NULL;
END $$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION dyad_mentions_stories_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dyad_stories_refresh(ARRAY(
        SELECT story_id FROM old_rows WHERE story_id <> ''
        UNION SELECT story_id FROM new_rows WHERE story_id <> ''));
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE TRIGGER mentions_stories_ins AFTER INSERT ON mentions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dyad_mentions_stories_ins();
CREATE TRIGGER mentions_stories_del AFTER DELETE ON mentions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dyad_mentions_stories_del();
CREATE TRIGGER mentions_stories_upd AFTER UPDATE ON mentions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION dyad_mentions_stories_upd();

-- existing data
SELECT dyad_stories_refresh(ARRAY(SELECT DISTINCT story_id FROM mentions WHERE story_id <> ''));

-- Full-text search: generated tsvector columns with GIN indexes. The
-- 'simple' configuration lowercases without stemming, as SQLite's unicode61
-- tokenizer does, so both stores match the same words.
ALTER TABLE mentions ADD COLUMN sentence_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', sentence)) STORED;
CREATE INDEX mentions_fts ON mentions USING GIN (sentence_tsv);
ALTER TABLE articles ADD COLUMN text_tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED;
CREATE INDEX articles_fts ON articles USING GIN (text_tsv);

-- +goose Down
DROP INDEX articles_fts;
ALTER TABLE articles DROP COLUMN text_tsv;
DROP INDEX mentions_fts;
ALTER TABLE mentions DROP COLUMN sentence_tsv;
DROP TRIGGER mentions_stories_upd ON mentions;
DROP TRIGGER mentions_stories_del ON mentions;
DROP TRIGGER mentions_stories_ins ON mentions;
DROP FUNCTION dyad_mentions_stories_upd();
DROP FUNCTION dyad_mentions_stories_del();
DROP FUNCTION dyad_mentions_stories_ins();
DROP FUNCTION dyad_stories_refresh(TEXT[]);
DROP TABLE stories;
DROP INDEX mentions_article;
DROP INDEX mentions_order;
DROP INDEX mentions_recip_entity;
DROP INDEX mentions_actor_entity;
DROP INDEX mentions_recip;
DROP INDEX mentions_actor;
DROP INDEX mentions_story;
