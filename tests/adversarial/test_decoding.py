"""Items 9, 12, 14, 15, 20 and 21: bytes, encodings, HTML, PDF and odd English.

A UTF-8 file cut mid-character was refused (or read as GB18030 mojibake), UTF-16
without a BOM was called binary, UTF-8 damaged mid-text became Windows-1252 mojibake,
a NUL after 8 KB passed into the JSON; HTML deeper than 255 levels lost its text; a
PDF bomb was exit 1; an empty-password PDF was refused; pypdf's warnings were printed
into corpus ingest's output; plain English was refused when it had no stopwords.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from harness import EN_LINE, US_TEXT, cli, within, write

from pdfs import bomb_pdf, encrypted_pdf, text_pdf
from readouts.decode import decode
from readouts.errors import BinaryInputError, DecodeError, FormatError
from readouts.ingest import account_from_bytes

ENGLISH = US_TEXT.replace("PRC's", "PRC’s")  # one multi-byte character at least


@pytest.mark.parametrize(
    "data, expected",
    [
        (ENGLISH.encode() + "中".encode()[:2], ENGLISH),  # cut at the end: dropped
        (ENGLISH.encode("utf-16-le"), ENGLISH),  # UTF-16 without a BOM
        (ENGLISH.encode("utf-16-be"), ENGLISH),
        ("\ufeff".encode() + ENGLISH.encode(), ENGLISH),
    ],
    ids=["utf8-cut-at-end", "utf16le-no-bom", "utf16be-no-bom", "utf8-bom"],
)
def test_decoding_is_read_right(data: bytes, expected: str) -> None:
    assert decode(data, "x.txt") == expected


@pytest.mark.parametrize(
    "data, error, words",
    [
        (
            ENGLISH.encode()[:100] + b"\xe2\x80" + ENGLISH.encode()[100:],
            DecodeError,
            "broken character at line 1, column 101",
        ),
        (ENGLISH.encode() * 20 + b"\x00" + ENGLISH.encode(), BinaryInputError, "NUL byte"),
        (b"\xff\xfe" + (ENGLISH * 20 + "\x00").encode("utf-16-le"), BinaryInputError, "NUL"),
    ],
    ids=["utf8-broken-mid-text", "nul-after-8k", "nul-in-utf16"],
)
def test_decoding_refuses_with_a_reason(data: bytes, error: type, words: str) -> None:
    with within(5), pytest.raises(error, match=words):
        decode(data, "x.txt")


def test_decoding_cut_utf8_through_the_cli(tmp_path: Path) -> None:
    path = write(tmp_path / "cut.txt", ENGLISH.encode() + "’".encode()[:1])
    ran = cli("read", str(path), "--format", "json")
    assert ran.code == 0, ran.err
    assert json.loads(ran.out)["account"]["text"] == ENGLISH


def test_decoding_deep_html_keeps_its_text() -> None:
    body = "<div>" * 5000 + "<p>" + EN_LINE + "</p>" + "</div>" * 5000
    markup = f"<html><body>{body}</body></html>".encode()
    with within(10):
        account = account_from_bytes(markup, name="deep.html", id="deep")
    assert account.text.strip() == EN_LINE.strip()


def test_decoding_pdf_bomb_is_refused_in_bounds(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.pdf", bomb_pdf())
    ran = cli("read", str(path), limit_s=20, ceiling_mb=700)
    assert ran.code == 3, ran.err
    assert "safety limit" in ran.one_line_error()


def test_decoding_empty_password_pdf_opens_and_a_real_one_is_refused() -> None:
    text = "The two ministers discussed trade and agreed to meet again."
    opened = account_from_bytes(encrypted_pdf(text, ""), name="e.pdf", id="e")
    assert text in opened.text
    with pytest.raises(FormatError, match="password"):
        account_from_bytes(encrypted_pdf(text, "secret"), name="s.pdf", id="s")


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4\n" + b"\x00" * 50, b"%PDF-1.4\n1 0 obj << /Type", b"%PDF-" * 1000]
)
def test_decoding_broken_pdfs_are_format_errors(data: bytes) -> None:
    with within(10), pytest.raises((FormatError, BinaryInputError)):
        account_from_bytes(data, name="broken.pdf", id="b")


def test_decoding_pypdf_warnings_stay_off_the_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "The two ministers discussed trade and agreed to meet again."
    write(folder / "damaged.pdf", text_pdf(text, xref_shift=7))
    ran = cli("corpus", "ingest", str(folder), "--db", str(tmp_path / "c.db"))
    assert ran.code == 0, ran.err
    assert "startxref" not in ran.out + ran.err and "added 1" in ran.out


@pytest.mark.parametrize(
    "make",
    [
        lambda: " ".join(f"Talks {i} held." for i in range(50_000)),
        lambda: " ".join(US_TEXT.replace(".", " ").replace(",", " ").split() * 300)[:200_000],
        lambda: "\n".join(f"Talks {i} held" for i in range(30_000)),
    ],
    ids=["50000-short-sentences", "one-200KB-line", "many-lines-no-stops"],
)
def test_decoding_plain_english_is_english(tmp_path: Path, make) -> None:
    path = write(tmp_path / "plain.txt", make())
    # about 8 s on an idle machine, nearly all of it in claims.py (50,000 claims): the
    # limit is wider so a busy machine does not fail it; a hang still does
    ran = cli("read", str(path), "--format", "json", limit_s=45, ceiling_mb=800)
    assert ran.code == 0, ran.err
    assert json.loads(ran.out)["account"]["language"] == "en"
