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
over either gives a 413. Every error, from any endpoint, is one JSON shape (an HTML page
with the same message when a browser asks for HTML)::

    {"ok": false, "error": "the input is 6,000,000 bytes; the limit is 5,000,000",
     "errors": ["..."], "status": 413}

Library errors map to status codes in :func:`status_for` (``InputError`` 400,
``TooLargeError`` 413, ``LanguageError`` 422, ``ModelUnavailable`` 503, ...).

Reports are kept in memory (the last ``Settings.keep_reports``), so the app is for one
analyst on their own machine: it binds to 127.0.0.1 and has no accounts or logins.

Extension point: ``create_app(routers=[...])`` mounts extra ``APIRouter`` s (each may add
nav links with ``nav=[(label, href)]``). Browsing a corpus database
(:mod:`readouts.corpus`) is meant to come in that way, as its own module with its own
router, without touching the comparison routes here.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from html import escape
from pathlib import PurePosixPath, PureWindowsPath
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .embed import Embedder, default_embedder, get_embedder
from .errors import (
    ConfigError,
    InputError,
    LanguageError,
    LexiconError,
    ModelUnavailable,
    ReadoutsError,
    TooLargeError,
)
from .ingest import MAX_BYTES, account_from_bytes
from .lexicon import Lexicon, default_lexicon
from .model import Account, Comparison
from .report import render
from .report.html import asset, content_security_policy

__all__ = [
    "SETTINGS",
    "AccountIn",
    "CompareRequest",
    "Settings",
    "create_app",
    "error_body",
    "status_for",
]

FORMATS = {"json": "json", "md": "markdown", "html": "html"}
MEDIA = {
    "json": "application/json; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "terminal": "text/plain; charset=utf-8",
}


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """The app's settings; ``readouts serve`` sets them from its options."""

    max_bytes: int = field(
        default=MAX_BYTES, metadata={"help": "Largest account, text or file, in bytes."}
    )
    max_accounts: int = field(default=8, metadata={"help": "Most accounts in one comparison."})
    max_request_bytes: int = field(
        default=0,
        metadata={
            "help": "Largest request body in bytes; 0 means enough for max_accounts "
            "accounts of max_bytes, base64-encoded."
        },
    )
    keep_reports: int = field(
        default=64, metadata={"help": "How many reports are kept in memory for viewing."}
    )
    embedder: str = field(
        default="",
        metadata={"help": "Embedder registry name; '' means READOUTS_EMBEDDER or usem3.v1."},
    )

    @property
    def request_limit(self) -> int:
        if self.max_request_bytes > 0:
            return self.max_request_bytes
        return self.max_accounts * (self.max_bytes * 4 // 3 + 4096) + 65536

    def __post_init__(self) -> None:
        for f in ("max_bytes", "max_accounts", "keep_reports"):
            if getattr(self, f) < 1:
                raise ConfigError(f"the app setting {f} must be at least 1")
        if self.max_accounts < 2:
            raise ConfigError("the app setting max_accounts must be at least 2")


#: Every setting with its default and help (shown by /index.json).
SETTINGS: dict[str, tuple[Any, str]] = {
    f.name: (f.default, f.metadata["help"]) for f in fields(Settings)
}


# --------------------------------------------------------------------------- errors


class HTTPError(Exception):
    """An error the app raises itself, with its status code."""

    def __init__(self, status: int, message: str, errors: Sequence[str] = ()):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = list(errors) or [message]


class _BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"the request is over the limit of {limit:,} bytes")


#: Library errors to HTTP statuses, most specific first; anything else is a 500.
_STATUS: tuple[tuple[type[ReadoutsError], int], ...] = (
    (TooLargeError, 413),
    (InputError, 400),
    (LanguageError, 422),
    (ConfigError, 400),
    (LexiconError, 400),
    (ModelUnavailable, 503),
)


