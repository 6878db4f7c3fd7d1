"""The REST API: request and response models, and the endpoints.

``POST /api/compare`` takes the accounts as JSON text (or base64 bytes);
``POST /api/compare/upload`` the same with multipart file uploads. Input is text or
uploaded bytes only: no endpoint opens a path named in a request.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal

import anyio
from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from ..errors import InputError
from .errors import ErrorOut
from .results import MEDIA, Comparer, Result
from .settings import Settings
from .submitted import Submitted, basename, read_upload, slug

__all__ = ["AccountIn", "CompareOut", "CompareRequest", "add_api"]


class AccountIn(BaseModel):
    """One account: its text, or the bytes of a file (base64). Never a path."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        None, description="The account as text: plain, Markdown with front matter, or HTML."
    )
    content_base64: str | None = Field(
        None, description="The bytes of a file, base64-encoded (PDF, GB18030, Big5...)."
    )
    url: str | None = Field(
        None,
        max_length=2000,
        pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://",
        description="The http(s) address of the account, fetched by the app (size and time "
        "limits; the statement extracted from an HTML page with trafilatura).",
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
    language: str | None = Field(
        None,
        pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}$",
        description="A BCP-47 tag (en, en-US, zh, zh-Hans, zh-Hant, zh-TW...); checked "
        "against the text. Default: detected.",
    )


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
    warnings: list[dict[str, Any]] = Field(
        default_factory=list,
        description="What to know first ({code, message}: different-meetings, same-side); "
        "with one, the score is no verdict.",
    )
    links: dict[str, str]
    comparison: dict[str, Any] = Field(description="The comparison JSON (docs/schema.md).")


_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": what}
    for code, what in (
        (
            400,
            "Bad input: empty, binary, undecodable, malformed front matter, the same account "
            "twice, bad options, a Host header the app does not answer to",
        ),
        (403, "A cross-site request (a form on another site posting here)"),
        (408, "The request body did not arrive in time"),
        (413, "An account or the request is over the size limit"),
        (502, "An account's address cannot be fetched"),
        (422, "A language other than English or Chinese, or a malformed request"),
        (501, "More than two accounts, before readouts.multi is installed"),
        (503, "The sentence encoder cannot be loaded, or the comparison ran past its time budget"),
    )
}


def _decode_base64(value: str, n: int) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise InputError(f"account {n}: content_base64 is not valid base64") from None


def _from_json(body: CompareRequest) -> list[Submitted]:
    items = []
    for n, acc in enumerate(body.accounts, start=1):
        given = [x is not None for x in (acc.text, acc.content_base64, acc.url)]
        if sum(given) != 1:
            raise InputError(f"account {n}: give either text, content_base64 or url")
        if acc.url is not None:
            items.append(Submitted(b"", acc.url, acc.party.strip(), acc.id, acc.language, acc.url))
            continue
        data = (
            acc.text.encode("utf-8")
            if acc.text is not None
            else _decode_base64(acc.content_base64 or "", n)
        )
        name = basename(acc.filename) or f"account {n} (text)"
        # the id: as given, else from the file's name (Comparer), the party, or the number
        ident = acc.id or (None if acc.filename else slug(acc.party.lower()) or f"account{n}")
        items.append(Submitted(data, name, acc.party.strip(), ident, acc.language))
    return items


def _api_answer(result: Result, fmt: str) -> Response:
    if fmt != "json":
        return Response(result.render(fmt), media_type=MEDIA[fmt])
    data = result.to_dict()
    out = CompareOut(
        id=result.id,
        accounts=list(result.accounts),
        score=data.get("score"),
        warnings=data.get("warnings", []),
        links=result.links(),
        comparison=data,
    )
    return JSONResponse(out.model_dump())


def add_api(app: FastAPI, settings: Settings, comparer: Comparer) -> None:
    """Mount the REST endpoints on ``app``."""

    @app.post(
        "/api/compare",
        summary="Compare two or more accounts given as text (or base64 bytes)",
        response_model=CompareOut,
        responses=_ERRORS,
    )
    async def api_compare(body: CompareRequest, request: Request) -> Response:
        """Compare accounts of one meeting. Each account is `text` or `content_base64`
        (with a `filename` to tell its format). With `format` other than `json` the answer
        is the report itself; otherwise the envelope, with links to every rendering."""
        result = await comparer.run(_from_json(body), body.method, request.is_disconnected)
        return await anyio.to_thread.run_sync(_api_answer, result, body.format)

    @app.post(
        "/api/compare/upload",
        summary="Compare two or more uploaded files",
        response_model=CompareOut,
        responses=_ERRORS,
    )
    async def api_upload(
        request: Request,
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
            data = await read_upload(upload, settings.max_bytes, n)
            party = parties[n - 1].strip() if n <= len(parties) else ""
            items.append(Submitted(data, basename(upload.filename or "") or f"file{n}.txt", party))
        result = await comparer.run(items, method, request.is_disconnected)
        return await anyio.to_thread.run_sync(_api_answer, result, format)
