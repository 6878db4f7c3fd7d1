"""Ingest: read an account from a file or a string into an :class:`Account`.

Formats: plain text (kept exactly as read, so offsets match the file), Markdown with
YAML front matter (the White House corpus format: ``title``, ``date`` and
``source_url`` become metadata, Markdown markup and escapes are dropped), HTML
(main text via trafilatura, with a plain lxml fallback), and PDF (text layer).

Bytes are UTF-8 by default; UTF-16 with a byte-order mark, GB18030 and Big5 are
detected, and English text in Windows-1252 is accepted. Binary or undecodable input
is refused. Files over :data:`MAX_BYTES` are refused before they are read.
"""

from __future__ import annotations

import html as html_lib
import io
import re
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    FormatError,
    LanguageError,
    MissingFileError,
    TooLargeError,
)
from .lang import declared, detect, en, parse_tag, traditional
from .model import Account

__all__ = [
    "MAX_BYTES",
    "SHORT_TEXT_WORDS",
    "account_from_text",
    "decode",
    "looks_english",
    "read_account",
    "sniff_format",
]

#: The largest file readouts reads: 5 MB. A readout is rarely over 50 kB.
MAX_BYTES = 5_000_000

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


# --------------------------------------------------------------------------- decoding


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


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text, 0, 20000)) / min(len(text), 20000)


def decode(data: bytes, path: str | None = None) -> str:
    """Bytes to text: UTF-8, UTF-16 (with BOM), GB18030, Big5 or Windows-1252."""
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
        raise BinaryInputError(
            "contains NUL bytes: this is a binary file, not text", path=path, stage="ingest"
        )
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
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
    high = sum(b >= 0x80 for b in data)
    if high <= 0.05 * len(data):
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") <= 3:
            return _checked(text, path)
    raise DecodeError(
        "cannot decode the bytes as UTF-8, GB18030, Big5 or Windows-1252; save the file as UTF-8",
        path=path,
        stage="ingest",
    )


def _checked(text: str, path: str | None) -> str:
    if _control_share(text) > 0.01:
        raise BinaryInputError(
            "too many control characters: this is a binary file, not text",
            path=path,
            stage="ingest",
        )
    return text


# --------------------------------------------------------------------------- formats


def sniff_format(name: str, data: bytes) -> str:
    """'pdf', 'html', 'markdown' or 'text', from the file name, then the first bytes."""
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF") or suffix == ".pdf":
        return "pdf"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        return "html"
    if data.startswith(b"---\n") or data.startswith(b"---\r\n"):
        return "markdown"
    return "text"


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]+>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'$&])")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_END_MARK = re.compile(r"^\s*(?:\\?#){3}\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def _clean_inline(line: str) -> str:
    # each rule runs only when its marker is in the line: most lines of a corpus have none
    if "[" in line:
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(r"\1", line)
        line = _REFLINK.sub(r"\1", line)
    if "<" in line:
        line = _AUTOLINK.sub("", line)
        line = _TAG.sub(" ", line)
    if "*" in line or "_" in line:
        # protect escaped characters from the emphasis rule, then restore them
        escaped = "\\" in line
        if escaped:
            line = _ESCAPE.sub(lambda m: "\x00" + str(ord(m.group(1))) + "\x00", line)
        line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", line)
        if escaped:
            line = re.sub(r"\x00(\d+)\x00", lambda m: chr(int(m.group(1))), line)
    elif "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    if "&" in line:
        line = html_lib.unescape(line)
    return _SPACES.sub(" ", line).strip()


