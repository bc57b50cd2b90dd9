-- The coder's check of the printed date against the content, kept with the
-- article (sqlite/migrations 0006). Articles stored before it have
-- date_checked = false: their check is unknown, not passed.

-- +goose Up
ALTER TABLE articles
    ADD COLUMN date_checked BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN date_conflict BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN content_start DATE,
    ADD COLUMN content_end DATE,
    ADD COLUMN date_reasons JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN date_inconsistent JSONB NOT NULL DEFAULT '[]';

-- +goose Down
ALTER TABLE articles
    DROP COLUMN date_checked,
    DROP COLUMN date_conflict,
    DROP COLUMN content_start,
    DROP COLUMN content_end,
    DROP COLUMN date_reasons,
    DROP COLUMN date_inconsistent;
