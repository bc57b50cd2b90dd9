CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    source         TEXT NOT NULL,
    url            TEXT NOT NULL DEFAULT '',
    outlet         TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL DEFAULT '',
    author         TEXT NOT NULL DEFAULT '',
    published      TEXT,              -- YYYY-MM-DD, NULL when unknown
    published_from TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL,
    hash           TEXT NOT NULL UNIQUE,
    simhash        INTEGER NOT NULL,
    -- the four 16-bit bands of simhash: two texts within Hamming distance 3
    -- share at least one band, so near-duplicate candidates are an index hit
    band0          INTEGER NOT NULL,
    band1          INTEGER NOT NULL,
    band2          INTEGER NOT NULL,
    band3          INTEGER NOT NULL,
    dup_of         INTEGER REFERENCES articles(id),
    ingested       TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_band0 ON articles(band0);
CREATE INDEX articles_band1 ON articles(band1);
CREATE INDEX articles_band2 ON articles(band2);
CREATE INDEX articles_band3 ON articles(band3);
