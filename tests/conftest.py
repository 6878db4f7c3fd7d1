"""Shared fixtures: the hand-written accounts in tests/fixtures, the embedders, and a
local HTTP server with canned pages (the suite never reaches the internet)."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from readouts.embed import FakeEmbedder, USEEmbedder
from readouts.ingest import read_account
from readouts.lexicon import default_lexicon

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def lexicon():
    return default_lexicon()


@pytest.fixture()
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def use_embedder() -> USEEmbedder:
    """The real encoder, loaded once per session."""
    return USEEmbedder()


@pytest.fixture()
def us_account():
    return read_account(FIXTURES / "call_us.txt")


@pytest.fixture()
def cn_account():
    return read_account(FIXTURES / "call_cn.txt")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "dev").exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def train_dir(shared_dir) -> Path:
    """eval/train, with its White House texts built from ../shared when a fresh clone
    lacks them (they are git-ignored: eval/train/build_accounts.py)."""
    import subprocess
    import sys

    train = Path(__file__).resolve().parents[1] / "eval" / "train"
    script = [sys.executable, str(train / "build_accounts.py")]
    if subprocess.run([*script, "--check"], capture_output=True).returncode != 0:
        subprocess.run(script, capture_output=True, check=True)
    return train


@pytest.fixture(scope="session")
def corpus_store():
    """The fixture corpus ingested, paired and analysed once (fake encoder); read only."""
    from readouts.corpus.analyze import analyze
    from readouts.corpus.ingest import ingest
    from readouts.corpus.pair import pair
    from readouts.corpus.store import Store

    store = Store(":memory:")
    ingest(store, [FIXTURES / "corpus"])
    pair(store)
    analyze(store, embedder="fake.v1")
    return store


@pytest.fixture(scope="session")
def golden():
    """Check rendered output against a golden file, byte for byte.

    With READOUTS_UPDATE_GOLDEN=1 the file is rewritten first (review the diff before
    committing); otherwise a missing or different file fails with the head of the diff.
    """
    update = os.environ.get("READOUTS_UPDATE_GOLDEN") == "1"

    def check(path: Path, out: str, what: str) -> None:
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(out, encoding="utf-8", newline="\n")
        if not path.exists():
            pytest.fail(f"{path} is missing; write it with READOUTS_UPDATE_GOLDEN=1")
        want = path.read_text(encoding="utf-8")
        if out != want:
            lines = difflib.unified_diff(
                want.splitlines(keepends=True),
                out.splitlines(keepends=True),
                fromfile=str(path),
                tofile=what,
            )
            diff = "".join(list(lines)[:80])
            pytest.fail(
                f"the {what} differs from {path.name}; if the change is meant, rerun with "
                f"READOUTS_UPDATE_GOLDEN=1 and review the diff\n{diff}",
                pytrace=False,
            )

    return check


# --------------------------------------------------------------------------- a local server


#: Canned answers of the local server: path -> (status, headers, body). The pages are the
#: hand-written fixtures; nothing is fetched from anywhere else.
def _canned() -> dict[str, tuple[int, dict[str, str], bytes]]:
    html = (FIXTURES / "page.html").read_bytes()
    us = (FIXTURES / "call_us.txt").read_bytes()
    cn = (FIXTURES / "call_cn.txt").read_bytes()
    big = b"<html><body><p>" + b"The two sides met. " * 400 + b"</p></body></html>"
    return {
        "/readout.html": (200, {"Content-Type": "text/html; charset=utf-8"}, html),
        "/call_us": (200, {"Content-Type": "text/plain; charset=utf-8"}, us),
        "/call_cn": (200, {"Content-Type": "text/plain; charset=utf-8"}, cn),
        "/moved": (302, {"Location": "/readout.html"}, b""),
        "/to-file": (302, {"Location": "file:///etc/hostname"}, b""),
        "/missing": (404, {"Content-Type": "text/plain"}, b"not here"),
        "/big": (200, {"Content-Type": "text/html"}, big),
        "/big-unsized": (200, {"Content-Type": "text/html", "Transfer-Encoding": "none"}, big),
        "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"0" * 64),
        "/slow": (200, {"Content-Type": "text/plain"}, us),
    }


@pytest.fixture(scope="session")
def web_server():
    """A local HTTP server on a free port of 127.0.0.1 serving :func:`_canned` pages; the
    base address. ``/slow`` waits 2 s before its body; ``/big-unsized`` sends no length."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    pages = _canned()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, headers, body = pages.get(self.path, (404, {}, b"no such page"))
            self.send_response(status)
            for key, value in headers.items():
                if key != "Transfer-Encoding":
                    self.send_header(key, value)
            if "Transfer-Encoding" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.path == "/slow":
                time.sleep(2)
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
