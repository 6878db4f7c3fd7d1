"""The web app, in process: pages and their JSON twins, the REST API, limits, one error shape."""

from __future__ import annotations

import base64
import dataclasses
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import anyio
import httpx
from fastapi import APIRouter

from readouts.embed import FakeEmbedder
from readouts.errors import (
    BinaryInputError,
    ConfigError,
    DuplicateInputError,
    EmptyInputError,
    InputError,
    LanguageError,
    LexiconError,
    ModelUnavailable,
    ReadoutsError,
    StorageError,
    TooLargeError,
)
from readouts.web import SETTINGS, Settings, create_app, error_body, status_for

US = (
    "Secretary of State Antony J. Blinken spoke today with Director Wang Yi. The Secretary "
    "raised concerns about Taiwan and welcomed cooperation on climate change."
)
CN = "王毅同美国国务卿布林肯通电话。王毅强调，台湾问题是中国核心利益。双方同意加强气候变化合作。"
HOSTILE = (
    "Secretary Blinken spoke with Wang Yi about climate change. He said "
    "<script>alert('x')</script> and <img src=x onerror=\"alert(1)\"> and "
    '<a href="javascript:alert(1)">click here</a> were discussed.'
)
ERROR_KEYS = {"ok", "error", "errors", "status"}
JSON = {"content-type": "application/json"}


class TestClient:
    """A synchronous in-process client: httpx over ``ASGITransport``, no network."""

    __test__ = False

    def __init__(self, app) -> None:
        self.app = app

    def request(self, method: str, url: str, **kw) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
                return await c.request(method, url, **kw)

        return anyio.run(go)

    def get(self, url: str, **kw) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw) -> httpx.Response:
        return self.request("POST", url, **kw)


def _client(settings: Settings | None = None, **kw) -> TestClient:
    """The app comparing in this process (the worker pool has tests of its own, in
    tests/adversarial/test_web_hostile.py)."""
    kw.setdefault("embedder", FakeEmbedder())
    settings = dataclasses.replace(settings or Settings(), in_process=True)
    return TestClient(create_app(settings, **kw))


@pytest.fixture(scope="module")
def client() -> TestClient:
    return _client(Settings(max_bytes=20_000, max_accounts=3))


def _texts(*texts: str, **extra) -> dict:
    return {"accounts": [{"text": t} for t in texts], **extra}


def _is_error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert body["ok"] is False and body["status"] == status
    assert body["error"] and isinstance(body["errors"], list) and body["errors"]
    return body


# --------------------------------------------------------------------------- pages


