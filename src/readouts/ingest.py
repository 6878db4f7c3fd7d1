"""Ingest: read an account from a file, bytes or a string into an :class:`Account`.

Formats: plain text (kept exactly as read, so offsets match the file), Markdown with
YAML front matter, HTML and PDF (their text by :mod:`readouts.extract`). Bytes are
decoded by :mod:`readouts.decode` (UTF-8, UTF-16, GB18030, Big5, Windows-1252; binary
or undecodable input refused). Files are read by :func:`readouts.files.read_limited`:
regular files only (``-`` is standard input), never more than :data:`MAX_BYTES` + 1
bytes.

The language is detected, or, when the caller or the front matter declares one,
checked against the text: a declared language the text contradicts is refused
(:class:`~readouts.errors.LanguageError`, naming the file), never trusted.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from .decode import decode
from .errors import EmptyInputError, FormatError, LanguageError, TooLargeError
from .extract import clean_inline, front_matter, html_to_text, markdown_to_text, pdf_to_text
from .files import STDIN, read_limited
from .lang import declared, detect, en, has_chinese
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

#: How standard input (``-``) is named in messages.
STDIN_NAME = "standard input"


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


# --------------------------------------------------------------------------- accounts


_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _iso_date(value: Any) -> str:
    """An ISO date from a date, a datetime or a string that starts with one; "" when
    there is none, or when the numbers are no real date ("2023-13-45")."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        m = _DATE.match(value.strip())
        if m:
            try:
                return date(*(int(g) for g in m.groups())).isoformat()
            except ValueError:
                return ""
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
    """(language, script) of a text: declared and checked (:func:`readouts.lang.declared`),
    or detected; a text the detector cannot place (too few words, no telling stopwords)
    is read as English when it has no Chinese and :func:`looks_english` says so."""
    if language is not None:
        return declared(text, language)
    try:
        return detect(text)
    except LanguageError as exc:
        unplaced = getattr(exc, "seen", "") in ("short", "unknown")
        if unplaced and not has_chinese(text) and looks_english(text):
            return "en", ""
        raise


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
    """An account from text already in memory (kept exactly as given).

    ``language`` ("en", "zh") is checked against the text, not trusted; errors name
    ``source`` (or the id) as the account at fault."""
    if text.startswith("\ufeff"):
        text = text[1:]
    where = source or id or None
    if not re.search(r"\w", text):
        raise EmptyInputError("the account is empty", path=where, stage="ingest")
    try:
        lang, script = _language(text, language)
    except LanguageError as exc:
        raise LanguageError(exc.message, path=exc.path or where, stage="language") from None
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
    """Read one account from a file in any supported format; ``-`` is standard input."""
    name = str(path)
    if name == STDIN:
        data = read_limited(STDIN, MAX_BYTES)
        name, stem = STDIN_NAME, "stdin"
    else:
        data = read_limited(name, MAX_BYTES)
        stem = Path(name).stem
    return account_from_bytes(
        data,
        name=name,
        id=id or _safe_id(stem),
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
    """An account from the bytes of a file called ``name`` (used for uploads too);
    every error names ``name``."""
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
        text = pdf_to_text(data, name)
    else:
        raw = decode(data, name)
        if fmt == "markdown":
            front, body = front_matter(raw, name)
            meta.update({k: v for k, v in front.items() if isinstance(k, str)})
            text = markdown_to_text(body)
        elif fmt == "html":
            text, found = html_to_text(raw, name)
            meta.update(found)
        else:
            text = raw
    if not re.search(r"\w", text):
        raise EmptyInputError("no text found in the file", path=name, stage="ingest")
    title = meta.get("title") or ""
    if isinstance(title, str):
        title = clean_inline(title)
    when = _iso_date(meta.get("date"))
    if not when and isinstance(meta.get("date"), str) and _DATE.match(meta["date"].strip()):
        raise FormatError(
            f"the date {meta['date']!r} in the front matter is not a real date",
            path=name,
            stage="ingest",
        )
    declared = meta.get("language")
    try:
        return account_from_text(
            text,
            id=id,
            side=side or str(meta.get("side", "")),
            party=party or str(meta.get("party", "")),
            issuer=issuer or str(meta.get("issuer", "")),
            date=when,
            title=str(title),
            source=str(meta.get("source_url") or name),
            language=language or (str(declared) if declared else None),
            meta={**{k: _plain(v) for k, v in meta.items()}, "path": name},
        )
    except (LanguageError, EmptyInputError) as exc:
        raise type(exc)(exc.message, path=name, stage=exc.stage) from None


def _plain(value: Any) -> Any:
    """Front-matter values made JSON-friendly (dates become ISO strings)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
