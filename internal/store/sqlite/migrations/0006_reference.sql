-- 0006: references (issue 19). A mention that recalls an earlier event (history
-- an article recounts, or a window of a week or more) joins that event's story
-- as a reference: a source and evidence, not another event. The story's window
-- is its reports' (a reference would stretch "11 September 2012" to the whole
-- year), a story known only from references keeps theirs, and its evidence is
-- its first report. recalled counts the articles whose references joined it,
-- recall_start..recall_end their publication days ("recalled by 4 articles,
-- 2013–2014").

ALTER TABLE mentions ADD COLUMN reference INTEGER NOT NULL DEFAULT 0;
-- mentions stored before: the rule merging applies (merge.IsReference)
UPDATE mentions SET reference = 1
WHERE background <> 0 OR (claim NOT IN ('planned', 'hypothetical') AND date_start IS NOT NULL AND date_end IS NOT NULL
                          AND julianday(date_end) - julianday(date_start) >= 7);
ALTER TABLE stories ADD COLUMN recalled INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN recall_start TEXT;
ALTER TABLE stories ADD COLUMN recall_end TEXT;
-- series count news, not references: the covering index filters on the flag
DROP INDEX mentions_series;
CREATE INDEX mentions_series ON mentions(actor_code, recip_code, date_start, background, reference, quad, score, story_id);

DROP TRIGGER mentions_story_ai;
DROP TRIGGER mentions_story_ad;
DROP TRIGGER mentions_story_au;

CREATE TRIGGER mentions_story_ai AFTER INSERT ON mentions WHEN new.story_id <> '' BEGIN
    DELETE FROM stories WHERE id = new.story_id;
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention, recalled, recall_start, recall_end)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first, g.r, g.rs, g.re
    FROM (SELECT m.story_id,
                 COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.date_start END), MIN(m.date_start)) ds,
                 COALESCE(MAX(CASE WHEN m.reference = 0 THEN m.date_end END), MAX(m.date_end)) de,
                 COUNT(*) n, COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.id END), MIN(m.id)) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o,
                 COUNT(DISTINCT CASE WHEN m.reference <> 0 THEN m.article_id END) r,
                 MIN(CASE WHEN m.reference <> 0 THEN a.published END) rs, MAX(CASE WHEN m.reference <> 0 THEN a.published END) re
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id = new.story_id GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END;

CREATE TRIGGER mentions_story_ad AFTER DELETE ON mentions WHEN old.story_id <> '' BEGIN
    DELETE FROM stories WHERE id = old.story_id;
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention, recalled, recall_start, recall_end)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first, g.r, g.rs, g.re
    FROM (SELECT m.story_id,
                 COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.date_start END), MIN(m.date_start)) ds,
                 COALESCE(MAX(CASE WHEN m.reference = 0 THEN m.date_end END), MAX(m.date_end)) de,
                 COUNT(*) n, COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.id END), MIN(m.id)) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o,
                 COUNT(DISTINCT CASE WHEN m.reference <> 0 THEN m.article_id END) r,
                 MIN(CASE WHEN m.reference <> 0 THEN a.published END) rs, MAX(CASE WHEN m.reference <> 0 THEN a.published END) re
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id = old.story_id GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END;

-- a story id changed in place (a later merge): refresh both stories
CREATE TRIGGER mentions_story_au AFTER UPDATE OF story_id ON mentions WHEN old.story_id <> new.story_id BEGIN
    DELETE FROM stories WHERE id IN (old.story_id, new.story_id);
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention, recalled, recall_start, recall_end)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first, g.r, g.rs, g.re
    FROM (SELECT m.story_id,
                 COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.date_start END), MIN(m.date_start)) ds,
                 COALESCE(MAX(CASE WHEN m.reference = 0 THEN m.date_end END), MAX(m.date_end)) de,
                 COUNT(*) n, COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.id END), MIN(m.id)) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o,
                 COUNT(DISTINCT CASE WHEN m.reference <> 0 THEN m.article_id END) r,
                 MIN(CASE WHEN m.reference <> 0 THEN a.published END) rs, MAX(CASE WHEN m.reference <> 0 THEN a.published END) re
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id IN (old.story_id, new.story_id) AND m.story_id <> '' GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END;

-- existing data: only stories with a reference change (their date, evidence and
-- recall count); the others keep their row, recalled 0
DELETE FROM stories WHERE id IN (SELECT story_id FROM mentions WHERE reference <> 0 AND story_id <> '');
    INSERT INTO stories (id, event, quad, actor_code, recip_code, date_start, date_end, mentions, outlets, first_mention, recalled, recall_start, recall_end)
    SELECT g.story_id, f.event, f.quad, f.actor_code, f.recip_code, g.ds, g.de, g.n, g.o, g.first, g.r, g.rs, g.re
    FROM (SELECT m.story_id,
                 COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.date_start END), MIN(m.date_start)) ds,
                 COALESCE(MAX(CASE WHEN m.reference = 0 THEN m.date_end END), MAX(m.date_end)) de,
                 COUNT(*) n, COALESCE(MIN(CASE WHEN m.reference = 0 THEN m.id END), MIN(m.id)) first,
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN COALESCE(NULLIF(o.outlet, ''), o.source)
                                     ELSE COALESCE(NULLIF(a.outlet, ''), a.source) END) o,
                 COUNT(DISTINCT CASE WHEN m.reference <> 0 THEN m.article_id END) r,
                 MIN(CASE WHEN m.reference <> 0 THEN a.published END) rs, MAX(CASE WHEN m.reference <> 0 THEN a.published END) re
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id IN (SELECT story_id FROM mentions WHERE reference <> 0 AND story_id <> '') GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
