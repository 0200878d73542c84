-- Indexes behind the web pages: actor pages, case-insensitive name filters, dyads, speakers.
CREATE INDEX IF NOT EXISTS events_source_actor ON events(source_actor_id);
CREATE INDEX IF NOT EXISTS events_target_actor ON events(target_actor_id);
CREATE INDEX IF NOT EXISTS events_dyad_nocase ON events(source_name COLLATE NOCASE, target_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS events_target_nocase ON events(target_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS actors_ref ON actors(COALESCE(key, kind || ':' || lower(name)));
CREATE INDEX IF NOT EXISTS quotes_speaker_nocase ON quotes(speaker_name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS quotes_document_start ON quotes(document_id, start);
