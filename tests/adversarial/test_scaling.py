"""Item 3, the stages outside the comparison core: linear cost on hostile shapes.

These are guards with generous limits, not measurements (benchmarks/bench_scaling.py
measures): each input is a shape that was, or could have been, quadratic (a paragraph
of many wrapped lines, one long line of many sentences, Markdown markers that never
close), at a size where a quadratic cost takes minutes and a linear one well under
the limit.
"""

from __future__ import annotations

import pytest
from harness import US_TEXT, within

from readouts.decode import decode
from readouts.extract import markdown_to_text
from readouts.ingest import account_from_text
from readouts.lang import detect
from readouts.segment import sentences

SIZE = 2_000_000


def _wrapped_paragraph() -> str:
    words = US_TEXT.replace(".", "").split()
    lines, line = [], []
    for w in words * (SIZE // len(US_TEXT) + 1):
        line.append(w)
        if len(" ".join(line)) > 70:
            lines.append(" ".join(line))
            line = []
    return "\n".join(lines)[:SIZE]


SHAPES = {
    "a paragraph of wrapped lines, no stops": _wrapped_paragraph,
    "one line of short sentences": lambda: " ".join(f"Talks {i} held." for i in range(SIZE // 16)),
    "one line, no punctuation": lambda: (US_TEXT.replace(".", "").replace("\n", " ") * 3000)[:SIZE],
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_scaling_segment_is_linear(shape: str) -> None:
    text = SHAPES[shape]()
    account = account_from_text(text, id="big", language="en")
    with within(15):
        assert sentences(account)


@pytest.mark.parametrize(
    "marker", ["**a ", "__a ", "<a ", "[a](", "![a](", "[a][", "<http:", "*a ", "a\\_ "]
)
def test_scaling_markdown_markers_that_never_close(marker: str) -> None:
    line = marker * (1_000_000 // len(marker))
    with within(15):
        markdown_to_text(line + "\n\n" + US_TEXT)


@pytest.mark.parametrize(
    "data",
    [
        US_TEXT.encode() * (5_000_000 // len(US_TEXT)) + "’".encode()[:2],
        "’".encode() * 1_600_000 + b"\xe2",
        ("中文" * 800_000).encode("gb18030"),
    ],
    ids=["cut-utf8", "many-multibyte", "gb18030"],
)
def test_scaling_decoding(data: bytes) -> None:
    with within(15):
        decode(data, "big.txt")


def test_scaling_language_detection() -> None:
    with within(5):
        assert detect(US_TEXT * 8000) == ("en", "")
