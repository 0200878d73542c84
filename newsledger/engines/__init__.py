"""Engines run the pipeline over many documents and hand results to one ledger writer."""

from newsledger.engines.local import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
