-- dyad watch: validators and health of every polled URL, and the alerts
-- already fired, so a restart neither refetches unchanged feeds nor
-- re-alerts inside a cool-down.
CREATE TABLE watch_feeds (
    url            TEXT PRIMARY KEY,
    etag           TEXT NOT NULL DEFAULT '',
    last_modified  TEXT NOT NULL DEFAULT '',
    last_poll      TEXT NOT NULL DEFAULT '',  -- RFC 3339, '' when never polled
    last_ok        TEXT NOT NULL DEFAULT '',
    last_error     TEXT NOT NULL DEFAULT '',
    failures       INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE watch_alerts (
    id             INTEGER PRIMARY KEY,
    rule           TEXT NOT NULL,
    key            TEXT NOT NULL,             -- what the rule fired for, e.g. the dyad IRN:USA
    fired_at       TEXT NOT NULL,             -- RFC 3339 UTC
    stories        TEXT NOT NULL DEFAULT '[]', -- JSON array of story ids
    payload        TEXT NOT NULL              -- the alert as notified (JSON)
);
CREATE INDEX watch_alerts_rule ON watch_alerts(rule, key, fired_at);
CREATE INDEX watch_alerts_fired ON watch_alerts(fired_at);
