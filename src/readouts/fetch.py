"""Fetch: an account from the address of a published readout.

``fetch_account(url)`` gets an ``http`` or ``https`` page with the same size limit as a
file (:data:`readouts.ingest.MAX_BYTES`, refused before or while reading) and a time
limit for the whole answer (:data:`MAX_SECONDS`), then reads it as a file of its kind:
an HTML page's statement is extracted with trafilatura (the lxml fallback of
:mod:`readouts.ingest` when trafilatura finds nothing), a PDF's text layer, plain text
or Markdown as they are. The account keeps its provenance: ``source`` is the address
asked for, ``meta`` holds ``url`` (where the answer came from, after redirects),
``fetched_at`` (UTC, ISO 8601), ``status`` and ``content_type``. The issuing party is
then read from the address's domain like any source URL (``data/issuers.tsv``).

Every failure is a :class:`~readouts.errors.FetchError` that names the address and says
what went wrong in one line: not http(s), no such host, refused or timed out, an HTTP
error status, over the size limit, slower than the time limit, not a page of text.
Only the standard library talks to the network, so a test can serve canned answers
from a local server.

``read_source(item)`` reads a path or an address, whichever it is given.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlparse

from .errors import FetchError, ReadoutsError
from .ingest import MAX_BYTES, _safe_id, account_from_bytes, read_account
from .model import Account

__all__ = ["MAX_SECONDS", "fetch_account", "is_url", "read_source"]

#: The longest a fetch may take, from the request to the last byte, in seconds.
MAX_SECONDS = 30.0
_CHUNK = 65536
_KINDS = (
    ("application/pdf", ".pdf"),
    ("text/html", ".html"),
    ("application/xhtml+xml", ".html"),
    ("text/markdown", ".md"),
    ("text/x-markdown", ".md"),
    ("text/plain", ".txt"),
)


def _version() -> str:
    try:
        return version("readouts")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "0"


def is_url(item: object) -> bool:
    """Is this an address to fetch (``http://`` or ``https://``) rather than a path?"""
    return isinstance(item, str) and re.match(r"(?i)https?://", item) is not None


class _HttpOnly(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only, and say so when one goes elsewhere."""

    def http_error_302(self, req, fp, code, msg, headers):
        target = headers.get("location") or headers.get("uri") or ""
        newurl = urljoin(req.full_url, target)
        if not is_url(newurl):
            fp.close()
            raise FetchError(f"redirected to {newurl!r}, which is not an http(s) address")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_HttpOnly())


def _suffix(content_type: str, url: str) -> str:
    """The file suffix that tells ``account_from_bytes`` how to read the answer."""
    kind = content_type.split(";")[0].strip().lower()
    for prefix, suffix in _KINDS:
        if kind == prefix:
            return suffix
    path_suffix = PurePosixPath(urlparse(url).path).suffix.lower()
    if path_suffix in (".pdf", ".html", ".htm", ".md", ".txt"):
        return path_suffix
    if kind.startswith("text/") or not kind:
        return ".html"  # a page without a clear type: read it as HTML, the text stays
    raise FetchError(f"the answer is {kind}, not a page of text, HTML or PDF")


def _id_for(url: str) -> str:
    """An account id from an address: its last path segment (no extension), else its host."""
    parsed = urlparse(url)
    last = PurePosixPath(parsed.path).name
    stem = Path(last).stem if last else ""
    return _safe_id(stem or parsed.netloc)


def _read(answer: Any, url: str, max_bytes: int, deadline: float) -> bytes:
    length = answer.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(
            f"the page is {int(length):,} bytes, over the limit of {max_bytes:,} bytes"
        )
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError("the page took longer than the time limit to arrive")
        chunk = answer.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"the page is over the limit of {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_account(
    url: str,
    *,
    id: str | None = None,
    side: str = "",
    party: str = "",
    issuer: str = "",
    language: str | None = None,
    timeout: float = MAX_SECONDS,
    max_bytes: int = MAX_BYTES,
) -> Account:
    """The account published at ``url`` (see the module doc); raises FetchError naming
    the address, or the InputError of reading what came back."""
    if not is_url(url):
        raise FetchError("only http:// and https:// addresses can be fetched", path=url)
    request = urllib.request.Request(url, headers={"User-Agent": f"readouts/{_version()}"})
    started = time.monotonic()
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        with _opener().open(request, timeout=timeout) as answer:
            data = _read(answer, url, max_bytes, started + timeout)
            final = answer.geturl()
            status = answer.status
            content_type = answer.headers.get("Content-Type", "")
    except FetchError as exc:
        exc.path = url
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        raise FetchError(f"the server answered {exc.code} {exc.reason}", path=url) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"no answer within {timeout:g} s", path=url) from None
        raise FetchError(f"cannot reach the server ({reason})", path=url) from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s", path=url) from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot fetch it ({exc.__class__.__name__}: {exc})", path=url) from None
    if time.monotonic() > started + timeout:
        raise FetchError(f"the page took longer than {timeout:g} s to arrive", path=url)
    try:
        suffix = _suffix(content_type, final)
    except FetchError as exc:
        exc.path = url
        raise
    try:
        account = account_from_bytes(
            data,
            name=f"{_id_for(final)}{suffix}",
            id=id or _id_for(url),
            side=side,
            party=party,
            issuer=issuer,
            language=language,
        )
    except ReadoutsError as exc:
        exc.path = url
        raise
    meta = {
        **account.meta,
        "url": final,
        "fetched_at": fetched_at,
        "status": status,
        "content_type": content_type,
        "path": url,
    }
    return replace(account, source=url, meta=meta)


def read_source(
    item: str | Path,
    *,
    id: str | None = None,
    side: str = "",
    party: str = "",
    issuer: str = "",
    language: str | None = None,
    timeout: float = MAX_SECONDS,
) -> Account:
    """An account from a path or an http(s) address."""
    if is_url(item):
        return fetch_account(
            str(item),
            id=id,
            side=side,
            party=party,
            issuer=issuer,
            language=language,
            timeout=timeout,
        )
    return read_account(item, id=id, side=side, party=party, issuer=issuer, language=language)
