"""The HTML pages and their twins: the form, the report, the API reference.

=============================  ==========================================================
``GET /``                      the form: paste or upload two or more accounts
``GET /index.json``            its JSON twin: version, limits, formats, endpoints
``POST /compare``              the form's target; redirects to the report (303)
``GET /report/{id}``           the HTML report, with download links
``GET /report/{id}.json``      its JSON twin (``docs/schema.md``); ``.md`` and ``.html``
                               give the Markdown and the standalone HTML report;
                               ``?download=1`` makes any of them a download
``GET /docs``                  the API reference (offline); ``/openapi.json`` its twin
=============================  ==========================================================
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile as StarletteUploadFile

from ..errors import InputError, ReadoutsError
from .errors import ErrorOut, HTTPError, status_for, wants_html
from .layout import page
from .results import FORMATS, MEDIA, Comparer
from .settings import SETTINGS, Settings
from .submitted import Submitted, basename, read_upload, slug

__all__ = ["add_pages"]


def _account_fieldset(n: int | str, values: dict[str, str] | None = None) -> str:
    """One account's slot of the form; ``values`` fill it again after an error (a file
    cannot be: browsers make the user choose it again)."""
    v = {k: escape(str(x), quote=True) for k, x in (values or {}).items()}
    return (
        f"<fieldset><legend>Account {n}</legend>\n"
        f'<label for="party-{n}">Side that issued it (optional, e.g. NATO, China)</label>\n'
        f'<input type="text" id="party-{n}" name="party-{n}" maxlength="100" '
        f'value="{v.get("party", "")}">\n'
        f'<label for="url-{n}">Its address (http or https), fetched for you</label>\n'
        f'<input type="url" id="url-{n}" name="url-{n}" maxlength="2000" '
        f'placeholder="https://" value="{v.get("url", "")}">\n'
        f'<label for="file-{n}">or upload a file (text, Markdown, HTML or PDF)</label>\n'
        f'<input type="file" id="file-{n}" name="file-{n}" '
        'accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/html,application/pdf">\n'
        f'<label for="text-{n}">or paste the text</label>\n'
        f'<textarea id="text-{n}" name="text-{n}" spellcheck="false">{v.get("text", "")}'
        "</textarea>\n"
        "</fieldset>\n"
    )


def _index(
    settings: Settings,
    nav: Sequence[tuple[str, str]],
    filled: Sequence[dict[str, str]] = (),
    error: str = "",
    status: int = 200,
    method: str = "readouts",
) -> Response:
    """The form; after an error, with the error on top and what was typed kept."""
    slots = "".join(
        _account_fieldset(n, filled[n - 1] if n <= len(filled) else None)
        for n in range(1, max(2, len(filled)) + 1)
    )
    several = (
        "With three or more accounts, those with the same side are read as versions of "
        "one side's account (say, its English and Chinese texts)."
    )
    mb = settings.max_bytes / 1_000_000
    alert = ""
    if error:
        files = any(f.get("file") for f in filled)
        again = " Choose the files again: a browser never keeps them." if files else ""
        alert = (
            f'<div class="error" role="alert" id="form-error"><p><strong>Error {status}:</strong> '
            f"{escape(error)}</p><p>What you typed is kept below.{escape(again)}</p></div>\n"
        )
    options = "".join(
        f'<option value="{m}"{" selected" if m == method else ""}>{label}</option>'
        for m, label in (("readouts", "readouts"), ("baseline", "baseline (sentences, raw cosine)"))
    )
    body = (
        alert + '<p class="muted">Paste, upload or give the address of the accounts each side '
        "published of one meeting, in English or Chinese. readouts aligns them claim by claim "
        "and shows what both report, what only one reports and where they clash.</p>\n"
        '<form method="post" action="/compare" enctype="multipart/form-data">\n'
        f'<div class="accounts" id="accounts">\n{slots}</div>\n'
        f'<template id="account-template">{_account_fieldset("__N__")}</template>\n'
        '<div class="actions">\n'
        '<button type="submit" id="compare">Compare</button>\n'
        f'<button type="button" class="secondary" id="add-account" '
        f'data-max="{settings.max_accounts}">Add another account</button>\n'
        '<label for="method" class="muted">Method</label>\n'
        f'<select id="method" name="method">{options}</select>\n'
        "</div>\n</form>\n"
        f'<p class="muted">Up to {settings.max_accounts} accounts of at most {mb:g} MB each. '
        f"Nothing leaves this machine, except to fetch the addresses you give. {several}</p>\n"
    )
    return page("Compare accounts of a meeting", body, nav=nav, status=status)


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
    return page("readouts API", "\n".join(out))


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


def add_pages(
    app: FastAPI, settings: Settings, comparer: Comparer, nav: Sequence[tuple[str, str]]
) -> None:
    """Mount the pages and their twins on ``app``; ``nav`` adds menu links."""
    from .. import __version__

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
            "more_than_two_accounts": True,
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
        filled: list[dict[str, str]] = []  # what was typed, to give it back after an error
        async with request.form(
            max_files=settings.max_accounts + 4,
            max_fields=5 * settings.max_accounts + 8,
            max_part_size=limit,
        ) as form:
            items: list[Submitted] = []
            method = str(form.get("method") or "readouts")
            try:
                for n in range(1, settings.max_accounts + 2):
                    upload = form.get(f"file-{n}")
                    text, url = form.get(f"text-{n}"), form.get(f"url-{n}")
                    party = str(form.get(f"party-{n}") or "").strip()
                    chosen = isinstance(upload, StarletteUploadFile) and bool(upload.filename)
                    filled.append(
                        {
                            "party": party,
                            "url": str(url or "").strip(),
                            "text": text if isinstance(text, str) else "",
                            "file": "1" if chosen else "",
                        }
                    )
                    ident = slug(party.lower()) or f"account{n}"
                    if isinstance(upload, StarletteUploadFile) and upload.filename:
                        data = await read_upload(upload, settings.max_bytes, n)
                        items.append(Submitted(data, basename(upload.filename), party))
                    elif isinstance(url, str) and url.strip():
                        items.append(
                            Submitted(
                                b"",
                                url.strip(),
                                party,
                                slug(party.lower()) or None,
                                url=url.strip(),
                            )
                        )
                    elif isinstance(text, str) and text.strip():
                        # named for what it is in messages: "account 1 (pasted text)"
                        name = f"account {n} (pasted text)"
                        items.append(Submitted(text.encode("utf-8"), name, party, ident))
                if method not in ("readouts", "baseline"):
                    raise InputError(f"unknown method {method!r}")
                result = await comparer.run(items, method, request.is_disconnected)
            except (ReadoutsError, HTTPError) as exc:
                if not wants_html(request):
                    raise
                while len(filled) > 2 and not any(filled[-1].values()):
                    filled.pop()
                status = exc.status if isinstance(exc, HTTPError) else status_for(exc)
                message = exc.message if isinstance(exc, HTTPError) else str(exc)
                return _index(settings, nav, filled, message, status, method)
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
        filename = f"readouts-{'-vs-'.join(slug(a) for a in result.accounts)}"[:120]
        if not dot:
            links = [
                ("New comparison", "/"),
                ("Download JSON", f"/report/{rid}.json?download=1"),
                ("Download Markdown", f"/report/{rid}.md?download=1"),
                ("Download HTML", f"/report/{rid}.html?download=1"),
            ]
            return HTMLResponse(result.render("html", links=links))
        fmt = FORMATS[ext]
        return _download(result.render(fmt), MEDIA[fmt], f"{filename}.{ext}", download)
