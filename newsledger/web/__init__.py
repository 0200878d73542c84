"""The ledger in a browser: a JSON API and server-rendered pages (``newsledger serve``)."""

from newsledger.web.app import create_app

__all__ = ["create_app"]