def status_for(exc: ReadoutsError) -> int:
    """The HTTP status of a library error (``StorageError`` and the rest: 500)."""
    return next((status for cls, status in _STATUS if isinstance(exc, cls)), 500)


def error_body(status: int, message: str, errors: Sequence[str] = ()) -> dict[str, Any]:
    """The one error shape: ``{"ok": false, "error", "errors", "status"}``."""
    return {"ok": False, "error": message, "errors": list(errors) or [message], "status": status}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _error_response(
    request: Request, status: int, message: str, errors: Sequence[str] = ()
) -> Response:
    body = error_body(status, message, errors)
    if _wants_html(request):
        items = "".join(f"<li>{escape(e)}</li>" for e in body["errors"] if e != message)
        more = f"<ul>{items}</ul>" if items else ""
        return _page(
            f"Error {status}",
            f'<div class="error" role="alert"><p><strong>Error {status}:</strong> '
            f"{escape(message)}</p>{more}</div>"
            '<p><a href="/">Back to the form</a></p>',
            status=status,
        )
    return JSONResponse(body, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    async def readouts_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ReadoutsError)
        return _error_response(request, status_for(exc), str(exc))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPError)
        return _error_response(request, exc.status, exc.message, exc.errors)

    async def starlette_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return _error_response(request, exc.status_code, str(exc.detail))

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [
            ".".join(str(p) for p in e.get("loc", ())) + ": " + str(e.get("msg", ""))
            for e in exc.errors()
        ]
        return _error_response(request, 422, "invalid request: " + errors[0], errors)

    async def unexpected(request: Request, exc: Exception) -> Response:
        # the server logs the traceback (the exception is raised again after this answer)
        return _error_response(
            request, 500, f"internal error: {exc.__class__.__name__} (see the server log)"
        )

    app.add_exception_handler(ReadoutsError, readouts_error)
    app.add_exception_handler(HTTPError, http_error)
    app.add_exception_handler(StarletteHTTPException, starlette_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected)


class _Guard:
    """ASGI middleware: the request-size limit (413) and security headers on every answer."""

    HEADERS = (
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    )

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            body = json.dumps(error_body(413, str(_BodyTooLarge(self.limit).detail))).encode()
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": 413,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close"),
                    ],
                }
            )
            await send_with_headers({"type": "http.response.body", "body": body})
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLarge(self.limit)
            return message

        await self.app(scope, limited, send_with_headers)


# --------------------------------------------------------------------------- API models


