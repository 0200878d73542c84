"""What an incident says, fused from its reports — and where the reports disagree.

Pure functions over ``Report`` lists: the linker writes their result into ``incidents``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsledger.incidents.compat import DATE_SLACK_DAYS, dates_conflict
from newsledger.incidents.reports import Report, Side, date_interval

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class Summary:
    type: str
    modality: str
    mode: str | None = None
    source: Side = field(default_factory=Side)
    target: Side = field(default_factory=Side)
    date_value: str | None = None
    date_precision: str | None = None
    date_basis: str | None = None
    location_name: str | None = None
    location_country: str | None = None
    quantities: list[dict[str, Any]] = field(default_factory=list)
    first_report: str | None = None
    last_report: str | None = None
    documents: int = 0
    mentions: int = 0
    disputes: list[dict[str, Any]] = field(default_factory=list)
    label: str | None = None
    anchor: str = ""


def _majority(values: list) -> Any:
    """The most frequent non-empty value; ties go to the earliest report."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    best = max(counts.values())
    return next(v for v in values if v and counts[v] == best)


def _side(sides: list[Side]) -> Side:
    ident = _majority([s.key or s.name for s in sides])
    return next((s for s in sides if (s.key or s.name) == ident), Side())


def fuse_modality(reports: list[Report]) -> tuple[str, list[dict[str, Any]]]:
    """Asserted when any report asserts it; a report denying what another asserts is a
    dispute, not a vote."""
    kinds = {r.modality for r in reports}
    disputes = []
    if "asserted" in kinds and "negated" in kinds:
        disputes.append({"kind": "modality", "detail": "one report asserts it, another denies it",
                         "events": [r.event_id for r in reports
                                    if r.modality in ("asserted", "negated")]})
    if "asserted" in kinds:
        return "asserted", disputes
    return _majority([r.modality for r in reports]), disputes


def best_date(reports: list[Report]) -> tuple[str | None, str | None, str | None,
                                               list[dict[str, Any]]]:
    """(value, precision, basis, disputes): the most precise date of the earliest report
    that agrees with most others wins over publication dates; reports that date it
    otherwise are a dispute."""
    dated = [r for r in reports if date_interval(r.date_value, r.date_precision)]
    if not dated:
        published = sorted(r.published[:10] for r in reports if r.published)
        return (published[0], "day", "published", []) if published else (None, None, None, [])
    dated.sort(key=lambda r: (PRECISION_RANK.get(r.date_precision or "day", 9),
                              r.published or "9999", r.event_id))
    sharpest = PRECISION_RANK.get(dated[0].date_precision or "day", 9)
    candidates = [r for r in dated if PRECISION_RANK.get(r.date_precision or "day", 9) == sharpest]
    chosen = max(candidates, key=lambda r: (sum(not dates_conflict(r, o) for o in dated),
                                            -candidates.index(r)))
    off = [r for r in dated if dates_conflict(r, chosen, DATE_SLACK_DAYS)]
    disputes = []
    if off:
        disputes.append({"kind": "date",
                         "detail": f"reports date it {', '.join(sorted({r.date_value for r in off}))}"
                                   f" against {chosen.date_value}",
                         "events": [chosen.event_id] + [r.event_id for r in off]})
    return chosen.date_value, chosen.date_precision, "event", disputes


def _unit(q: dict[str, Any]) -> str:
    unit = (q.get("unit") or "").lower().split()
    return unit[-1] if unit else ""


def reconcile_quantities(reports: list[Report]) -> tuple[list[dict[str, Any]],
                                                        list[dict[str, Any]]]:
    """Per role and unit: the range over reports ("300" vs "hundreds": min..max, approximate
    when any report is); differing figures for the dead or injured are a dispute."""
    groups: dict[tuple[str, str], list[tuple[Report, dict[str, Any]]]] = {}
    for r in reports:
        for q in r.quantities:
            groups.setdefault((q.get("role") or "other", _unit(q)), []).append((r, q))
    out, disputes = [], []
    for (role, unit), items in groups.items():
        values = [q["value"] for _, q in items if q.get("value") is not None]
        entry = {"role": role, "unit": unit or None,
                 "min": min(values) if values else None, "max": max(values) if values else None,
                 "approximate": any(q.get("approximate") or q.get("value") is None
                                    for _, q in items),
                 "texts": sorted({q.get("text") or "" for _, q in items} - {""}),
                 "reports": len({r.event_id for r, _ in items})}
        out.append(entry)
        if values and min(values) != max(values) and role in ("dead", "injured"):
            disputes.append({"kind": "figures",
                             "detail": f"{role} {unit}: reports give "
                                       + ", ".join(f"{v:g}" for v in sorted(set(values))),
                             "events": sorted({r.event_id for r, _ in items})})
    return out, disputes


def summarize(reports: list[Report]) -> Summary:
    """The incident record of a group of reports (earliest stored first)."""
    modality, disputes = fuse_modality(reports)
    value, precision, basis, date_disputes = best_date(reports)
    quantities, figure_disputes = reconcile_quantities(reports)
    published = sorted(r.published[:10] for r in reports if r.published)
    place = _majority([r.location_name for r in reports])
    anchors = sorted(a for a in (r.anchor for r in reports) if a)
    informative = max(reports, key=lambda r: (len(r.words), -r.event_id))
    return Summary(
        type=_majority([r.type for r in reports]), modality=modality,
        mode=_majority([r.mode for r in reports]),
        source=_side([r.source for r in reports]), target=_side([r.target for r in reports]),
        date_value=value, date_precision=precision, date_basis=basis,
        location_name=place,
        location_country=next((r.location_country for r in reports
                               if r.location_name == place), None),
        quantities=quantities,
        first_report=published[0] if published else None,
        last_report=published[-1] if published else None,
        documents=len({r.document_id for r in reports}),
        mentions=sum(r.mentions for r in reports),
        disputes=disputes + date_disputes + figure_disputes,
        label=informative.trigger, anchor=anchors[0] if anchors else "",
    )
