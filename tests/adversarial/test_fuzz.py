"""Property-based fuzzing of ingest and compare: never an internal error (exit 1), never
a hang (a deadline per example), memory bounded (the process's peak checked at the end).

The default run is short enough for every test run; ``-m long`` runs the same
properties on many more examples (``READOUTS_FUZZ_EXAMPLES``, default 2000), for a
machine with time to spare. CI leaves it out.
"""

from __future__ import annotations

import contextlib
import os
import resource

import pytest
from click.testing import CliRunner
from harness import CN_TEXT, US_TEXT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pdfs import text_pdf
from readouts.cli import main
from readouts.comparison import compare
from readouts.embed import FakeEmbedder
from readouts.errors import ReadoutsError
from readouts.ingest import account_from_bytes, account_from_text
from readouts.lexicon import default_lexicon

SHORT = settings(
    max_examples=40,
    deadline=5000,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LONG = settings(
    SHORT,
    max_examples=int(os.environ.get("READOUTS_FUZZ_EXAMPLES", "2000")),
    derandomize=False,
)
#: How much the peak memory of this process may grow over a fuzzing test.
GROWTH_MB = 400

NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.pdf", "a", "-x.markdown", "a.htm"])
WORDS = st.sampled_from(
    [*US_TEXT.split()[:60], *list(CN_TEXT[:60]), "\n", "\n\n", ".", "。", "<", ">", "&", "\x00"]
)

# YAML front matter made of the pieces that broke it: anchors, aliases, nesting, tags,
# dates that are no dates, and plain fields
YAML_PIECES = st.sampled_from(
    [
        "title: A call",
        "date: 2023-06-20",
        "date: 2023-13-45",
        "date: '2023-02-30'",
        "a: &a [x, x]",
        "b: [*a, *a]",
        "c: &c [*c]",
        "d:\n  e:\n    f: 1",
        "tags: [a, [b]]",
        "x: !!python/name:os.system",
        "language: fr",
        "language: zh",
        "party: China",
        "side: nato",
        "k: {q: 1}",
        "<<: *a",
        "? [a]\n: b",
        "y: 1e999999",
        "z: 0x_",
        "- list",
        "...",
        "'unclosed",
    ]
)
TAGS = st.sampled_from(["div", "p", "span", "script", "style", "table", "td", "li", "b", "x"])


def _memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read(data: bytes, name: str) -> None:
    # a refusal with a reason (a ReadoutsError) is the right answer to most of this
    with contextlib.suppress(ReadoutsError):
        account_from_bytes(data, name=name, id="fuzz")


@st.composite
def front_matter(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(YAML_PIECES, max_size=8))
    body = " ".join(draw(st.lists(WORDS, min_size=1, max_size=40)))
    return ("---\n" + "\n".join(lines) + "\n---\n" + body).encode("utf-8", "surrogatepass")


@st.composite
def html(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(0, 3000))
    tags = [draw(TAGS) for _ in range(min(depth, 20))] or ["div"]
    opening = "".join(f"<{tags[i % len(tags)]}>" for i in range(depth))
    closing = "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth)))
    text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=30)))
    cut = draw(st.integers(0, 3))  # drop some closing tags
    return f"<html><body>{opening}<p>{text}</p>{closing[: len(closing) - cut]}".encode()


@st.composite
def damaged_pdf(draw: st.DrawFn) -> bytes:
    data = bytearray(text_pdf("The two sides met and agreed to talk again."))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    return bytes(data[: draw(st.integers(8, len(data)))])


def _ingest_properties(cfg: settings) -> None:
    start = _memory_mb()

    @cfg
    @given(data=st.binary(max_size=4096), name=NAMES)
    def any_bytes(data: bytes, name: str) -> None:
        _read(data, name)

    @cfg
    @given(data=front_matter())
    def any_front_matter(data: bytes) -> None:
        _read(data, "a.md")

    @cfg
    @given(data=html())
    def any_html(data: bytes) -> None:
        _read(data, "a.html")

    @cfg
    @given(data=damaged_pdf())
    def any_pdf(data: bytes) -> None:
        _read(data, "a.pdf")

    for prop in (any_bytes, any_front_matter, any_html, any_pdf):
        prop()
    assert _memory_mb() - start < GROWTH_MB


def _compare_properties(cfg: settings) -> None:
    start = _memory_mb()
    lexicon, embedder = default_lexicon(), FakeEmbedder()

    @cfg
    @given(a=st.lists(WORDS, min_size=1, max_size=120), b=st.lists(WORDS, min_size=1, max_size=120))
    def any_pair(a: list[str], b: list[str]) -> None:
        with contextlib.suppress(ReadoutsError):  # refusals (language, duplicates) are fine
            one = account_from_text(" ".join(a), id="a")
            two = account_from_text(" ".join(b), id="b")
            compare(one, two, lexicon=lexicon, embedder=embedder)

    any_pair()
    assert _memory_mb() - start < GROWTH_MB


def _cli_properties(cfg: settings, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    us = folder / "us.txt"
    us.write_text(US_TEXT, encoding="utf-8")

    @cfg
    @given(data=st.one_of(st.binary(max_size=2048), front_matter(), html()), name=NAMES)
    def never_exit_1(data: bytes, name: str) -> None:
        path = folder / ("f" + name.lstrip("-"))
        path.write_bytes(data)
        runner = CliRunner()
        for args in (["read", str(path)], ["compare", str(us), str(path)]):
            result = runner.invoke(
                main, [*args, "--format", "json"], env={"READOUTS_EMBEDDER": "fake.v1"}
            )
            assert result.exit_code in (0, 3, 4), (result.exit_code, result.output[-500:])

    never_exit_1()


def test_fuzz_ingest_never_fails_unplanned() -> None:
    _ingest_properties(SHORT)


def test_fuzz_compare_never_fails_unplanned() -> None:
    _compare_properties(SHORT)


def test_fuzz_cli_never_exits_1(tmp_path_factory: pytest.TempPathFactory) -> None:
    _cli_properties(settings(SHORT, max_examples=25), tmp_path_factory)


@pytest.mark.long
def test_fuzz_long_ingest() -> None:
    _ingest_properties(LONG)


@pytest.mark.long
def test_fuzz_long_compare() -> None:
    _compare_properties(LONG)


@pytest.mark.long
def test_fuzz_long_cli(tmp_path_factory: pytest.TempPathFactory) -> None:
    _cli_properties(settings(LONG, max_examples=LONG.max_examples // 4), tmp_path_factory)