class AccountIn(BaseModel):
    """One account: its text, or the bytes of a file (base64). Never a path."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        None, description="The account as text: plain, Markdown with front matter, or HTML."
    )
    content_base64: str | None = Field(
        None, description="The bytes of a file, base64-encoded (PDF, GB18030, Big5...)."
    )
    filename: str = Field(
        "",
        max_length=255,
        description="The file's name, used only to tell its format (.pdf, .html, .md); "
        "nothing is opened.",
    )
    id: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9_.-]{1,64}$",
        description="An id for the account (default: from the filename or the party).",
    )
    party: str = Field("", max_length=100, description="Who issued it, e.g. NATO or China.")
    language: Literal["en", "zh"] | None = Field(None, description="Default: detected.")


class CompareRequest(BaseModel):
    """Two or more accounts of one meeting to compare."""

    model_config = ConfigDict(extra="forbid")

    accounts: list[AccountIn] = Field(min_length=2, description="Two or more accounts.")
    method: Literal["readouts", "baseline"] = "readouts"
    format: Literal["json", "markdown", "html", "terminal"] = Field(
        "json",
        description="json: the envelope below; otherwise the report itself in that format.",
    )


class CompareOut(BaseModel):
    """A comparison made: its id, links to every rendering, and the comparison itself."""

    ok: bool = True
    id: str
    accounts: list[str]
    score: dict[str, Any] | None = Field(None, description="The score (docs/schema.md).")
    links: dict[str, str]
    comparison: dict[str, Any] = Field(description="The comparison JSON (docs/schema.md).")


class ErrorOut(BaseModel):
    """The one shape of every error."""

    ok: bool = False
    error: str
    errors: list[str]
    status: int


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": what}
    for code, what in (
        (400, "Bad input: empty, binary, undecodable, the same account twice, bad options"),
        (413, "An account or the request is over the size limit"),
        (422, "A language other than English or Chinese, or a malformed request"),
        (501, "More than two accounts, before readouts.multi is installed"),
        (503, "The sentence encoder cannot be loaded"),
    )
}


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Result:
    """A comparison kept for viewing: two accounts (``pair``) or several sides."""

    id: str
    value: Any  # a Comparison, or readouts.multi's result
    accounts: tuple[str, ...]

    @property
    def is_pair(self) -> bool:
        return isinstance(self.value, Comparison)

    def render(self, fmt: str, **options: Any) -> str:
        if self.is_pair:
            return render(self.value, fmt, **options)
        from .multi import render_sides

        return render_sides(self.value, fmt)

    def to_dict(self) -> dict[str, Any]:
        if hasattr(self.value, "to_dict"):
            return dict(self.value.to_dict())
        return dict(json.loads(self.render("json")))

    def links(self) -> dict[str, str]:
        base = f"/report/{self.id}"
        return {
            "html": base,
            "json": base + ".json",
            "markdown": base + ".md",
            "download_json": base + ".json?download=1",
            "download_markdown": base + ".md?download=1",
            "download_html": base + ".html?download=1",
        }


class ReportStore:
    """The last ``size`` results, by id (thread-safe)."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, Result] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, value: Any, accounts: Sequence[str]) -> Result:
        result = Result(secrets.token_urlsafe(9), value, tuple(accounts))
        with self._lock:
            self._items[result.id] = result
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return result

    def get(self, rid: str) -> Result:
        with self._lock:
            result = self._items.get(rid)
        if result is None:
            raise HTTPError(404, f"no report {rid!r} (reports are kept in memory for a while)")
        return result


# --------------------------------------------------------------------------- comparing


@dataclass(frozen=True)
class Submitted:
    """One account as received: bytes with a name, or text."""

    data: bytes
    name: str
    party: str = ""
    id: str | None = None
    language: str | None = None


def _slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", value).strip("_.")[:64]


def _basename(filename: str) -> str:
    """The last part of an uploaded file's name: a label and a format hint, never a path."""
    name = PureWindowsPath(PurePosixPath(filename).name).name
    return name.strip()[:255]


