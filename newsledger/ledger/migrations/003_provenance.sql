-- Quote provenance: primary-source passages indexed for search, and one link decision per
-- news quote (verbatim | altered | paraphrase | none) with its word alignment.

-- Full-text index over the quotes of primary sources (transcripts, statements, readouts).
-- rowid = julian day of the source's date * 2^32 + quotes.id, so a date window is a rowid
-- range FTS5 seeks to instead of scanning the whole corpus. Reporters' questions are never
-- sources, so they are not indexed.
CREATE VIRTUAL TABLE source_passages_fts USING fts5(text, tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER source_passages_fts_insert AFTER INSERT ON quotes
WHEN new.speaker_name IS NOT 'Reporter'
     AND (SELECT kind FROM documents WHERE id = new.document_id) <> 'news'
BEGIN
    INSERT INTO source_passages_fts(rowid, text) VALUES (
        COALESCE((SELECT CAST(julianday(substr(published_date, 1, 10)) AS INTEGER)
                  FROM documents WHERE id = new.document_id), 0) * 4294967296 + new.id,
        new.text);
END;

CREATE TRIGGER source_passages_fts_delete AFTER DELETE ON quotes
BEGIN
    DELETE FROM source_passages_fts WHERE rowid =
        COALESCE((SELECT CAST(julianday(substr(published_date, 1, 10)) AS INTEGER)
                  FROM documents WHERE id = old.document_id), 0) * 4294967296 + old.id;
END;

INSERT INTO source_passages_fts(rowid, text)
SELECT COALESCE(CAST(julianday(substr(d.published_date, 1, 10)) AS INTEGER), 0)
       * 4294967296 + q.id, q.text
FROM quotes q JOIN documents d ON d.id = q.document_id
WHERE d.kind <> 'news' AND q.speaker_name IS NOT 'Reporter';

CREATE TABLE provenance_links (
    id INTEGER PRIMARY KEY,
    quote_id INTEGER NOT NULL UNIQUE REFERENCES quotes(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    verdict TEXT NOT NULL,            -- verbatim | altered | paraphrase | none
    score REAL,                       -- share of the quote's words found in the source, 0..1
    source_document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
    source_quote_id INTEGER REFERENCES quotes(id) ON DELETE SET NULL,
    source_start INTEGER,             -- span in the source document's text (first to last
    source_end INTEGER,               -- aligned word; see alignment for each piece)
    source_speaker TEXT,
    relayed_by TEXT,                  -- the source speaker when they report the quoted speaker
    changes TEXT NOT NULL DEFAULT '[]',   -- JSON list of word-level differences
    alignment TEXT NOT NULL DEFAULT '[]', -- JSON list of aligned pieces with both spans
    window_days INTEGER,
    linked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX provenance_links_verdict ON provenance_links(verdict);
CREATE INDEX provenance_links_document ON provenance_links(document_id);
CREATE INDEX provenance_links_source ON provenance_links(source_document_id);
