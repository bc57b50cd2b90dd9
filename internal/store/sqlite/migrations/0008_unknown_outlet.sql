-- 0008: an unknown outlet is not an outlet (issue 17). A story's independent
-- outlets counted an article without an outlet as one of its own, named by its
-- file path or URL, so two unnamed files made "2 outlets" and passed
-- min_outlets=2. Now an article without an outlet (or a copy of one) counts for
-- none; the reads show its outlet as unknown. The story triggers of 0006 are
-- recreated with that count, and every story's count is recomputed.

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
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '')
                                     ELSE NULLIF(a.outlet, '') END) o,
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
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '')
                                     ELSE NULLIF(a.outlet, '') END) o,
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
                 COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '')
                                     ELSE NULLIF(a.outlet, '') END) o,
                 COUNT(DISTINCT CASE WHEN m.reference <> 0 THEN m.article_id END) r,
                 MIN(CASE WHEN m.reference <> 0 THEN a.published END) rs, MAX(CASE WHEN m.reference <> 0 THEN a.published END) re
          FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
          WHERE m.story_id IN (old.story_id, new.story_id) AND m.story_id <> '' GROUP BY m.story_id) g
    JOIN mentions f ON f.id = g.first;
END;

UPDATE stories SET outlets = (
    SELECT COUNT(DISTINCT CASE WHEN a.dup_of IS NOT NULL THEN NULLIF(o.outlet, '') ELSE NULLIF(a.outlet, '') END)
    FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN articles o ON o.id = a.dup_of
    WHERE m.story_id = stories.id);