class Comparer:
    """Turns submitted accounts into a stored result; one comparison runs at a time."""

    def __init__(self, settings: Settings, lexicon: Lexicon, embedder: Embedder | None):
        self.settings = settings
        self.lexicon = lexicon
        self._embedder = embedder
        self._lock = threading.Lock()
        self.store = ReportStore(settings.keep_reports)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            name = self.settings.embedder
            self._embedder = get_embedder(name) if name else default_embedder()
        return self._embedder

    def accounts(self, items: Sequence[Submitted]) -> list[Account]:
        if len(items) < 2:
            raise InputError("give at least two accounts to compare")
        if len(items) > self.settings.max_accounts:
            raise InputError(
                f"{len(items)} accounts; this app compares at most {self.settings.max_accounts}"
            )
        out: list[Account] = []
        used: set[str] = set()
        for n, item in enumerate(items, start=1):
            if len(item.data) > self.settings.max_bytes:
                raise TooLargeError(
                    f"account {n} is {len(item.data):,} bytes; the limit is "
                    f"{self.settings.max_bytes:,}",
                    path=item.name or None,
                    stage="ingest",
                )
            stem = _slug(PurePosixPath(item.name).stem)
            base = item.id or (stem if stem and not stem.isdigit() else f"account{n}")
            ident, k = base, 2
            while ident in used:
                ident, k = f"{base}_{k}", k + 1
            used.add(ident)
            out.append(
                account_from_bytes(
                    item.data,
                    name=item.name or f"{ident}.txt",
                    id=ident,
                    party=item.party,
                    language=item.language,
                )
            )
        return out

    def compare(self, items: Sequence[Submitted], method: str = "readouts") -> Result:
        """Read and compare the accounts (blocking: call it from a worker thread)."""
        accounts = self.accounts(items)
        with self._lock:
            if len(accounts) == 2:
                from .compare import compare

                value: Any = compare(
                    accounts[0],
                    accounts[1],
                    lexicon=self.lexicon,
                    embedder=self.embedder,
                    method=method,
                )
            else:
                value = self._compare_sides(accounts, [i.party for i in items])
        return self.store.add(value, [a.id for a in accounts])

    def _compare_sides(self, accounts: Sequence[Account], parties: Sequence[str]) -> Any:
        # Three or more accounts (several sides, or language versions of one side's
        # statement) go to readouts.multi: accounts with the same party form one side, an
        # account with no party is a side of its own. Without that module: a clear 501.
        if not _multi_available():
            raise HTTPError(
                501,
                "comparing more than two accounts needs readouts.multi, which this "
                "installation does not have; give exactly two accounts",
            )
        from .multi import compare_sides

        sides: dict[str, list[Account]] = {}
        for account, party in zip(accounts, parties, strict=True):
            sides.setdefault(party.strip() or account.id, []).append(account)
        return compare_sides(sides, lexicon=self.lexicon, embedder=self.embedder)

    async def run(self, items: Sequence[Submitted], method: str = "readouts") -> Result:
        return await anyio.to_thread.run_sync(self.compare, items, method)


def _multi_available() -> bool:
    """Whether readouts.multi (three or more accounts) is installed."""
    import importlib.util

    return importlib.util.find_spec("readouts.multi") is not None


def _decode_base64(value: str, n: int) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise InputError(f"account {n}: content_base64 is not valid base64") from None


def _from_json(body: CompareRequest) -> list[Submitted]:
    items = []
    for n, acc in enumerate(body.accounts, start=1):
        if (acc.text is None) == (acc.content_base64 is None):
            raise InputError(f"account {n}: give either text or content_base64")
        data = (
            acc.text.encode("utf-8")
            if acc.text is not None
            else _decode_base64(acc.content_base64 or "", n)
        )
        name = _basename(acc.filename) or f"{acc.id or _slug(acc.party.lower()) or n}.txt"
        items.append(Submitted(data, name, acc.party.strip(), acc.id, acc.language))
    return items


async def _read_upload(upload: StarletteUploadFile, limit: int, n: int) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(
            f"account {n} is over the limit of {limit:,} bytes",
            path=_basename(upload.filename or "") or None,
            stage="ingest",
        )
    return data


# --------------------------------------------------------------------------- pages


def _page(
    title: str, body: str, *, status: int = 200, nav: Sequence[tuple[str, str]] = ()
) -> Response:
    style, script = asset("app.css"), asset("app.js")
    policy = content_security_policy(styles=[style], scripts=[script], form_action="'self'")
    links = [("New comparison", "/"), ("API", "/docs"), *nav]
    menu = "".join(f'<a href="{escape(h)}">{escape(label)}</a>' for label, h in links)
    page = (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} — readouts</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f'<nav aria-label="Site">{menu}</nav>\n<main>\n<h1>{escape(title)}</h1>\n{body}\n'
        f"</main>\n<script>{script}</script>\n</body>\n</html>\n"
    )
    return HTMLResponse(page, status_code=status, headers={"content-security-policy": policy})


