"""Fetch: accounts from http(s) addresses, served by a local server (never the internet)."""

from __future__ import annotations

import pytest

from readouts.errors import FetchError, InputError
from readouts.fetch import fetch_account, is_url, read_source


def test_fetch_extracts_the_statement_and_keeps_provenance(web_server):
    account = fetch_account(web_server + "/readout.html")
    assert "held talks with his visiting counterpart" in account.text
    assert "Copyright" not in account.text and "tracking" not in account.text  # trafilatura
    assert account.source == web_server + "/readout.html"
    assert account.meta["url"] == web_server + "/readout.html"
    assert account.meta["fetched_at"].endswith("+00:00") and account.meta["status"] == 200
    assert account.meta["content_type"].startswith("text/html")
    assert account.id == "readout" and account.language == "en"


def test_fetch_follows_redirects_and_reads_plain_text(web_server):
    moved = fetch_account(web_server + "/moved")
    assert moved.source == web_server + "/moved"
    assert moved.meta["url"] == web_server + "/readout.html"
    text = fetch_account(web_server + "/call_cn")
    assert text.language == "zh" and text.text.startswith("应美方请求")


@pytest.mark.parametrize(
    "path, kwargs, says",
    [
        ("/missing", {}, "404"),
        ("/big", {"max_bytes": 1000}, "limit of 1,000"),  # refused by its length
        ("/big-unsized", {"max_bytes": 1000}, "limit of 1,000"),  # refused while reading
        ("/slow", {"timeout": 0.5}, "0.5 s"),
        ("/image.png", {}, "image/png"),
        ("/to-file", {}, "not an http(s) address"),
    ],
)
def test_fetch_each_failure_has_a_clear_error(web_server, path, kwargs, says):
    with pytest.raises(FetchError) as exc:
        fetch_account(web_server + path, **kwargs)
    assert exc.value.path == web_server + path
    assert says in str(exc.value)
    assert exc.value.exit_code == 3


def test_fetch_refuses_other_schemes_and_unreachable_hosts():
    with pytest.raises(FetchError, match="http"):
        fetch_account("ftp://example.org/readout.txt")
    with pytest.raises(FetchError, match="cannot reach"):
        fetch_account("http://127.0.0.1:9/readout.html", timeout=2)  # the discard port


@pytest.mark.parametrize(
    "item, want", [("https://x.org/a", True), ("HTTP://x", True), ("a.txt", False), (3, False)]
)
def test_fetch_is_url(item, want):
    assert is_url(item) is want


def test_fetch_read_source_reads_paths_and_addresses(web_server, fixtures):
    assert read_source(fixtures / "call_us.txt").id == "call_us"
    assert read_source(web_server + "/call_us", party="United States").party == "United States"
    with pytest.raises(InputError):
        read_source(fixtures / "nope.txt")
