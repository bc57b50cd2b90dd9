-- 0010: a story's row is kept up to date incrementally (issue 16). The
-- triggers of 0008 recomputed the whole story from its mentions at every
-- mention inserted, so storing a story of n mentions cost n² row reads.
-- Now an inserted mention updates its story's row from what the row holds:
-- the bounds of its reports' and of all its mentions' windows and ids
-- (rep_*, all_*: the story's dates and first mention are the reports', else
-- all mentions'), and the counts of its mentions per named outlet
-- (story_outlets) and per article recalling it (story_recalls, with the
-- article's publication day), from which outlets and recalled are counted
-- without a pass over its mentions. A mention deleted or moved to another
-- story asks for a full recompute of the stories it touches (story_refresh);
-- a writer that deletes or moves many mentions at once holds the triggers
-- (story_hold) and asks for each story once. The values are those of 0008's
-- recompute, NULLs included.

ALTER TABLE stories ADD COLUMN rep_start TEXT;
ALTER TABLE stories ADD COLUMN rep_end TEXT;
ALTER TABLE stories ADD COLUMN all_start TEXT;
ALTER TABLE stories ADD COLUMN all_end TEXT;
ALTER TABLE stories ADD COLUMN rep_first INTEGER;
ALTER TABLE stories ADD COLUMN all_first INTEGER;

CREATE TABLE story_outlets (
    story_id TEXT NOT NULL,
    outlet   TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (story_id, outlet)
) WITHOUT ROWID;

CREATE TABLE story_recalls (
    story_id   TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;

-- a row here while a writer moves or deletes many mentions: the per-row
-- triggers stand aside and the writer refreshes each story once
CREATE TABLE story_hold (held INTEGER NOT NULL);

-- inserting a story id here recomputes that story from its mentions (the
-- one copy of the full recompute, for the triggers below and the writers)
CREATE TABLE story_refresh (id TEXT NOT NULL);

CREATE TRIGGER story_refresh_ai AFTER INSERT ON story_refresh BEGIN
    DELETE FROM stories WHERE id = new.id;
    DELETE FROM story_outlets WHERE story_id = new.id;
    DELETE FROM story_recalls WHERE story_id = new.id;
    INSERT INTO story_outlets (story_id, outlet, n)
    SELECT m.story_id, CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END, COUNT(*)
    FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
    WHERE m.story_id = new.id
      AND (CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END) IS NOT NULL
    GROUP BY 1, 2;
    INSERT INTO story_recalls (story_id, article_id, n)
    SELECT m.story_id, m.article_id, COUNT(*) FROM mentions m
    WHERE m.story_id = new.id AND m.reference <> 0 GROUP BY m.story_id, m.article_id;
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention,
                         recalled, recall_start, recall_end, rep_start, rep_end, all_start, all_end, rep_first, all_first)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, COALESCE(g.rs0, g.as0), COALESCE(g.re0, g.ae0), g.n,
           (SELECT COUNT(*) FROM story_outlets WHERE story_id = new.id), COALESCE(g.rf, g.af),
           (SELECT COUNT(*) FROM story_recalls WHERE story_id = new.id), g.rcs, g.rce,
           g.rs0, g.re0, g.as0, g.ae0, g.rf, g.af
    FROM (SELECT m.story_id,
                 MIN(CASE WHEN m.reference = 0 THEN m.date_start END) rs0, MAX(CASE WHEN m.reference = 0 THEN m.date_end END) re0,
                 MIN(m.date_start) as0, MAX(m.date_end) ae0,
                 MIN(CASE WHEN m.reference = 0 THEN m.id END) rf, MIN(m.id) af, COUNT(*) n,
                 MIN(CASE WHEN m.reference <> 0 THEN a.published END) rcs, MAX(CASE WHEN m.reference <> 0 THEN a.published END) rce
          FROM mentions m JOIN articles a ON a.id = m.article_id
          WHERE m.story_id = new.id GROUP BY m.story_id) g
    JOIN mentions f ON f.id = COALESCE(g.rf, g.af);
    DELETE FROM story_refresh WHERE id = new.id;
END;

DROP TRIGGER mentions_story_ai;
DROP TRIGGER mentions_story_ad;
DROP TRIGGER mentions_story_au;

-- An inserted mention: its story's counts and bounds move by it alone, in
-- one upsert of the story's row (excluded is the row the mention alone
-- would make). The outlet and recall counts rise when the mention brings an
-- outlet or a recalling article the story did not have (asked before they
-- are noted). A story's first mention is the earliest report, else the
-- earliest mention: when it changes, it is the new mention, whose type and
-- countries the story then takes.
CREATE TRIGGER mentions_story_ai AFTER INSERT ON mentions
WHEN new.story_id <> '' AND NOT EXISTS (SELECT 1 FROM story_hold) BEGIN
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention,
                         recalled, recall_start, recall_end, rep_start, rep_end, all_start, all_end, rep_first, all_first)
    SELECT new.story_id, new.event, new.quad, new.actor_code, new.recip_code, new.date_start, new.date_end, 1,
           x.outlet IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM story_outlets so WHERE so.story_id = new.story_id AND so.outlet = x.outlet),
           new.id,
           new.reference <> 0 AND NOT EXISTS (
               SELECT 1 FROM story_recalls WHERE story_id = new.story_id AND article_id = new.article_id),
           CASE WHEN new.reference <> 0 THEN x.published END, CASE WHEN new.reference <> 0 THEN x.published END,
           CASE WHEN new.reference = 0 THEN new.date_start END, CASE WHEN new.reference = 0 THEN new.date_end END,
           new.date_start, new.date_end, CASE WHEN new.reference = 0 THEN new.id END, new.id
    FROM (SELECT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END outlet, a.published
          FROM articles a LEFT JOIN articles o ON o.id = a.dup_of WHERE a.id = new.article_id) x
    WHERE true
    ON CONFLICT (id) DO UPDATE SET
        mentions = mentions + 1,
        outlets = outlets + excluded.outlets,
        recalled = recalled + excluded.recalled,
        recall_start = COALESCE(MIN(recall_start, excluded.recall_start), recall_start, excluded.recall_start),
        recall_end = COALESCE(MAX(recall_end, excluded.recall_end), recall_end, excluded.recall_end),
        rep_start = COALESCE(MIN(rep_start, excluded.rep_start), rep_start, excluded.rep_start),
        rep_end = COALESCE(MAX(rep_end, excluded.rep_end), rep_end, excluded.rep_end),
        all_start = COALESCE(MIN(all_start, excluded.all_start), all_start, excluded.all_start),
        all_end = COALESCE(MAX(all_end, excluded.all_end), all_end, excluded.all_end),
        rep_first = COALESCE(MIN(rep_first, excluded.rep_first), rep_first, excluded.rep_first),
        all_first = COALESCE(MIN(all_first, excluded.all_first), all_first, excluded.all_first),
        date_start = COALESCE(COALESCE(MIN(rep_start, excluded.rep_start), rep_start, excluded.rep_start), COALESCE(MIN(all_start, excluded.all_start), all_start, excluded.all_start)),
        date_end = COALESCE(COALESCE(MAX(rep_end, excluded.rep_end), rep_end, excluded.rep_end), COALESCE(MAX(all_end, excluded.all_end), all_end, excluded.all_end)),
        first_mention = COALESCE(COALESCE(MIN(rep_first, excluded.rep_first), rep_first, excluded.rep_first), COALESCE(MIN(all_first, excluded.all_first), all_first, excluded.all_first)),
        event = CASE WHEN COALESCE(COALESCE(MIN(rep_first, excluded.rep_first), rep_first, excluded.rep_first), COALESCE(MIN(all_first, excluded.all_first), all_first, excluded.all_first)) = excluded.first_mention THEN excluded.event ELSE event END,
        quad = CASE WHEN COALESCE(COALESCE(MIN(rep_first, excluded.rep_first), rep_first, excluded.rep_first), COALESCE(MIN(all_first, excluded.all_first), all_first, excluded.all_first)) = excluded.first_mention THEN excluded.quad ELSE quad END,
        actor_code = CASE WHEN COALESCE(COALESCE(MIN(rep_first, excluded.rep_first), rep_first, excluded.rep_first), COALESCE(MIN(all_first, excluded.all_first), all_first, excluded.all_first)) = excluded.first_mention THEN excluded.actor_code ELSE actor_code END,
        recip_code = CASE WHEN COALESCE(COALESCE(MIN(rep_first, excluded.rep_first), rep_first, excluded.rep_first), COALESCE(MIN(all_first, excluded.all_first), all_first, excluded.all_first)) = excluded.first_mention THEN excluded.recip_code ELSE recip_code END;
    INSERT INTO story_outlets (story_id, outlet, n)
    SELECT new.story_id, x.outlet, 1
    FROM (SELECT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END outlet
          FROM articles a LEFT JOIN articles o ON o.id = a.dup_of WHERE a.id = new.article_id) x
    WHERE x.outlet IS NOT NULL
    ON CONFLICT (story_id, outlet) DO UPDATE SET n = n + 1;
    INSERT INTO story_recalls (story_id, article_id, n)
    SELECT new.story_id, new.article_id, 1 WHERE new.reference <> 0
    ON CONFLICT (story_id, article_id) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER mentions_story_ad AFTER DELETE ON mentions
WHEN old.story_id <> '' AND NOT EXISTS (SELECT 1 FROM story_hold) BEGIN
    INSERT INTO story_refresh (id) VALUES (old.story_id);
END;

-- a story id changed in place (a later merge): refresh both stories
CREATE TRIGGER mentions_story_au AFTER UPDATE OF story_id ON mentions
WHEN old.story_id <> new.story_id AND NOT EXISTS (SELECT 1 FROM story_hold) BEGIN
    INSERT INTO story_refresh (id) SELECT old.story_id WHERE old.story_id <> '';
    INSERT INTO story_refresh (id) SELECT new.story_id WHERE new.story_id <> '';
END;

-- every stored story, recomputed with the new columns and counts
INSERT INTO story_refresh (id) SELECT DISTINCT story_id FROM mentions WHERE story_id <> '';
