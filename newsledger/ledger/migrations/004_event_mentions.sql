-- One event record per real event in a document: the other mentions of the same event
-- ("the attack", "Iran's strike", "the barrage"), each {trigger: {start, end, text},
-- evidence: {start, end, text}}, as a JSON list. The record's own trigger/evidence is the
-- most informative mention.
ALTER TABLE events ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
