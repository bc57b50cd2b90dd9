-- 0011: a write transaction fills the full-text indexes once, at its end
-- (issue 16). FTS5 writes its pending index to disk at every savepoint, and
-- inside a transaction every statement that fires the full-text triggers
-- opens one (its statement journal), as does each document of a batch
-- (a unit's SAVEPOINT): a bulk load wrote a small index segment per
-- statement, which SQLite then merged again (a third of the writer's
-- time). While a writer holds fts_hold (store/sqlite.write: set after BEGIN,
-- cleared before COMMIT, so never seen by another connection nor left by a
-- crash), inserted rows are noted in fts_pending_* instead and indexed in
-- one statement before the commit. A noted row deleted or changed before
-- then is dropped from the note or left to it: it was never indexed, so the
-- external-content 'delete' (which needs the indexed values) must not run.

CREATE TABLE fts_hold (held INTEGER NOT NULL);
CREATE TABLE fts_pending_mentions (id INTEGER PRIMARY KEY);
CREATE TABLE fts_pending_articles (id INTEGER PRIMARY KEY);

DROP TRIGGER mentions_fts_ai;
DROP TRIGGER mentions_fts_ad;
DROP TRIGGER mentions_fts_au;
DROP TRIGGER articles_fts_ai;
DROP TRIGGER articles_fts_ad;
DROP TRIGGER articles_fts_au;

CREATE TRIGGER mentions_fts_ai AFTER INSERT ON mentions WHEN NOT EXISTS (SELECT 1 FROM fts_hold) BEGIN
    INSERT INTO mentions_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER mentions_fts_held_ai AFTER INSERT ON mentions WHEN EXISTS (SELECT 1 FROM fts_hold) BEGIN
    INSERT INTO fts_pending_mentions (id) VALUES (new.id);
END;
-- one trigger, so that the note is asked before it is dropped
CREATE TRIGGER mentions_fts_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, sentence)
    SELECT 'delete', old.id, old.sentence WHERE NOT EXISTS (SELECT 1 FROM fts_pending_mentions WHERE id = old.id);
    DELETE FROM fts_pending_mentions WHERE id = old.id;
END;
CREATE TRIGGER mentions_fts_au AFTER UPDATE OF sentence ON mentions
WHEN NOT EXISTS (SELECT 1 FROM fts_pending_mentions WHERE id = old.id) BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
    INSERT INTO mentions_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;

CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles WHEN NOT EXISTS (SELECT 1 FROM fts_hold) BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_held_ai AFTER INSERT ON articles WHEN EXISTS (SELECT 1 FROM fts_hold) BEGIN
    INSERT INTO fts_pending_articles (id) VALUES (new.id);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    SELECT 'delete', old.id, old.title, old.text WHERE NOT EXISTS (SELECT 1 FROM fts_pending_articles WHERE id = old.id);
    DELETE FROM fts_pending_articles WHERE id = old.id;
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_pending_articles WHERE id = old.id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