def markdown_to_text(body: str) -> str:
    """Markdown to plain paragraphs: one paragraph per block, wrapped lines joined."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            joined = _join_lines(current)
            if joined:
                paragraphs.append(joined)
            current.clear()

    for raw in body.splitlines():
        if _END_MARK.match(raw):
            flush()
            continue
        stripped = _SPACES.sub(" ", raw).strip()
        if not stripped:
            flush()
            continue
        if _HEADING.match(raw) or _BULLET.match(raw):
            flush()
            stripped = _BULLET.sub("", _HEADING.sub("", raw)).strip()
            current.append(stripped)
            flush()
            continue
        current.append(stripped)
    flush()
    return "\n\n".join(p for p in (_clean_inline(p) for p in paragraphs) if p)


def _join_lines(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and not out.endswith(" -") and line[:1].islower():
            out = out[:-1] + line  # a word hyphenated across lines
        elif _is_cjk_edge(out[-1]) and _is_cjk_edge(line[0]):
            out += line
        else:
            out += " " + line
    return out


def _is_cjk_edge(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _front_matter(text: str, path: str | None) -> tuple[dict[str, Any], str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    import yaml

    try:
        # libyaml's loader when PyYAML was built with it: the same result, several times faster
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        meta = yaml.load(m.group(1), Loader=loader) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise FormatError(
            f"the YAML front matter cannot be parsed{where}", path=path, stage="ingest"
        ) from None
    if not isinstance(meta, dict):
        raise FormatError(
            "the front matter is not a set of 'key: value' lines", path=path, stage="ingest"
        )
    return meta, text[m.end() :]


def _html_to_text(markup: str, path: str | None) -> tuple[str, dict[str, Any]]:
    meta: dict[str, Any] = {}
    text = ""
    try:
        import trafilatura

        text = (
            trafilatura.extract(
                markup,
                include_comments=False,
                include_tables=False,
                favor_precision=True,
                deduplicate=False,
            )
            or ""
        )
        md = trafilatura.extract_metadata(markup)
        if md is not None:
            meta = {k: v for k, v in (("title", md.title), ("date", md.date)) if v}
    except Exception:  # trafilatura gives up on some fragments: fall back to lxml below
        text = ""
    if not text.strip():
        text = _html_fallback(markup, path)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paragraphs if p), meta


def _html_fallback(markup: str, path: str | None) -> str:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(markup)
    except Exception as exc:
        raise FormatError(
            f"the HTML cannot be parsed ({exc.__class__.__name__})", path=path, stage="ingest"
        ) from None
    for bad in tree.xpath("//script|//style|//nav|//header|//footer|//noscript|//form"):
        bad.drop_tree()
    blocks = tree.xpath("//p|//h1|//h2|//h3|//li|//blockquote")
    if blocks:
        return "\n".join(b.text_content() for b in blocks)
    return tree.text_content()


def _pdf_to_text(data: bytes, path: str | None) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise FormatError("the PDF is encrypted", path=path, stage="ingest")
        pages = [page.extract_text() or "" for page in reader.pages]
    except FormatError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise FormatError(
            f"the PDF cannot be read ({exc.__class__.__name__})", path=path, stage="ingest"
        ) from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise EmptyInputError(
            "the PDF has no text layer (a scan?); run OCR first", path=path, stage="ingest"
        )
    blocks = re.split(r"\n\s*\n", text)
    out = []
    for block in blocks:
        lines = [_SPACES.sub(" ", ln).strip() for ln in block.splitlines() if ln.strip()]
        if lines:
            out.append(_join_lines(lines))
    return "\n\n".join(out)


# --------------------------------------------------------------------------- accounts


def _iso_date(value: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
        if m:
            return "-".join(m.groups())
    return ""


def _safe_id(name: str) -> str:
    ident = re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")
    return ident or "account"


# --------------------------------------------------------------------------- short English

#: A text of at most this many words may be read as English by its words alone.
SHORT_TEXT_WORDS = 60
_WORDS = re.compile(r"[A-Za-z\u00c0-\u024f']+")
#: English function words and frequent news words; with the word lists of
#: :mod:`readouts.lang.en` they tell a short English sentence ("Russia threatened
#: Ukraine.", "Japan protested.") that has too few stopwords for the detector.
_EN_FUNCTION = frozenset(
    """
    a about above across after against ago all along also am among an and any are around as at
    back be because been before being below between both but by can could did do does down
    during each early either every for from had has have having her here him his how if in
    into is it its last late later least less more most much must near next no nor not now of
    off on once only onto or other our out over own per since so some still such than that the
    their them then there these they this those though through to today together too toward
    towards under until up upon us very was we were what when where whether which while who
    whom whose why will with within without would yesterday yet you your week month year
    monday tuesday wednesday thursday friday saturday sunday new old first two three
    """.split()
)
_EN_VOCAB = _EN_FUNCTION.union(en.REPORTING_VERBS, en.COMMON_VERBS, en.MEETING_VERBS)
_EN_SUFFIX = re.compile(r"(?:ed|ing|tion|tions|ment|ments|ly|ness|ity|ies|ers)$")


def looks_english(text: str) -> bool:
    """Is a short text (at most :data:`SHORT_TEXT_WORDS` words) English by its words?

    The language detector counts stopwords, which a headline-like sentence may lack.
    Here the words that are not names (capitalised, save an English first word) must
    mostly be English function words, common verbs, or carry an English ending (-ed,
    -ing, -tion, -ly...); at least one must. Longer texts are left to the detector.
    """
    words = _WORDS.findall(text)
    if not words or len(words) > SHORT_TEXT_WORDS:
        return False
    exact, prefixes = _lexicon_words()

    def english(word: str) -> bool:
        return (
            word in _EN_VOCAB
            or word in exact
            or word.startswith(prefixes)
            or bool(_EN_SUFFIX.search(word))
        )

    # a capitalised word is a name, unless it is the first word and an English one
    plain = [
        w.lower()
        for i, w in enumerate(words)
        if not w[0].isupper() or (i == 0 and english(w.lower()))
    ]
    known = sum(1 for w in plain if english(w))
    return known > 0 and known >= 0.5 * len(plain)


@lru_cache(maxsize=1)
def _lexicon_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The English words of the built-in act, topic and tone lexicons: whole words, and
    the stems of ``word*`` cues (``protest*``)."""
    from .lexicon import default_lexicon

    lex = default_lexicon()
    terms = [t for a in lex.acts.values() for t in a.cues_en]
    terms += [t for x in lex.topics.values() for t in x.terms_en]
    terms += [t for x in lex.tone.values() for t in x.terms_en]
    exact: set[str] = set()
    prefixes: set[str] = set()
    for term in terms:
        for word in term.lower().split():
            if word.endswith("*") and len(word) > 4:
                prefixes.add(word[:-1])
            elif word.isalpha():
                exact.add(word)
    return frozenset(exact), tuple(sorted(prefixes))


