-- The relevance gate's verdict kept with the article (sqlite/migrations 0009):
-- why a page that is not news was stored and not coded; '' when it was coded
-- or not judged (articles stored before this migration).

-- +goose Up
ALTER TABLE articles ADD COLUMN IF NOT EXISTS not_news TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE articles DROP COLUMN IF EXISTS not_news;
