CREATE TABLE mentions (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,          -- order in the article; (article_id, seq) is unique
    event          TEXT NOT NULL,
    mode           TEXT NOT NULL DEFAULT '',
    cameo          TEXT NOT NULL DEFAULT '',
    quad           INTEGER NOT NULL DEFAULT 0,
    score          REAL NOT NULL DEFAULT 0,
    actor_text     TEXT NOT NULL DEFAULT '',
    actor_entity   TEXT NOT NULL DEFAULT '',
    actor_name     TEXT NOT NULL DEFAULT '',
    actor_code     TEXT NOT NULL DEFAULT '',
    actor_sector   TEXT NOT NULL DEFAULT '',
    recip_text     TEXT NOT NULL DEFAULT '',
    recip_entity   TEXT NOT NULL DEFAULT '',
    recip_name     TEXT NOT NULL DEFAULT '',
    recip_code     TEXT NOT NULL DEFAULT '',
    recip_sector   TEXT NOT NULL DEFAULT '',
    date_start     TEXT,
    date_end       TEXT,
    precision      TEXT NOT NULL DEFAULT '',
    date_text      TEXT NOT NULL DEFAULT '',
    background     INTEGER NOT NULL DEFAULT 0,
    claim          TEXT NOT NULL DEFAULT '',
    reported_by    TEXT NOT NULL DEFAULT '[]', -- JSON array, outermost first
    sentence       TEXT NOT NULL,
    sent_start     INTEGER NOT NULL,
    sent_end       INTEGER NOT NULL,
    trigger        TEXT NOT NULL DEFAULT '',
    confidence     REAL NOT NULL DEFAULT 0,
    location       TEXT NOT NULL DEFAULT '',
    story_id       TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, seq)
);
CREATE INDEX mentions_dyad ON mentions(actor_code, recip_code, date_start);
CREATE INDEX mentions_event ON mentions(event, date_start);
CREATE INDEX mentions_date ON mentions(date_start);
