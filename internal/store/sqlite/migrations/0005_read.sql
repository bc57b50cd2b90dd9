-- 0005: what the dashboard and the JSON API read. Indexes for the filters,
-- full-text search (FTS5) over evidence sentences and articles, and a stories
-- table (one row per merged story) kept in step with mentions by triggers, so
-- "at least N independent outlets" is an index lookup rather than a GROUP BY
-- over every mention.

CREATE INDEX mentions_story ON mentions(story_id);
-- one index per way into the timeline, each ending in the date so a page
-- is read in order and stops at its end
CREATE INDEX mentions_actor ON mentions(actor_code, date_start);
CREATE INDEX mentions_recip ON mentions(recip_code, date_start);
CREATE INDEX mentions_actor_entity ON mentions(actor_entity, date_start);
CREATE INDEX mentions_recip_entity ON mentions(recip_entity, date_start);
-- covers the dyad series: the dyad and day pick the rows, the rest is read
-- from the index alone
CREATE INDEX mentions_series ON mentions(actor_code, recip_code, date_start, background, quad, score, story_id);
CREATE INDEX articles_outlet ON articles(outlet, id);

CREATE TABLE stories (
    id            TEXT PRIMARY KEY,
    event         TEXT NOT NULL DEFAULT '',
    quad          INTEGER NOT NULL DEFAULT 0,
    actor_code    TEXT NOT NULL DEFAULT '',
    recip_code    TEXT NOT NULL DEFAULT '',
    date_start    TEXT,
    date_end      TEXT,
    mentions      INTEGER NOT NULL DEFAULT 0,
    -- independent outlets: a syndicated copy (dup_of) counts as the outlet
    -- of the article it copies, as in ListMentions
    outlets       INTEGER NOT NULL DEFAULT 0,
    first_mention INTEGER NOT NULL DEFAULT 0 -- the earliest stored mention: its sentence is the story's evidence
);
CREATE INDEX stories_date ON stories(date_start, id);
CREATE INDEX stories_dyad ON stories(actor_code, recip_code, date_start);

-- story_refresh recomputes one story from its mentions. SQLite has no
-- procedures, so the same statement appears in each trigger below.
CREATE TRIGGER mentions_story_ai AFTER INSERT ON mentions WHEN new.story_id <> '' BEGIN
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first
    FROM (SELECT m.story_id, MIN(m.date_start) ds, MAX(m.date_end) de, COUNT(*) n, MIN(m.id) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id = new.story_id GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first
    WHERE true
    ON CONFLICT(id) DO UPDATE SET event = excluded.event, quad = excluded.quad, actor_code = excluded.actor_code,
        recip_code = excluded.recip_code, date_start = excluded.date_start, date_end = excluded.date_end,
        mentions = excluded.mentions, outlets = excluded.outlets, first_mention = excluded.first_mention;
END;

CREATE TRIGGER mentions_story_ad AFTER DELETE ON mentions WHEN old.story_id <> '' BEGIN
    DELETE FROM stories WHERE id = old.story_id;
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first
    FROM (SELECT m.story_id, MIN(m.date_start) ds, MAX(m.date_end) de, COUNT(*) n, MIN(m.id) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id = old.story_id GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END;

-- a story id changed in place (a later merge): refresh both stories
CREATE TRIGGER mentions_story_au AFTER UPDATE OF story_id ON mentions WHEN old.story_id <> new.story_id BEGIN
    DELETE FROM stories WHERE id IN (old.story_id, new.story_id);
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first
    FROM (SELECT m.story_id, MIN(m.date_start) ds, MAX(m.date_end) de, COUNT(*) n, MIN(m.id) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id IN (old.story_id, new.story_id) AND m.story_id <> '' GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END;

-- existing data
INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention)
SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first
FROM (SELECT m.story_id, MIN(m.date_start) ds, MAX(m.date_end) de, COUNT(*) n, MIN(m.id) first,
             COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                 ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o
      FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
      WHERE m.story_id <> '' GROUP BY m.story_id) g
JOIN mentions f ON f.id = g.first;

-- Full-text search. External-content tables: the text lives once, in
-- mentions and articles; the triggers keep the indexes in step.
CREATE VIRTUAL TABLE mentions_fts USING fts5(sentence, content='mentions', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER mentions_fts_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER mentions_fts_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
CREATE TRIGGER mentions_fts_au AFTER UPDATE OF sentence ON mentions BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
    INSERT INTO mentions_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
INSERT INTO mentions_fts(mentions_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
