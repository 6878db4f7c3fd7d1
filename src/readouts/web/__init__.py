"""The web app behind ``readouts serve``: paste or upload accounts, compare, read the report.

``create_app(settings)`` returns a FastAPI app. Pages and their twins:

=============================  ==========================================================
``GET /``                      the form: paste or upload two or more accounts
``GET /index.json``            its JSON twin: version, limits, formats, endpoints
``POST /compare``              the form's target; redirects to the report (303)
``GET /report/{id}``           the HTML report, with download links
``GET /report/{id}.json``      its JSON twin (``docs/schema.md``); ``.md`` and ``.html``
                               give the Markdown and the standalone HTML report;
                               ``?download=1`` makes any of them a download
``POST /api/compare``          the REST endpoint: accounts as JSON text (or base64 bytes)
``POST /api/compare/upload``   the same with multipart file uploads
``GET /docs``                  the API reference (offline); ``/openapi.json`` its twin
=============================  ==========================================================

Input is text or uploaded bytes only: no endpoint opens a path named in a request.
Each account may be at most ``Settings.max_bytes`` (default
:data:`readouts.ingest.MAX_BYTES`), a request at most ``Settings.max_request_bytes``;
over either gives a 413. The app answers only to ``Settings.allowed_hosts`` (400
otherwise), refuses cross-site POSTs (403) and bodies slower than
``Settings.body_timeout`` (408). Comparisons run in worker processes, at most one per
core, within ``Settings.time_budget`` (503 past it), and stop when the client goes
away. Every error, from any endpoint, is one JSON shape (:mod:`.errors`). Reports are
kept in memory (the last ``Settings.keep_reports``), so the app is for one analyst on
their own machine: it binds to 127.0.0.1 and has no accounts or logins.

The package: :mod:`.app` (``create_app``, the extension point), :mod:`.pages` (HTML
pages and their twins), :mod:`.api` (the REST models and endpoints), :mod:`.errors`
(the error shape and handlers), :mod:`.results` (comparing and keeping reports),
:mod:`.workers` (the worker processes), :mod:`.server` (binding and serving),
:mod:`.settings` and :mod:`.layout` (the page frame).
"""

from .api import AccountIn, CompareRequest
from .app import create_app
from .errors import error_body, status_for
from .settings import SETTINGS, Settings

__all__ = [
    "SETTINGS",
    "AccountIn",
    "CompareRequest",
    "Settings",
    "create_app",
    "error_body",
    "status_for",
]
