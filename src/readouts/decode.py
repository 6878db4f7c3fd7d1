"""Decode: the bytes of a file to text, or a one-line refusal that says what is wrong.

Tried in order: a known binary signature (refused, named); a byte-order mark (UTF-8,
UTF-16); UTF-16 without a mark when every other byte of the text is NUL (English
saved by some Windows tools); UTF-8; UTF-8 whose last character was cut off (the
broken tail dropped); GB18030 and Big5 when the decoding gives common Chinese
characters; then Windows-1252 for English with a few accented letters. UTF-8 damaged
in the middle is refused with the line and column of the broken character rather
than read as Windows-1252 (which would turn every other accented letter into
mojibake). A NUL byte anywhere, or many control characters, marks a binary file.
Every test is linear in the size of the input.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .errors import BinaryInputError, DecodeError
from .lang import traditional

__all__ = ["decode"]

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x00", "a binary file"),
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")
#: A well-formed UTF-8 sequence of two to four bytes.
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    text = resources.files("readouts").joinpath("data/common_hanzi.txt").read_text("utf-8")
    chars = "".join(line for line in text.splitlines() if not line.startswith("#"))
    return frozenset(chars) | frozenset(traditional(chars))


def _hanzi_plausibility(text: str) -> float:
    """Share of the Chinese characters that are common ones: high for a right decoding."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 4:
        return 0.0
    common = _common_hanzi()
    return sum(c in common for c in han) / len(han)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text, 0, 20000)) / min(len(text), 20000)


def _checked(text: str, path: str | None) -> str:
    if _control_share(text) > 0.01:
        raise BinaryInputError(
            "too many control characters: this is a binary file, not text",
            path=path,
            stage="ingest",
        )
    nul = text.find("\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"contains a NUL character at character {nul:,}: this is a binary file, not text",
            path=path,
            stage="ingest",
        )
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a byte-order mark: ASCII-range text has a NUL in
    every other byte, on the odd bytes (little-endian) or the even ones (big-endian)."""
    head = data[:8192]
    half = len(head) // 2
    if half < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.5 * half and even <= 0.02 * half:
        encoding = "utf-16-le"
    elif even >= 0.5 * half and odd <= 0.02 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {column} (byte {offset:,})"


def _mostly_utf8(data: bytes) -> bool:
    """Is this UTF-8 with a few broken bytes? Well-formed multi-byte sequences are all
    but absent from real Windows-1252 text ("café" is 63 61 66 E9), so a text that has
    them, and no more broken bytes than twice theirs, was UTF-8."""
    high = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    good = sum(len(m) for m in _UTF8_MULTI.findall(data))
    return good > 0 and high - good <= 2 * good


def decode(data: bytes, path: str | None = None) -> str:
    """Bytes to text: UTF-8, UTF-16, GB18030, Big5 or Windows-1252 (see the module)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"this is {what}, not text", path=path, stage="ingest")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"), path)
        except UnicodeDecodeError:
            raise DecodeError(
                "starts with a UTF-16 byte-order mark but is not UTF-16", path=path, stage="ingest"
            ) from None
    if b"\x00" in data[:8192]:
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            return _checked(text16, path)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"contains a NUL byte at {_position(data, nul)}: this is a binary file, not text",
            path=path,
            stage="ingest",
        )
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        broken = exc.start
        cut_tail = exc.reason == "unexpected end of data" and exc.end == len(data)
    if cut_tail:  # the last character cut off (a truncated copy): keep what is before it
        return _checked(data[:broken].decode("utf-8"), path)
    candidates: list[tuple[float, str, str]] = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_hanzi_plausibility(text), encoding, text))
    candidates.sort(reverse=True)
    if candidates and candidates[0][0] >= 0.45:
        return _checked(candidates[0][2], path)
    if _mostly_utf8(data):
        raise DecodeError(
            f"is UTF-8 with a broken character at {_position(data, broken)}; "
            "mend it or save the file as UTF-8 again",
            path=path,
            stage="ingest",
        )
    high = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    if high <= 0.05 * len(data):
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") <= 3:
            return _checked(text, path)
    raise DecodeError(
        "cannot decode the bytes as UTF-8, GB18030, Big5 or Windows-1252; save the file as UTF-8",
        path=path,
        stage="ingest",
    )
