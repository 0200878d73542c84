-- Documents, their regions, and the tables the stages fill (shaped after analysis-json.md).
CREATE TABLE documents (
    id TEXT PRIMARY KEY,              -- sha256 of text
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    text TEXT NOT NULL,
    published_date TEXT,
    published_precision TEXT,
    published_method TEXT,
    published_evidence TEXT,
    kind TEXT NOT NULL DEFAULT 'news',
    author TEXT,
    site TEXT,
    meta TEXT NOT NULL DEFAULT '{}',  -- JSON
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX documents_published ON documents(published_date);

CREATE TABLE regions (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX regions_document ON regions(document_id);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,           -- "a1" inside the analysis record
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    role TEXT,
    key TEXT,                         -- cross-document key
    aliases TEXT NOT NULL DEFAULT '[]',
    UNIQUE (document_id, local_id)
);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX actors_key ON actors(key);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    region TEXT NOT NULL DEFAULT 'body',
    speaker_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    speaker_name TEXT,
    speaker_kind TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    UNIQUE (document_id, local_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    quad_class INTEGER,               -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    cameo TEXT,
    intensity REAL,
    source_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    source_name TEXT,
    source_country TEXT,
    source_sector TEXT,
    source_start INTEGER,
    source_end INTEGER,
    source_text TEXT,
    target_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    target_name TEXT,
    target_country TEXT,
    target_sector TEXT,
    target_start INTEGER,
    target_end INTEGER,
    target_text TEXT,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    date_value TEXT,
    date_precision TEXT,
    date_start INTEGER,
    date_end INTEGER,
    date_text TEXT,
    location_name TEXT,
    location_country TEXT,
    location_lat REAL,
    location_lon REAL,
    location_start INTEGER,
    location_end INTEGER,
    quantities TEXT NOT NULL DEFAULT '[]',   -- JSON list of quantity records
    attributed_to TEXT,               -- local id of the quote ("q7")
    UNIQUE (document_id, local_id)
);
CREATE INDEX events_date ON events(date_value);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_source ON events(source_name);
CREATE INDEX events_target ON events(target_name);
CREATE INDEX events_document ON events(document_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
