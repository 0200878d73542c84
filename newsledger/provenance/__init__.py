"""Quote provenance: trace what the news says back to what officials actually said.

``index`` finds candidate primary-source passages (FTS5, date window, compatible speaker),
``align`` compares words and gives the verdict, ``link`` stores one decision per news quote.
"""

from newsledger.provenance.align import VERDICTS, Alignment, align, quote_pieces
from newsledger.provenance.link import WINDOW_DAYS, Link, Linker, LinkReport, link_ledger
from newsledger.provenance.store import get_link, list_links

__all__ = ["VERDICTS", "WINDOW_DAYS", "Alignment", "Link", "LinkReport", "Linker", "align",
           "get_link", "link_ledger", "list_links", "quote_pieces"]
