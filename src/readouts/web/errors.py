"""Errors: one JSON shape for every error, from any endpoint, and the handlers.

Every error is one JSON shape (an HTML page with the same message when a browser asks
for HTML)::

    {"ok": false, "error": "the input is 6,000,000 bytes; the limit is 5,000,000",
     "errors": ["..."], "status": 413}

Library errors map to status codes in :func:`status_for` (``InputError`` 400,
``TooLargeError`` 413, ``FetchError`` 502 (an address that cannot be fetched),
``LanguageError`` 422, ``ModelUnavailable`` 503, ...); the app
raises :class:`HTTPError` for its own (404, 501); anything else is a 500.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    ConfigError,
    FetchError,
    InputError,
    LanguageError,
    LexiconError,
    ModelUnavailable,
    ReadoutsError,
    TooLargeError,
)
from .layout import page

__all__ = [
    "BodyTimeout",
    "BodyTooLarge",
    "ErrorOut",
    "HTTPError",
    "error_body",
    "install_error_handlers",
    "status_for",
    "wants_html",
]


class HTTPError(Exception):
    """An error the app raises itself, with its status code."""

    def __init__(self, status: int, message: str, errors: Sequence[str] = ()):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = list(errors) or [message]


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"the request is over the limit of {limit:,} bytes")


class BodyTimeout(StarletteHTTPException):
    def __init__(self, seconds: float):
        super().__init__(408, f"the request body did not arrive within {seconds:g} s")


#: Library errors to HTTP statuses, most specific first; anything else is a 500.
_STATUS: tuple[tuple[type[ReadoutsError], int], ...] = (
    (TooLargeError, 413),
    (FetchError, 502),
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


def wants_html(request: Request) -> bool:
    """Does the request come from a browser that wants an HTML page (not the API)?"""
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _error_response(
    request: Request, status: int, message: str, errors: Sequence[str] = ()
) -> Response:
    body = error_body(status, message, errors)
    if wants_html(request):
        items = "".join(f"<li>{escape(e)}</li>" for e in body["errors"] if e != message)
        more = f"<ul>{items}</ul>" if items else ""
        return page(
            f"Error {status}",
            f'<div class="error" role="alert"><p><strong>Error {status}:</strong> '
            f"{escape(message)}</p>{more}</div>"
            '<p><a href="/">Back to the form</a></p>',
            status=status,
        )
    return JSONResponse(body, status_code=status)


def install_error_handlers(app: FastAPI) -> None:
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


class ErrorOut(BaseModel):
    """The one shape of every error."""

    ok: bool = False
    error: str
    errors: list[str]
    status: int
