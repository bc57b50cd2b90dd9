-- why a mention joined its story, so `dyad stories show` can explain merges
ALTER TABLE mentions ADD COLUMN story_why TEXT NOT NULL DEFAULT '';