def test_web_index_page_has_the_form_and_a_strict_policy(client: TestClient) -> None:
    r = client.get("/", headers={"accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<form method="post" action="/compare" enctype="multipart/form-data">' in r.text
    assert 'name="file-1"' in r.text and 'name="text-2"' in r.text
    policy = r.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/index.json"])
def test_web_index_has_a_json_twin(client: TestClient, path: str) -> None:
    data = client.get(path).json()
    assert data["ok"] is True and data["name"] == "readouts"
    assert data["settings"]["max_bytes"] == 20_000
    assert set(data["settings"]) == set(SETTINGS)
    assert data["endpoints"]["compare"] == "/api/compare"


def test_web_form_compares_uploads_and_redirects_to_the_report(client, fixtures: Path) -> None:
    files = {
        "file-1": ("call_us.txt", (fixtures / "call_us.txt").read_bytes(), "text/plain"),
        "file-2": ("call_cn.txt", (fixtures / "call_cn.txt").read_bytes(), "text/plain"),
    }
    r = client.post("/compare", files=files, data={"party-1": "", "method": "readouts"})
    assert r.status_code == 303
    location = r.headers["location"]
    assert re.fullmatch(r"/report/[A-Za-z0-9_-]+", location)
    page = client.get(location)
    assert page.status_code == 200
    assert 'class="hl claim rel-' in page.text and 'id="score-value"' in page.text
    for suffix in (".json", ".md", ".html"):
        assert f'href="{location}{suffix}?download=1"' in page.text


def test_web_form_compares_pasted_text(client: TestClient) -> None:
    data = {"text-1": US, "party-1": "United States", "text-2": CN, "party-2": "China"}
    r = client.post("/compare", data=data, files={"file-9": ("", b"", "text/plain")})
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert "United States and China" in page.text
    twin = client.get(r.headers["location"] + ".json").json()
    assert [a["account"]["id"] for a in twin["accounts"]] == ["united_states", "china"]


def test_web_report_has_twins_and_downloads(client: TestClient) -> None:
    made = client.post("/api/compare", json=_texts(US, CN)).json()
    rid = made["id"]
    as_json = client.get(f"/report/{rid}.json")
    assert as_json.headers["content-type"].startswith("application/json")
    assert as_json.json() == made["comparison"]
    assert "content-disposition" not in as_json.headers
    md = client.get(f"/report/{rid}.md?download=1")
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.headers["content-disposition"].startswith("attachment; filename=")
    assert md.text.startswith("# ")
    html = client.get(f"/report/{rid}.html?download=1")
    assert html.text.startswith("<!doctype html>") and 'class="toolbar"' not in html.text
    assert 'class="toolbar"' in client.get(f"/report/{rid}").text


def test_web_reports_are_kept_in_a_bounded_store() -> None:
    client = _client(Settings(keep_reports=1))
    first = client.post("/api/compare", json=_texts(US, CN)).json()["id"]
    client.post("/api/compare", json=_texts(US + " Again.", CN)).json()
    _is_error(client.get(f"/report/{first}.json"), 404)


# --------------------------------------------------------------------------- the API


def test_web_api_compare_answers_the_envelope(client: TestClient) -> None:
    r = client.post("/api/compare", json=_texts(US, CN))
    assert r.status_code == 200
    data = r.json()
    assert data["ok"] is True and data["accounts"] == ["account1", "account2"]
    assert data["comparison"]["schema_version"] == "2"
    assert data["score"] == data["comparison"]["score"]
    assert data["links"]["html"] == f"/report/{data['id']}"


@pytest.mark.parametrize(
    "fmt, media, start",
    [("markdown", "text/markdown", "# "), ("html", "text/html", "<!doctype html>")],
)
def test_web_api_compare_renders_other_formats(client, fmt: str, media: str, start: str):
    r = client.post("/api/compare", json=_texts(US, CN, format=fmt))
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert r.text.startswith(start)


def test_web_api_compare_takes_base64_bytes(client: TestClient) -> None:
    gb = CN.encode("gb18030")
    body = {
        "accounts": [
            {"text": US, "party": "United States", "id": "wh"},
            {"content_base64": base64.b64encode(gb).decode(), "filename": "cn.txt"},
        ]
    }
    data = client.post("/api/compare", json=body).json()
    assert data["accounts"] == ["wh", "cn"]
    assert data["comparison"]["accounts"][1]["account"]["text"] == CN


def test_web_api_upload_takes_files(client: TestClient, fixtures: Path) -> None:
    files = [
        ("files", ("call_us.txt", (fixtures / "call_us.txt").read_bytes(), "text/plain")),
        ("files", ("call_cn.txt", (fixtures / "call_cn.txt").read_bytes(), "text/plain")),
    ]
    r = client.post("/api/compare/upload", files=files, data={"parties": ["United States"]})
    assert r.status_code == 200, r.text
    assert r.json()["accounts"] == ["call_us", "call_cn"]


def test_web_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/compare" in spec["paths"] and "/api/compare/upload" in spec["paths"]
    answers = spec["paths"]["/api/compare"]["post"]["responses"]
    assert {"200", "400", "413", "422"} <= set(answers)
    assert answers["413"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorOut")
    assert "HTTPValidationError" not in json.dumps(spec)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/compare" in docs.text
    assert not re.search(r"""(src|href)=["']https?:""", docs.text)  # nothing from a CDN


# --------------------------------------------------------------------------- errors


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.mark.parametrize(
    "body, status, says",
    [
        (_texts(US), 422, "accounts"),
        (_texts(US, US), 400, "same text"),
        (_texts(US, "   "), 400, "empty"),
        (
            _texts(US, "Le ministre a rencontré son homologue à Paris pour parler du climat."),
            422,
            "French",
        ),
        (_texts(US, "x" * 20_001), 413, "limit"),
        (_texts(US, CN, US + " More.", CN + "更多。"), 400, "at most 3"),
        ({"accounts": [{"text": US}, {"path": "/etc/passwd"}]}, 422, "path"),
        ({"accounts": [{"text": US}, {"text": CN, "content_base64": "aGk="}]}, 400, "either"),
        ({"accounts": [{"text": US}, {"content_base64": "not base64!"}]}, 400, "base64"),
        (
            {"accounts": [{"text": US}, {"content_base64": base64.b64encode(PNG).decode()}]},
            400,
            "PNG",
        ),
        ({"accounts": [{"text": US, "id": "../etc"}, {"text": CN}]}, 422, "id"),
        (_texts(US, CN, method="magic"), 422, "method"),
    ],
)
def test_web_api_errors_share_one_shape(client: TestClient, body: dict, status: int, says: str):
    body = _is_error(client.post("/api/compare", json=body), status)
    assert says.lower() in body["error"].lower()


@pytest.mark.parametrize(
    "method, path, kwargs, status",
    [
        ("get", "/report/nope", {}, 404),
        ("get", "/report/nope.json", {}, 404),
        ("get", "/report/nope.xml", {}, 404),
        ("get", "/no/such/page", {}, 404),
        ("get", "/api/compare", {}, 405),
        ("post", "/api/compare", {"content": b"{not json", "headers": JSON}, 422),
        ("post", "/api/compare/upload", {"files": [("files", ("a.txt", US.encode()))]}, 400),
        ("post", "/compare", {"data": {"text-1": US}}, 400),
    ],
)
def test_web_every_error_has_the_shape(client, method: str, path: str, kwargs, status: int):
    _is_error(getattr(client, method)(path, **kwargs), status)


def test_web_errors_are_html_pages_for_browsers(client: TestClient) -> None:
    r = client.post("/compare", data={"text-1": US}, headers={"accept": "text/html"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert "Error 400" in r.text and "at least two accounts" in r.text


def test_web_request_over_the_limit_is_a_413() -> None:
    client = _client(Settings(max_bytes=1_000, max_accounts=2, max_request_bytes=5_000))
    body = json.dumps(_texts(US, "y" * 6_000)).encode()
    r = client.post("/api/compare", content=body, headers={"content-type": "application/json"})
    assert _is_error(r, 413)["error"].startswith("the request is over the limit")

    async def chunks():  # no content-length: the limit is counted as the body streams in
        yield body[:3000]
        yield body[3000:]

    r = client.post("/api/compare", content=chunks(), headers={"content-type": "application/json"})
    _is_error(r, 413)


def test_web_upload_over_the_limit_is_a_413(fixtures: Path) -> None:
    client = _client(Settings(max_bytes=100))
    files = [
        ("files", ("call_us.txt", (fixtures / "call_us.txt").read_bytes(), "text/plain")),
        ("files", ("call_cn.txt", (fixtures / "call_cn.txt").read_bytes(), "text/plain")),
    ]
    body = _is_error(client.post("/api/compare/upload", files=files), 413)
    assert "call_us.txt" in body["error"] and "100 bytes" in body["error"]
    form = {"file-1": files[0][1], "file-2": files[1][1]}
    _is_error(client.post("/compare", files=form), 413)


@pytest.mark.parametrize(
    "exc, status",
    [
        (TooLargeError("x"), 413),
        (EmptyInputError("x"), 400),
        (BinaryInputError("x"), 400),
        (DuplicateInputError("x"), 400),
        (InputError("x"), 400),
        (LanguageError("x"), 422),
        (ConfigError("x"), 400),
        (LexiconError("x"), 400),
        (ModelUnavailable("x"), 503),
        (StorageError("x"), 500),
        (ReadoutsError("x"), 500),
    ],
)
def test_web_status_for_library_errors(exc: ReadoutsError, status: int) -> None:
    assert status_for(exc) == status
    assert error_body(status, "x") == {"ok": False, "error": "x", "errors": ["x"], "status": status}


class _Failing:
    name = "failing.v1"
    dim = 8

    def __init__(self, exc: Exception):
        self.exc = exc

    def encode(self, texts: Sequence[str], batch_size: int = 64, normalize: bool = True):
        raise self.exc

    def __call__(self) -> np.ndarray:  # pragma: no cover - never called
        return np.zeros((0, self.dim))


@pytest.mark.parametrize(
    "exc, status, says",
    [
        (ModelUnavailable("the sentence encoder cannot load"), 503, "encoder"),
        (RuntimeError("boom"), 500, "internal error: RuntimeError"),
    ],
)
def test_web_failures_inside_the_pipeline_keep_the_shape(exc, status: int, says: str) -> None:
    client = _client(embedder=_Failing(exc))
    body = _is_error(client.post("/api/compare", json=_texts(US, CN)), status)
    assert says in body["error"] and "boom" not in body["error"]


def test_web_three_accounts_go_to_readouts_multi(client: TestClient) -> None:
    body = {
        "accounts": [
            {"text": US, "party": "United States"},
            {"text": CN, "party": "China"},
            {"text": CN.replace("双方", "两国"), "party": "China", "id": "cn_2"},
        ]
    }
    r = client.post("/api/compare", json=body)
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["comparison"]["kind"] == "sides" and data["score"] is None
    sides = {s["name"]: s["accounts"] for s in data["comparison"]["sides"]}
    assert sides == {"United States": ["united_states"], "China": ["china", "cn_2"]}
    page = client.get(data["links"]["html"])
    assert page.status_code == 200 and page.text.startswith("<!doctype html>")
    assert f'href="{data["links"]["download_json"]}"' in page.text
    assert client.get(data["links"]["json"]).json()["kind"] == "sides"
    assert client.get(data["links"]["markdown"]).status_code == 200


@pytest.mark.parametrize("value, field", [(1, "max_accounts"), (0, "max_bytes")])
def test_web_settings_are_checked(value: int, field: str) -> None:
    with pytest.raises(ConfigError, match=field):
        Settings(**{field: value})


# --------------------------------------------------------------------------- security


def test_web_hostile_readout_renders_as_text(client: TestClient) -> None:
    made = client.post("/api/compare", json=_texts(HOSTILE, CN)).json()
    page = client.get(made["links"]["html"]).text
    assert page.count("<script") == 1  # the report's own script only
    assert "<img" not in page and 'href="javascript:' not in page
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", page)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;" in page
    md = client.get(made["links"]["markdown"])
    assert md.headers["content-type"].startswith("text/markdown")


def test_web_uploaded_names_are_labels_not_paths(client: TestClient) -> None:
    files = [
        ("files", ("/etc/passwd", US.encode(), "text/plain")),
        ("files", ("..\\..\\<script>x</script>.txt", CN.encode(), "text/plain")),
    ]
    data = client.post("/api/compare/upload", files=files).json()
    accounts = data["comparison"]["accounts"]
    assert accounts[0]["account"]["text"] == US  # the bytes sent, not the file named
    assert accounts[0]["account"]["source"] == "passwd"
    page = client.get(data["links"]["html"]).text
    assert "<script>x</script>" not in page


def test_web_no_route_reads_a_path_from_the_request(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    text = json.dumps(spec).lower()
    assert '"path"' not in re.sub(r'"in": "path"', "", text).replace('"paths"', "")
    body = {"accounts": [{"text": US}, {"filename": "/etc/hostname"}]}
    assert (
        "either text, content_base64 or url"
        in _is_error(client.post("/api/compare", json=body), 400)["error"]
    )


def test_web_routers_extend_the_app() -> None:
    router = APIRouter(prefix="/corpus")

    @router.get("/index.json")
    def corpus_index() -> dict:
        return {"ok": True, "meetings": []}

    client = _client(routers=[router], nav=[("Corpus", "/corpus/")])
    assert client.get("/corpus/index.json").json() == {"ok": True, "meetings": []}
    assert 'href="/corpus/"' in client.get("/").text


# --------------------------------------------------------------------------- serve


def test_web_serve_binds_to_loopback_by_default(monkeypatch) -> None:
    from click.testing import CliRunner

    from readouts.cli import main
    from readouts.web import server

    seen: dict = {}

    def run(app, sock, **kw) -> None:
        seen.update(kw, app=app, at=sock.getsockname())
        sock.close()

    monkeypatch.setattr(server, "run", run)
    result = CliRunner().invoke(main, ["serve", "--embedder", "fake.v1", "--port", "0"])
    assert result.exit_code == 0, result.output
    assert seen["at"][0] == "127.0.0.1"
    assert f"serving on http://127.0.0.1:{seen['at'][1]}/" in result.output
    assert seen["app"].state.settings.embedder == "fake.v1"
    assert "warning" not in result.output


@pytest.mark.parametrize(
    "host, warned", [("0.0.0.0", True), ("localhost", False), ("::1", False), ("127.0.0.2", False)]
)
def test_web_serve_warns_off_loopback(monkeypatch, host: str, warned: bool) -> None:
    from click.testing import CliRunner

    from readouts.cli import main
    from readouts.web import server

    monkeypatch.setattr(server, "run", lambda app, sock, **kw: sock.close())
    args = ["serve", "--host", host, "--port", "0", "--embedder", "fake.v1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert ("no logins" in result.output) is warned


def test_web_serve_refuses_an_unknown_embedder() -> None:
    from click.testing import CliRunner

    from readouts.cli import main

    result = CliRunner().invoke(main, ["serve", "--embedder", "nope.v9"])
    assert result.exit_code == 5 and "unknown embedder" in result.output


# --------------------------------------------------------------------------- issue 12


HTML_ACCEPT = {"accept": "text/html"}


def test_web_form_error_keeps_what_was_typed(client: TestClient) -> None:
    data = {"text-1": US, "party-1": "United States", "url-2": "", "text-2": "", "party-2": "X"}
    r = client.post("/compare", data=data, headers=HTML_ACCEPT)
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert 'id="form-error"' in r.text and "at least two accounts" in r.text
    # the form again, with the pasted text and the parties filled in
    assert '<form method="post" action="/compare"' in r.text
    assert "Secretary of State Antony J. Blinken spoke today" in r.text
    assert 'value="United States"' in r.text and 'value="X"' in r.text


def test_web_form_error_escapes_what_it_gives_back(client: TestClient) -> None:
    data = {"text-1": "</textarea><script>alert(1)</script>", "party-1": '"><b>x'}
    r = client.post("/compare", data=data, headers=HTML_ACCEPT)
    assert "<script>alert(1)</script>" not in r.text and '"><b>x' not in r.text
    assert "&lt;/textarea&gt;&lt;script&gt;" in r.text


def test_web_pasted_text_is_named_as_such_in_errors(client: TestClient) -> None:
    data = {"text-1": US, "party-1": "nato", "text-2": "Bonjour à tous, ceci est un texte."}
    r = client.post("/compare", data=data, headers=HTML_ACCEPT)
    assert r.status_code == 422
    assert "account 2 (pasted text)" in r.text and "nato.txt" not in r.text


def test_web_form_fetches_addresses(client: TestClient, web_server: str) -> None:
    data = {"url-1": f"{web_server}/call_us", "url-2": f"{web_server}/call_cn"}
    r = client.post("/compare", data=data)
    assert r.status_code == 303, r.text
    twin = client.get(r.headers["location"] + ".json").json()
    assert [a["account"]["source"] for a in twin["accounts"]] == [
        f"{web_server}/call_us",
        f"{web_server}/call_cn",
    ]
    bad = client.post(
        "/compare",
        data={"url-1": f"{web_server}/call_us", "url-2": f"{web_server}/missing"},
        headers=HTML_ACCEPT,
    )
    assert bad.status_code == 502 and "the server answered 404" in bad.text
    assert f'value="{web_server}/missing"' in bad.text  # kept for another try


def test_web_api_takes_addresses(client: TestClient, web_server: str) -> None:
    body = {"accounts": [{"url": f"{web_server}/call_us"}, {"url": f"{web_server}/call_cn"}]}
    data = client.post("/api/compare", json=body).json()
    assert data["ok"] is True and data["accounts"] == ["call_us", "call_cn"]
    assert data["warnings"] == []


def test_web_long_ids_are_cut_at_a_word() -> None:
    from readouts.web.submitted import slug

    name = "2022-05-23-readout-of-president-bidens-meeting-with-prime-minister-kishida-of-japan-2"
    out = slug(name)
    assert len(out) <= 64 and out.endswith("-with-prime") and not out.endswith("-")


def test_web_report_warns_first(client: TestClient) -> None:
    a = "President Biden met with Prime Minister Kishida of Japan. They discussed trade."
    b = "President Biden met with Prime Minister Kishida of Japan in Tokyo. They discussed chips."
    body = {
        "accounts": [
            {"text": a, "party": "United States", "id": "jan"},
            {"text": b, "party": "United States", "id": "may"},
        ]
    }
    data = client.post("/api/compare", json=body).json()
    assert [w["code"] for w in data["warnings"]] == ["same-side"]
    page = client.get(data["links"]["html"]).text
    assert page.index('class="warnings"') < page.index('id="score"')
    assert "not comparable" in page


def test_web_several_sides_page_has_the_report_layout(client: TestClient) -> None:
    body = {
        "accounts": [
            {"text": US, "party": "United States"},
            {"text": CN, "party": "China"},
            {"text": CN + " 双方同意保持沟通。", "party": "Xinhua"},
        ]
    }
    made = client.post("/api/compare", json=body).json()
    page = client.get(made["links"]["html"]).text
    assert 'class="toolbar"' in page and 'class="score-card"' in page
    assert 'id="topics"' in page and '<table class="matrix">' in page