def _account_fieldset(n: int | str) -> str:
    return (
        f"<fieldset><legend>Account {n}</legend>\n"
        f'<label for="party-{n}">Side that issued it (optional, e.g. NATO, China)</label>\n'
        f'<input type="text" id="party-{n}" name="party-{n}" maxlength="100">\n'
        f'<label for="file-{n}">Upload a file (text, Markdown, HTML or PDF)</label>\n'
        f'<input type="file" id="file-{n}" name="file-{n}" '
        'accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/html,application/pdf">\n'
        f'<label for="text-{n}">or paste the text</label>\n'
        f'<textarea id="text-{n}" name="text-{n}" spellcheck="false"></textarea>\n'
        "</fieldset>\n"
    )


def _index(settings: Settings, nav: Sequence[tuple[str, str]]) -> Response:
    slots = "".join(_account_fieldset(n) for n in (1, 2))
    several = (
        "With three or more accounts, those with the same side are read as versions of "
        "one side's account (say, its English and Chinese texts)."
        if _multi_available()
        else "Three or more accounts need readouts.multi, which is not installed."
    )
    mb = settings.max_bytes / 1_000_000
    body = (
        '<p class="muted">Paste or upload the accounts each side published of one meeting, '
        "in English or Chinese. readouts aligns them claim by claim and shows what both report, "
        "what only one reports and where they clash.</p>\n"
        '<form method="post" action="/compare" enctype="multipart/form-data">\n'
        f'<div class="accounts" id="accounts">\n{slots}</div>\n'
        f'<template id="account-template">{_account_fieldset("__N__")}</template>\n'
        '<div class="actions">\n'
        '<button type="submit" id="compare">Compare</button>\n'
        f'<button type="button" class="secondary" id="add-account" '
        f'data-max="{settings.max_accounts}">Add another account</button>\n'
        '<label for="method" class="muted">Method</label>\n'
        '<select id="method" name="method"><option value="readouts" selected>readouts</option>'
        '<option value="baseline">baseline (sentences, raw cosine)</option></select>\n'
        "</div>\n</form>\n"
        f'<p class="muted">Up to {settings.max_accounts} accounts of at most {mb:g} MB each. '
        f"Nothing leaves this machine. {several}</p>\n"
    )
    return _page("Compare accounts of a meeting", body, nav=nav)


def _docs_page(app: FastAPI) -> Response:
    """The API reference, from the OpenAPI schema, with nothing loaded from a CDN."""
    spec = app.openapi()
    out = [
        '<p>The machine-readable schema is <a href="/openapi.json">/openapi.json</a>. '
        'Every error has the shape <code>{"ok": false, "error", "errors", '
        '"status"}</code>.</p>'
    ]
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            out.append(
                f'<h2><span class="method">{escape(method.upper())}</span> '
                f"<code>{escape(path)}</code></h2>"
            )
            if op.get("summary"):
                out.append(f"<p><strong>{escape(op['summary'])}</strong></p>")
            if op.get("description"):
                out.append(f"<pre>{escape(op['description'])}</pre>")
            params = op.get("parameters", [])
            if params:
                rows = "".join(
                    f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
                    f"<td>{escape(p.get('description', ''))}</td></tr>"
                    for p in params
                )
                out.append(f"<table><tr><th>Parameter</th><th>In</th><th></th></tr>{rows}</table>")
            content = op.get("requestBody", {}).get("content", {})
            for media, body in content.items():
                ref = body.get("schema", {}).get("$ref", "")
                out.append(
                    f"<p>Body: <code>{escape(media)}</code> {escape(ref.rsplit('/', 1)[-1])}</p>"
                )
            codes = ", ".join(
                f"{escape(code)} {escape(r.get('description', ''))}"
                for code, r in op.get("responses", {}).items()
            )
            out.append(f'<p class="muted">Responses: {codes}</p>')
    out.append("<h2>Schemas</h2>")
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        rows = "".join(
            f"<tr><td><code>{escape(p)}</code>{' *' if p in schema.get('required', []) else ''}"
            f"</td><td>{escape(_type_of(s))}</td><td>{escape(s.get('description', ''))}</td></tr>"
            for p, s in schema.get("properties", {}).items()
        )
        out.append(f"<h3>{escape(name)}</h3><p>{escape(schema.get('description', ''))}</p>")
        if rows:
            out.append(f"<table><tr><th>Field</th><th>Type</th><th></th></tr>{rows}</table>")
    return _page("readouts API", "\n".join(out))


