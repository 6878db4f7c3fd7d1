"""The app: ``create_app(settings)`` puts the pages and the API together.

The app binds to 127.0.0.1 and has no accounts or logins. Before anything reads a
request, :class:`_Guard` refuses a Host header the app does not answer to (400: DNS
rebinding), a cross-site POST (403), a body over ``Settings.max_request_bytes`` (413)
or one that does not arrive within ``Settings.body_timeout`` (408); every answer
carries security headers. Comparisons run in worker processes (:mod:`.workers`),
started with the server and stopped with it.

Extension point: ``create_app(routers=[...])`` mounts extra ``APIRouter`` s (each may add
nav links with ``nav=[(label, href)]``). Browsing a corpus database
(:mod:`readouts.corpus`) is meant to come in that way, as its own module with its own
router, without touching the comparison routes here.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

import anyio
from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..embed import Embedder
from ..lexicon import Lexicon, default_lexicon
from .api import add_api
from .errors import BodyTimeout, BodyTooLarge, error_body, install_error_handlers
from .pages import add_pages
from .results import Comparer
from .settings import Settings

__all__ = ["create_app"]


class _Guard:
    """ASGI middleware, before anything reads the request: the Host header must name
    this app (DNS rebinding), an unsafe method must come from this app's own pages
    (cross-site form posts), the body must stay under the size limit (413) and arrive
    within ``body_timeout`` (408); security headers go on every answer."""

    HEADERS = (
        (b"x-content-type-options", b"nosniff"),
        # not "no-referrer": with it a browser sends "Origin: null" with the app's own
        # form, which the cross-site check must refuse; other sites still get nothing
        (b"referrer-policy", b"same-origin"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    )
    UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.limit = settings.request_limit
        self.timeout = settings.body_timeout
        self.hosts = frozenset(settings.allowed_hosts)

    def _host_ok(self, host: str) -> bool:
        return "*" in self.hosts or _hostname(host) in self.hosts

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        host = headers.get(b"host", b"").decode("latin-1")
        if not self._host_ok(host):
            return 400, f"this app does not answer to the host {host or '(none)'!r}"
        if scope.get("method", "GET") in self.UNSAFE:
            site = headers.get(b"sec-fetch-site", b"").decode("latin-1")
            origin = headers.get(b"origin", b"").decode("latin-1")
            # a browser names the page a request comes from: it must be this app, host
            # and port (another local app on another port is another site)
            if site not in ("", "same-origin", "none") or (
                origin and urlsplit(origin).netloc.lower() != host.strip().lower()
            ):
                return 403, "cross-site requests are refused; use the app's own form"
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return 413, str(BodyTooLarge(self.limit).detail)
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        refused = self._refusal(scope)
        if refused is not None:
            status, text = refused
            body = json.dumps(error_body(status, text)).encode()
            await send_with_headers(
                {
                    "type": "http.response.start",
                    "status": status,
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
        deadline = time.monotonic() + self.timeout
        complete = False

        async def limited() -> Message:
            nonlocal seen, complete
            if complete:  # the body is in: what comes now is a disconnect, wait for it
                return await receive()
            try:
                with anyio.fail_after(max(0.0, deadline - time.monotonic())):
                    message = await receive()
            except TimeoutError:
                raise BodyTimeout(self.timeout) from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
                complete = not message.get("more_body", False)
            return message

        await self.app(scope, limited, send_with_headers)


def _hostname(host: str) -> str:
    """The name in a Host header, without its port: "127.0.0.1:8000" -> "127.0.0.1",
    "[::1]:8000" -> "::1"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


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
    from .. import __version__

    settings = settings or Settings()
    comparer = Comparer(settings, lexicon or default_lexicon(), embedder)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if comparer.pool is not None:
            comparer.pool.start()  # the workers load the encoder while the server starts
        try:
            yield
        finally:
            comparer.close()

    app = FastAPI(
        title="readouts",
        version=__version__,
        description="Compare the accounts each side publishes of one diplomatic meeting.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.comparer = comparer
    install_error_handlers(app)
    app.add_middleware(_Guard, settings=settings)
    add_pages(app, settings, comparer, nav)
    add_api(app, settings, comparer)

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
