"""Incidents: one real-world event, one ledger entry, across every document that reports it."""

from newsledger.incidents.link import LinkReport, link_new

__all__ = ["LinkReport", "link_new"]