def _type_of(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join(json.dumps(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_type_of(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_type_of(schema.get('items', {}))}"
    return str(schema.get("type", "any"))


def _download(text: str, media: str, filename: str, download: bool) -> Response:
    headers = {"content-disposition": f'attachment; filename="{filename}"'} if download else {}
    return Response(text, media_type=media, headers=headers)


# --------------------------------------------------------------------------- the app


def create_app(
    settings: Settings | None = None,
    *,
    embedder: Embedder | None = None,
    lexicon: Lexicon | None = None,
    routers: Sequence[APIRouter] = (),
    nav: Sequence[tuple[str, str]] = (),
) -> FastAPI:
    """The web app. ``embedder`` and ``lexicon`` default to the configured ones;
    ``routers`` are mounted as they are (the extension point), ``nav`` adds menu links."""
    from . import __version__

    settings = settings or Settings()
    comparer = Comparer(settings, lexicon or default_lexicon(), embedder)
    app = FastAPI(
        title="readouts",
        version=__version__,
        description="Compare the accounts each side publishes of one diplomatic meeting.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.comparer = comparer
    _install_error_handlers(app)
    app.add_middleware(_Guard, limit=settings.request_limit)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return _index(settings, nav)

    @app.get("/index.json", summary="What this app offers: version, limits, endpoints")
    def index_json() -> dict[str, Any]:
        return {
            "ok": True,
            "name": "readouts",
            "version": __version__,
            "settings": {k: getattr(settings, k) for k in SETTINGS},
            "request_limit": settings.request_limit,
            "more_than_two_accounts": _multi_available(),
            "formats": sorted(MEDIA),
            "endpoints": {
                "form": "/",
                "compare": "/api/compare",
                "upload": "/api/compare/upload",
                "report": "/report/{id}[.json|.md|.html]",
                "docs": "/docs",
                "openapi": "/openapi.json",
            },
        }

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return _docs_page(app)

    @app.post("/compare", include_in_schema=False)
    async def compare_form(request: Request) -> Response:
        limit = settings.request_limit
        async with request.form(
            max_files=settings.max_accounts + 4,
            max_fields=4 * settings.max_accounts + 8,
            max_part_size=limit,
        ) as form:
            items: list[Submitted] = []
            for n in range(1, settings.max_accounts + 2):
                upload = form.get(f"file-{n}")
                text = form.get(f"text-{n}")
                party = str(form.get(f"party-{n}") or "").strip()
                if isinstance(upload, StarletteUploadFile) and upload.filename:
                    data = await _read_upload(upload, settings.max_bytes, n)
                    items.append(Submitted(data, _basename(upload.filename), party))
                elif isinstance(text, str) and text.strip():
                    name = f"{_slug(party.lower()) or f'pasted{n}'}.txt"
                    items.append(Submitted(text.encode("utf-8"), name, party))
            method = str(form.get("method") or "readouts")
        if method not in ("readouts", "baseline"):
            raise InputError(f"unknown method {method!r}")
        result = await comparer.run(items, method)
        return RedirectResponse(f"/report/{result.id}", status_code=303)

    @app.get(
        "/report/{name}",
        summary="A report: HTML page, or .json / .md / .html twin",
        responses={404: {"model": ErrorOut, "description": "No such report"}},
    )
    def report(name: str, download: bool = False) -> Response:
        rid, dot, ext = name.partition(".")
        if dot and ext not in FORMATS:
            raise HTTPError(404, f"no format {ext!r}; use .json, .md or .html")
        result = comparer.store.get(rid)
        filename = f"readouts-{'-vs-'.join(_slug(a) for a in result.accounts)}"[:120]
        if not dot:
            links = [
                ("New comparison", "/"),
                ("Download JSON", f"/report/{rid}.json?download=1"),
                ("Download Markdown", f"/report/{rid}.md?download=1"),
                ("Download HTML", f"/report/{rid}.html?download=1"),
            ]
            if result.is_pair:
                return HTMLResponse(result.render("html", links=links))
            # the several-sides page has no toolbar of its own: put the links on top
            nav = " · ".join(f'<a href="{escape(h)}">{escape(t)}</a>' for t, h in links)
            page = result.render("html").replace("<body>", f"<body>\n<nav>{nav}</nav>", 1)
            return HTMLResponse(page)
        fmt = FORMATS[ext]
        return _download(result.render(fmt), MEDIA[fmt], f"{filename}.{ext}", download)

    @app.post(
        "/api/compare",
        summary="Compare two or more accounts given as text (or base64 bytes)",
        response_model=CompareOut,
        responses=_ERRORS,
    )
    async def api_compare(body: CompareRequest) -> Response:
        """Compare accounts of one meeting. Each account is `text` or `content_base64`
        (with a `filename` to tell its format). With `format` other than `json` the answer
        is the report itself; otherwise the envelope, with links to every rendering."""
        result = await comparer.run(_from_json(body), body.method)
        return _api_answer(result, body.format)

    @app.post(
        "/api/compare/upload",
        summary="Compare two or more uploaded files",
        response_model=CompareOut,
        responses=_ERRORS,
    )
    async def api_upload(
        files: Annotated[list[UploadFile], File(description="Two or more account files.")],
        parties: Annotated[list[str], Form(description="Who issued each file, in order.")] = [],  # noqa: B006
        method: Annotated[Literal["readouts", "baseline"], Form()] = "readouts",
        format: Annotated[Literal["json", "markdown", "html", "terminal"], Form()] = "json",
    ) -> Response:
        """Multipart upload: repeat `files` (and optionally `parties`) once per account."""
        items = []
        for n, upload in enumerate(files, start=1):
            if n > settings.max_accounts:
                raise InputError(f"this app compares at most {settings.max_accounts} accounts")
            data = await _read_upload(upload, settings.max_bytes, n)
            party = parties[n - 1].strip() if n <= len(parties) else ""
            items.append(Submitted(data, _basename(upload.filename or "") or f"file{n}.txt", party))
        result = await comparer.run(items, method)
        return _api_answer(result, format)

    for router in routers:
        app.include_router(router)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            spec = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = _tidy_openapi(spec)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _tidy_openapi(spec: dict[str, Any]) -> dict[str, Any]:
    """Validation errors documented in the app's one error shape; readable schema names."""
    renames = {
        "HTTPValidationError": "ErrorOut",
        "Body_api_upload_api_compare_upload_post": "UploadRequest",
    }
    text = json.dumps(spec)
    for old, new in renames.items():
        text = text.replace(f'"#/components/schemas/{old}"', f'"#/components/schemas/{new}"')
    out: dict[str, Any] = json.loads(text)
    schemas = out.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    if "Body_api_upload_api_compare_upload_post" in schemas:
        upload = schemas.pop("Body_api_upload_api_compare_upload_post")
        upload["title"] = "UploadRequest"
        upload["description"] = "Two or more files, with who issued each."
        schemas["UploadRequest"] = upload
    for ops in out.get("paths", {}).values():
        for op in ops.values():
            answer = op.get("responses", {}).get("422")
            if answer and answer.get("description") == "Validation Error":
                answer["description"] = "A malformed request"
    return out


def _api_answer(result: Result, fmt: str) -> Response:
    if fmt != "json":
        return Response(result.render(fmt), media_type=MEDIA[fmt])
    data = result.to_dict()
    out = CompareOut(
        id=result.id,
        accounts=list(result.accounts),
        score=data.get("score"),
        links=result.links(),
        comparison=data,
    )
    return JSONResponse(out.model_dump())
