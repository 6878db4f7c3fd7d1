"""The app: ``create_app(settings)`` puts the pages and the API together.

The app binds to 127.0.0.1 and has no accounts or logins. Every answer carries security
headers, and a request over ``Settings.max_request_bytes`` is a 413 before it is read
(:class:`_Guard`).

Extension point: ``create_app(routers=[...])`` mounts extra ``APIRouter`` s (each may add
nav links with ``nav=[(label, href)]``). Browsing a corpus database
(:mod:`readouts.corpus`) is meant to come in that way, as its own module with its own
router, without touching the comparison routes here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..embed import Embedder
from ..lexicon import Lexicon, default_lexicon
from .api import add_api
from .errors import BodyTooLarge, error_body, install_error_handlers
from .pages import add_pages
from .results import Comparer
from .settings import Settings

__all__ = ["create_app"]


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
            body = json.dumps(error_body(413, str(BodyTooLarge(self.limit).detail))).encode()
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
                    raise BodyTooLarge(self.limit)
            return message

        await self.app(scope, limited, send_with_headers)


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
    app = FastAPI(
        title="readouts",
        version=__version__,
        description="Compare the accounts each side publishes of one diplomatic meeting.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.comparer = comparer
    install_error_handlers(app)
    app.add_middleware(_Guard, limit=settings.request_limit)
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
