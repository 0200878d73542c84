-- Incidents: one real-world event, one row, across every document that reports it.
-- incident_events links each event record (one per event per document) to its incident;
-- incidents are numbered once and never renumbered (the id is the public "i<id>").
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,            -- asserted | negated | hypothetical | future | alleged | mixed
    source_name TEXT,
    source_key TEXT,
    source_country TEXT,
    source_sector TEXT,
    target_name TEXT,
    target_key TEXT,
    target_country TEXT,
    target_sector TEXT,
    date_value TEXT,                   -- best date: the earliest consistent report
    date_precision TEXT,               -- day | week | month | year
    date_basis TEXT,                   -- event (a date in the text) | published (report date)
    anchor TEXT NOT NULL,              -- YYYY-MM-DD the linker blocks on (date or first report)
    location_name TEXT,
    location_country TEXT,
    quantities TEXT NOT NULL DEFAULT '[]',  -- JSON: per role and unit, min..max over reports
    first_report TEXT,                 -- publication date of the earliest report
    last_report TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    disputed INTEGER NOT NULL DEFAULT 0,
    disputes TEXT NOT NULL DEFAULT '[]',    -- JSON: [{kind, detail, events: [event row ids]}]
    label TEXT,                        -- the most informative trigger, for listings
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX incidents_block ON incidents(type, anchor);
CREATE INDEX incidents_recent ON incidents(type);  -- (type, id): the latest of a type
CREATE INDEX incidents_date ON incidents(date_value);

CREATE TABLE incident_events (
    event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    score REAL,                        -- similarity to the incident when attached (1 = founder)
    linked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX incident_events_incident ON incident_events(incident_id);
