"""Linking event records into incidents, incrementally.

``link_new(conn)`` takes the event rows no incident holds yet, in the order they were stored,
and for each one either attaches it to an existing incident or opens a new one. Incidents are
never renumbered and linked events never move, so re-running changes nothing and ingesting
more documents only adds. Candidates come from an index on (type, anchor day): only incidents
of a compatible type within a window of days (or, for an undated report, the most recent
incidents of that type) are compared — never all pairs over the ledger.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import timedelta

from newsledger.incidents.compat import (
    DEFAULT_WEIGHTS,
    Weights,
    conflicts,
    confusable_pairs,
    similarity,
)
from newsledger.incidents.reports import ContextCache, Report, load_reports, parse_day
from newsledger.incidents.summary import summarize

LINK_BATCH = 2000
"""Events linked per transaction: an interrupted run loses at most one batch of work."""
BLOCK_WINDOW_DAYS = 10
"""Incidents whose anchor day is this close to a report's are its candidates."""
MAX_CANDIDATES = 200
"""At most this many incidents are compared with one report (the most recent first)."""
TOP_MEMBERS = 3
"""A report's similarity to an incident is its mean over the incident's most similar reports:
one look-alike is not enough (chaining), but a large incident is not diluted either."""
MAX_COMPARED_MEMBERS = 40
"""A report's similarity is measured against at most this many (latest) reports of an
incident..."""
MAX_VETO_MEMBERS = 400
"""...and its conflicts against at most this many, so a story reported thousands of times
does not make each new report slower."""


@dataclass
class LinkReport:
    linked: int = 0
    attached: int = 0
    created: int = 0


def compatible_types(etype: str) -> list[str]:
    return sorted({etype} | {t for pair in confusable_pairs() if etype in pair for t in pair})


class Linker:
    """One linking run over a connection: caches the members of the incidents it compares."""

    def __init__(self, conn: sqlite3.Connection, weights: Weights = DEFAULT_WEIGHTS) -> None:
        self.conn = conn
        self.weights = weights
        self.contexts = ContextCache(conn)
        self.members: dict[int, list[Report]] = {}
        self.created: list[int] = []

    def candidates(self, report: Report) -> list[int]:
        """Incidents of a compatible type anchored within the window of days (plus the most
        recent undated ones); for an undated report, the most recent of those types. Each
        query is an index range, so the cost does not grow with the ledger."""
        found: set[int] = set()
        day = parse_day(report.anchor)
        for etype in compatible_types(report.type):
            if day is not None:
                lo = (day - timedelta(days=BLOCK_WINDOW_DAYS)).isoformat()
                hi = (day + timedelta(days=BLOCK_WINDOW_DAYS)).isoformat()
                found.update(row[0] for row in self.conn.execute(
                    "SELECT id FROM incidents WHERE type = ? AND anchor BETWEEN ? AND ?"
                    " ORDER BY anchor DESC LIMIT ?", (etype, lo, hi, MAX_CANDIDATES)))
                recent = "SELECT id FROM incidents WHERE type = ? AND anchor = ''"
            else:
                recent = "SELECT id FROM incidents INDEXED BY incidents_recent WHERE type = ?"
            found.update(row[0] for row in self.conn.execute(
                recent + " ORDER BY id DESC LIMIT ?", (etype, MAX_CANDIDATES)))
        return sorted(found, reverse=True)[:MAX_CANDIDATES]

    def members_of(self, incident_id: int) -> list[Report]:
        if incident_id not in self.members:
            self.members[incident_id] = list(load_reports(
                self.conn, "e.id IN (SELECT event_id FROM incident_events WHERE incident_id = ?)",
                [incident_id], self.contexts))
        return self.members[incident_id]

    def best_incident(self, report: Report) -> tuple[int, float] | None:
        """The most similar candidate none of whose reports rules this one out."""
        best: tuple[int, float] | None = None
        for incident_id in self.candidates(report):
            members = self.members_of(incident_id)
            if any(conflicts(report, m) for m in members[-MAX_VETO_MEMBERS:]):
                continue
            scores = sorted((similarity(report, m, self.weights)
                             for m in members[-MAX_COMPARED_MEMBERS:]), reverse=True)
            top = scores[:TOP_MEMBERS]
            score = sum(top) / len(top)
            if score >= self.weights.threshold and (best is None or score > best[1]):
                best = (incident_id, score)
        return best

    def score(self, reports: list[Report], members: list[Report]) -> float | None:
        """Mean of the TOP_MEMBERS best similarities between two groups of reports; None
        when any pair rules the other out."""
        scores = []
        for report in reports:
            if any(conflicts(report, m) for m in members[-MAX_VETO_MEMBERS:]):
                return None
            scores.extend(similarity(report, m, self.weights)
                          for m in members[-MAX_COMPARED_MEMBERS:])
        top = sorted(scores, reverse=True)[:TOP_MEMBERS]
        return sum(top) / len(top) if top else None

    def refine(self, result: LinkReport) -> tuple[set[int], set[int]]:
        """Fold each incident opened in this batch into an older one it now fits: reports
        that arrived later in the batch can show two early groups are one event. Only
        incidents no earlier run has seen are folded, so no published id changes. Returns
        the folded incidents and those they were folded into."""
        folded: set[int] = set()
        targets: set[int] = set()
        for incident_id in self.created:
            reports = self.members[incident_id]
            best: tuple[int, float] | None = None
            for other in sorted({c for r in reports for c in self.candidates(r)}):
                if other >= incident_id or other in folded:
                    continue
                score = self.score(reports, self.members_of(other))
                if score is not None and score >= self.weights.threshold \
                        and (best is None or score > best[1]):
                    best = (other, score)
            if best is None:
                continue
            self.conn.execute("UPDATE incident_events SET incident_id = ? WHERE incident_id = ?",
                              (best[0], incident_id))
            self.conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
            self.members_of(best[0]).extend(reports)
            folded.add(incident_id)
            targets.add(best[0])
            result.created -= 1
            result.attached += len(reports)
        self.created = []
        return folded, targets - folded

    def link(self, report: Report, result: LinkReport) -> int:
        """Attach ``report`` to its incident (opening one if none fits); returns its id."""
        best = self.best_incident(report)
        if best is None:
            cursor = self.conn.execute(
                "INSERT INTO incidents (type, mode, modality, anchor, label) VALUES (?, ?, ?, ?, ?)",
                (report.type, report.mode, report.modality, report.anchor, report.trigger))
            incident_id, score = cursor.lastrowid, 1.0
            self.members[incident_id] = []
            self.created.append(incident_id)
            result.created += 1
        else:
            incident_id, score = best
            result.attached += 1
            if report.anchor:
                self.conn.execute(
                    "UPDATE incidents SET anchor = ? WHERE id = ? AND (anchor = '' OR anchor > ?)",
                    (report.anchor, incident_id, report.anchor))
        self.conn.execute(
            "INSERT INTO incident_events (event_id, incident_id, score) VALUES (?, ?, ?)",
            (report.event_id, incident_id, round(score, 4)))
        self.members_of(incident_id).append(report)
        result.linked += 1
        return incident_id


