"""Items 3, 13, 18 and 19: the web app under hostile requests and heavy work.

No Host check (DNS rebinding reached the app on 127.0.0.1), cross-site form posts
accepted, a body announced and never sent held its connection for 70 s, one heavy
comparison blocked every other and went on after its client left, a busy port printed
'serving on' then exited 3, and Ctrl-C waited for a long comparison to end.
"""

from __future__ import annotations

import base64
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import anyio
import httpx
import pytest
from harness import CN_TEXT, US_TEXT, SlowEmbedder, alias_bomb, asgi_request, cli

from pdfs import bomb_pdf
from readouts.embed import FakeEmbedder
from readouts.web import Settings, create_app
from readouts.web.submitted import Submitted
from readouts.web.workers import ClientGone, Job, cores

pytest.importorskip("fastapi")

#: An account whose encoding takes a minute (SlowEmbedder): a comparison that holds its
#: worker, however fast the pipeline is.
SLOW_TEXT = US_TEXT + " The two sides held zzslow talks on trade."


def _app(**settings: object) -> object:
    return create_app(Settings(in_process=True, **settings), embedder=FakeEmbedder())  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def app() -> object:
    return _app(body_timeout=1.0)


def _pair(a: str = US_TEXT, b: str = CN_TEXT, **extra: object) -> dict:
    return {"accounts": [{"text": a}, {"text": b, **extra}]}


# --------------------------------------------------------------------------- requests


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_web_hostile_unknown_host_is_refused(app: object, host: str) -> None:
    r = asgi_request(app, "GET", "/index.json", headers={"host": host})
    assert r.status_code == 400 and "does not answer to the host" in r.json()["error"]


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "[::1]:8000"])
def test_web_hostile_own_hosts_are_answered(app: object, host: str) -> None:
    assert asgi_request(app, "GET", "/index.json", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "http://127.0.0.1:3000"},  # another local app, another port
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
)
@pytest.mark.parametrize("path", ["/compare", "/api/compare/upload", "/api/compare"])
def test_web_hostile_cross_site_posts_are_refused(app: object, path: str, headers: dict) -> None:
    files = {"file-1": ("a.txt", US_TEXT.encode()), "file-2": ("b.txt", CN_TEXT.encode())}
    r = asgi_request(app, "POST", path, files=files, headers=headers)
    assert r.status_code == 403 and "cross-site" in r.json()["error"]


def test_web_hostile_pages_send_their_origin_to_themselves_only(app: object) -> None:
    # "no-referrer" made browsers post the app's own form with "Origin: null"
    assert asgi_request(app, "GET", "/").headers["referrer-policy"] == "same-origin"


def test_web_hostile_own_form_post_is_answered(app: object) -> None:
    data = {"text-1": US_TEXT, "text-2": CN_TEXT}
    headers = {
        "host": "127.0.0.1:8000",
        "origin": "http://127.0.0.1:8000",
        "sec-fetch-site": "same-origin",
    }
    r = asgi_request(app, "POST", "/compare", data=data, headers=headers)
    assert r.status_code == 303


def test_web_hostile_body_that_never_comes_is_a_408(app: object) -> None:
    sent: list[dict] = []
    first = [{"type": "http.request", "body": b'{"acc', "more_body": True}]

    async def receive() -> dict:
        if first:
            return first.pop()
        await anyio.sleep(3600)  # the rest of the body never comes
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/compare",
        "raw_path": b"/api/compare",
        "root_path": "",
        "query_string": b"",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"content-type", b"application/json"),
            (b"content-length", b"1000"),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }

    async def go() -> None:
        with anyio.fail_after(10):
            await app(scope, receive, send)  # type: ignore[operator]

    started = time.monotonic()
    anyio.run(go)
    assert time.monotonic() - started < 5
    assert sent[0]["status"] == 408


@pytest.mark.parametrize(
    "account, status, words",
    [
        ({"text": alias_bomb()}, 400, "anchors or aliases"),
        ({"text": "---\ndate: 2023-13-45\n---\n" + US_TEXT}, 400, "cannot be read"),
        ({"text": "---\na: &a [*a]\n---\n" + US_TEXT}, 400, "anchors or aliases"),
        ({"text": US_TEXT, "language": "zh"}, 422, "declared Chinese"),
        ({"text": "Le président a rencontré le ministre et ils ont discuté."}, 422, "French"),
        (
            {"content_base64": base64.b64encode(bomb_pdf()).decode(), "filename": "b.pdf"},
            400,
            "safety limit",
        ),
    ],
    ids=["alias-bomb", "bad-date", "recursive-alias", "declared-zh", "french", "pdf-bomb"],
)
def test_web_hostile_accounts_are_refused_naming_the_account(
    app: object, account: dict, status: int, words: str
) -> None:
    started = time.monotonic()
    r = asgi_request(app, "POST", "/api/compare", json={"accounts": [{"text": US_TEXT}, account]})
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error.startswith("account 2") and words in error
    assert time.monotonic() - started < 20


def test_web_hostile_markdown_report_is_inert(app: object) -> None:
    hostile = US_TEXT + "\n\n<script>alert(1)</script> [x](javascript:alert(1)) was discussed."
    made = asgi_request(app, "POST", "/api/compare", json=_pair(hostile)).json()
    md = asgi_request(app, "GET", made["links"]["markdown"]).text
    assert "<" not in md and "\\[x\\](javascript:alert(1))" in md


