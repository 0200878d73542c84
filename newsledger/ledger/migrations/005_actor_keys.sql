-- Ledger-wide actor registry: one row per actor key (actors.key) that identifies a real actor
-- across documents ("person:joe biden", "state:IRN", "igo:group of seven"), with a display
-- name, codes, every alias seen and how many documents name it. Document-local keys
-- ("local:<document>:...", actors the text does not identify) are never registered.
CREATE TABLE actor_keys (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',   -- JSON list of names seen for this key
    documents INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actor_keys_name ON actor_keys(name);

-- Ledgers built before this migration: register the keys they already hold.
INSERT INTO actor_keys (key, name, kind, country, sector, aliases, documents)
SELECT key, MAX(name), MAX(kind), MAX(country), MAX(sector), '[]', COUNT(DISTINCT document_id)
FROM actors
WHERE key IS NOT NULL AND key NOT LIKE 'local:%'
GROUP BY key;