def link_new(conn: sqlite3.Connection, weights: Weights = DEFAULT_WEIGHTS,
             batch: int = LINK_BATCH) -> LinkReport:
    """Attach every event not yet in an incident to one (new or existing); commit per batch."""
    linker = Linker(conn, weights)
    result = LinkReport()
    # events are linked in id order and a batch commits whole, so everything up to the
    # highest linked id is linked: start there instead of scanning the whole ledger
    last = conn.execute("SELECT COALESCE(MAX(event_id), 0) FROM incident_events").fetchone()[0]
    while True:
        with conn:
            # take the write lock before reading: another ingest on the same ledger must not
            # read the same unlinked events and link them a second time
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
            reports = list(load_reports(
                conn, "e.id > ? AND NOT EXISTS (SELECT 1 FROM incident_events ie"
                      " WHERE ie.event_id = e.id)", [last], linker.contexts, limit=batch))
            if not reports:
                break
            touched: set[int] = set()
            for report in reports:
                touched.add(linker.link(report, result))
            folded, targets = linker.refine(result)
            for incident_id in sorted((touched | targets) - folded):
                write_summary(conn, incident_id, linker.members_of(incident_id))
            last = reports[-1].event_id
    return result


def write_summary(conn: sqlite3.Connection, incident_id: int, members: list[Report]) -> None:
    """Store the fused record of an incident's reports (its id and members never change)."""
    s = summarize(members)
    conn.execute(
        "UPDATE incidents SET type = ?, mode = ?, modality = ?, source_name = ?, source_key = ?,"
        " source_country = ?, source_sector = ?, target_name = ?, target_key = ?,"
        " target_country = ?, target_sector = ?, date_value = ?, date_precision = ?,"
        " date_basis = ?, anchor = ?, location_name = ?, location_country = ?, quantities = ?,"
        " first_report = ?, last_report = ?, documents = ?, mentions = ?, disputed = ?,"
        " disputes = ?, label = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        " WHERE id = ?",
        (s.type, s.mode, s.modality, s.source.name, s.source.key, s.source.country,
         s.source.sector, s.target.name, s.target.key, s.target.country, s.target.sector,
         s.date_value, s.date_precision, s.date_basis, s.anchor, s.location_name,
         s.location_country, json.dumps(s.quantities), s.first_report, s.last_report,
         s.documents, s.mentions, int(bool(s.disputes)), json.dumps(s.disputes), s.label,
         incident_id),
    )