# --------------------------------------------------------------------------- workers


def _items(*texts: str) -> tuple[Submitted, ...]:
    return tuple(Submitted(t.encode(), f"{n}.txt") for n, t in enumerate(texts, start=1))


def _pool_app(**settings: object) -> object:
    return create_app(Settings(**settings), embedder=SlowEmbedder(delay=60))  # type: ignore[arg-type]


def test_web_hostile_time_budget_stops_a_comparison() -> None:
    app = _pool_app(workers=1, time_budget=2.0)
    pool = app.state.comparer.pool  # type: ignore[attr-defined]
    try:
        pool.start()
        started = time.monotonic()
        r = asgi_request(
            app,
            "POST",
            "/api/compare",
            json=_pair(SLOW_TEXT),
        )
        assert r.status_code == 503 and "time budget of 2 s" in r.json()["error"]
        assert time.monotonic() - started < 15
        ok = asgi_request(app, "POST", "/api/compare", json=_pair())  # a new worker took over
        assert ok.status_code == 200, ok.text
    finally:
        pool.close()


def test_web_hostile_client_gone_stops_its_worker() -> None:
    app = _pool_app(workers=1, time_budget=60.0)
    pool = app.state.comparer.pool  # type: ignore[attr-defined]
    try:
        pool.start()
        (first,) = pool._all
        gone_at = time.monotonic() + 1.0

        async def is_disconnected() -> bool:
            return time.monotonic() > gone_at

        async def go() -> None:
            with pytest.raises(ClientGone):
                job = Job(_items(SLOW_TEXT, CN_TEXT), "readouts")
                await pool.run(job, is_disconnected=is_disconnected)

        started = time.monotonic()
        anyio.run(go)
        assert time.monotonic() - started < 10
        assert not first.process.is_alive() and first not in pool._all and len(pool._all) == 1
    finally:
        pool.close()


@pytest.mark.skipif(cores() < 2, reason="a heavy and a normal request at once need 2 cores")
def test_web_hostile_heavy_request_does_not_block_a_normal_one() -> None:
    app = _pool_app(workers=2, time_budget=60.0)
    pool = app.state.comparer.pool  # type: ignore[attr-defined]
    try:
        pool.start()
        assert asgi_request(app, "POST", "/api/compare", json=_pair()).status_code == 200
        heavy = threading.Thread(
            target=asgi_request,
            args=(app, "POST", "/api/compare"),
            kwargs={"json": _pair(SLOW_TEXT)},
            daemon=True,
        )
        heavy.start()
        time.sleep(1.0)
        assert pool.busy == 1
        for n in range(3):
            started = time.monotonic()
            r = asgi_request(app, "POST", "/api/compare", json=_pair(US_TEXT + f" Also {n}."))
            assert r.status_code == 200 and time.monotonic() - started <= 2.0
    finally:
        pool.close()


def test_web_hostile_worker_errors_keep_their_status() -> None:
    app = _pool_app(workers=1)
    try:
        r = asgi_request(app, "POST", "/api/compare", json=_pair(b=US_TEXT, language="zh"))
        assert r.status_code == 422 and r.json()["error"].startswith("account 2")
    finally:
        app.state.comparer.close()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- serve


def _serve(*args: str) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "READOUTS_EMBEDDER": "fake.v1"}
    code = "from readouts.cli import main; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "serve", "--port", "0", "--log-level", "warning", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    m = re.search(r"serving on (http://\S+)/", line)
    if not m:
        proc.kill()
        pytest.fail(f"no 'serving on' line: {line!r}")
    return proc, m.group(1)


def test_web_hostile_busy_port_is_one_message() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        ran = cli("serve", "--port", str(port), limit_s=20)
    assert ran.code == 9
    assert "in use" in ran.one_line_error() and "serving on" not in ran.err


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_web_hostile_signal_stops_a_long_comparison(sig: int) -> None:
    proc, base = _serve("--workers", "1")
    try:
        big = (US_TEXT + "\n\n") * (2_000_000 // len(US_TEXT))
        body = {"accounts": [{"text": US_TEXT}, {"text": big}]}
        thread = threading.Thread(
            target=lambda: httpx.post(base + "/api/compare", json=body, timeout=120), daemon=True
        )
        thread.start()
        time.sleep(3.0)  # the comparison is running in the worker
        started = time.monotonic()
        proc.send_signal(sig)
        proc.wait(timeout=15)
        assert time.monotonic() - started < 10
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


def test_web_hostile_served_app_checks_the_host() -> None:
    proc, base = _serve("--workers", "1")
    try:
        r = httpx.get(base + "/index.json", headers={"host": "evil.example"}, timeout=10)
        assert r.status_code == 400
        assert httpx.get(base + "/index.json", timeout=10).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        if proc.stderr is not None:
            proc.stderr.close()


def test_web_hostile_no_worker_is_left_behind() -> None:
    import psutil

    proc, _ = _serve("--workers", "1")

    children = psutil.Process(proc.pid).children(recursive=True)
    proc.terminate()
    proc.wait(timeout=15)
    if proc.stderr is not None:
        proc.stderr.close()
    _, alive = psutil.wait_procs(children, timeout=10)
    assert not alive
