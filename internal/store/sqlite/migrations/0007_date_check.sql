-- 0006: the coder's check of the printed date against the content, kept
-- with the article (issue 17). Articles stored before it have
-- date_checked = 0: their check is unknown, not passed.
ALTER TABLE articles ADD COLUMN date_checked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN date_conflict INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN content_start TEXT;  -- YYYY-MM-DD, NULL when the content names no dated role
ALTER TABLE articles ADD COLUMN content_end TEXT;
ALTER TABLE articles ADD COLUMN date_reasons TEXT NOT NULL DEFAULT '[]';      -- JSON array of strings
ALTER TABLE articles ADD COLUMN date_inconsistent TEXT NOT NULL DEFAULT '[]'; -- JSON array of strings