def _language(text: str, language: str | None) -> tuple[str, str]:
    """(language, script) of a text: detected, or declared and checked. A short text the
    detector cannot place ("too few words", "does not look English or Chinese") is read
    as English when it was declared English or :func:`looks_english` says so."""
    try:
        return detect(text) if language is None else declared(text, language)
    except LanguageError as exc:
        unplaced = "too few words" in exc.message or "does not look English" in exc.message
        if unplaced and not _CJK_TEXT.search(text):
            if language is not None and parse_tag(language)[0] == "en":
                return "en", ""
            if language is None and looks_english(text):
                return "en", ""
        raise


_CJK_TEXT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def account_from_text(
    text: str,
    *,
    id: str = "account",
    side: str = "",
    party: str = "",
    issuer: str = "",
    date: str = "",
    title: str = "",
    source: str = "",
    language: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Account:
    """An account from text already in memory (kept exactly as given)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not re.search(r"\w", text):
        raise EmptyInputError("the account is empty", path=source or None, stage="ingest")
    try:
        lang, script = _language(text, language)
    except LanguageError as exc:
        # say which file (or pasted account) is at fault
        if exc.path is None:
            exc.path = source or id
        raise
    return Account(
        id=id,
        text=text,
        language=lang,
        side=side,
        party=party,
        issuer=issuer,
        date=date,
        title=title,
        source=source,
        script=script,
        meta=dict(meta or {}),
    )


def read_account(
    path: str | Path,
    *,
    id: str | None = None,
    side: str = "",
    party: str = "",
    issuer: str = "",
    language: str | None = None,
) -> Account:
    """Read one account from a file in any supported format."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise MissingFileError("no such file", path=name, stage="ingest")
    if p.is_dir():
        raise MissingFileError("this is a folder, not a file", path=name, stage="ingest")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise TooLargeError(
            f"the file is {size:,} bytes; the limit is {MAX_BYTES:,}", path=name, stage="ingest"
        )
    data = p.read_bytes()
    return account_from_bytes(
        data,
        name=name,
        id=id or _safe_id(p.stem),
        side=side,
        party=party,
        issuer=issuer,
        language=language,
    )


def account_from_bytes(
    data: bytes,
    *,
    name: str,
    id: str,
    side: str = "",
    party: str = "",
    issuer: str = "",
    language: str | None = None,
) -> Account:
    """An account from the bytes of a file called ``name`` (used for uploads too)."""
    if len(data) > MAX_BYTES:
        raise TooLargeError(
            f"the input is {len(data):,} bytes; the limit is {MAX_BYTES:,}",
            path=name,
            stage="ingest",
        )
    if not data.strip():
        raise EmptyInputError("the file is empty", path=name, stage="ingest")
    fmt = sniff_format(name, data)
    meta: dict[str, Any] = {"format": fmt}
    if fmt == "pdf":
        text = _pdf_to_text(data, name)
    else:
        raw = decode(data, name)
        if fmt == "markdown":
            front, body = _front_matter(raw, name)
            meta.update({k: v for k, v in front.items() if isinstance(k, str)})
            text = markdown_to_text(body)
        elif fmt == "html":
            text, found = _html_to_text(raw, name)
            meta.update(found)
        else:
            text = raw
    if not re.search(r"\w", text):
        raise EmptyInputError("no text found in the file", path=name, stage="ingest")
    title = meta.get("title") or ""
    if isinstance(title, str):
        title = _clean_inline(title)
    return account_from_text(
        text,
        id=id,
        side=side or str(meta.get("side", "")),
        party=party or str(meta.get("party", "")),
        issuer=issuer or str(meta.get("issuer", "")),
        date=_iso_date(meta.get("date")),
        title=str(title),
        source=str(meta.get("source_url") or name),
        language=language or (str(meta["language"]) if meta.get("language") else None),
        meta={**{k: _plain(v) for k, v in meta.items()}, "path": name},
    )


def _plain(value: Any) -> Any:
    """Front-matter values made JSON-friendly (dates become ISO strings)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
