"""Language: tell English from Chinese, give Chinese text a simplified view, and give
each stage the :class:`~readouts.lang.base.Language` that reads an account
(:func:`language_for`).

Only English and Chinese (simplified and traditional) are read; anything else is
refused with a :class:`~readouts.errors.LanguageError` that names what it looks like.
Traditional Chinese is matched through a simplified view of the same length, so
offsets found in the view are offsets in the original text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import LanguageError
from ..memo import by_text
from . import en

if TYPE_CHECKING:
    from .base import Language

__all__ = [
    "Piece",
    "declared",
    "detect",
    "distinct_issues",
    "has_chinese",
    "language_for",
    "languages",
    "parse_tag",
    "simplified",
    "text_view",
    "traditional",
]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+")


#: The stopwords of each language, in the order of data/lists.tsv (``stopwords_XX``).
@lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    from ..lexicon import default_lexicon

    lists = default_lexicon().lists
    return {
        k.removeprefix("stopwords_"): frozenset(e.items)
        for k, e in lists.items()
        if k.startswith("stopwords_")
    }


_NAMES = {
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "pt": "Portuguese",
    "it": "Italian",
    "en": "English",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}


def _refused(message: str, seen: str) -> LanguageError:
    """A LanguageError that records what the text was seen to be: a language code
    ("fr", "ja"...), "unknown" (not English or Chinese, nothing else recognised) or
    "short" (too few words to tell)."""
    exc = LanguageError(message, stage="language")
    exc.seen = seen  # type: ignore[attr-defined]
    return exc


#: English words a diplomatic text is made of even when it has no stopwords
#: ("Talks held.", headline style): the reporting verbs and sentence starters.
@lru_cache(maxsize=1)
def _en_words() -> frozenset[str]:
    return frozenset(en.REPORTING_VERBS) | en.SENTENCE_STARTERS | _stopwords()["en"]


#: How a declared language may be written: "en", "en-US", "English", "zh-Hant", "中文".
_DECLARED = {"english": "en", "chinese": "zh", "中文": "zh", "英文": "en", "英语": "en"}


def _spread_sample(text: str, size: int = 20000, parts: int = 4) -> str:
    """About ``size`` characters from the start, the middle and the end of a long text,
    so a long preamble or one long line does not decide alone."""
    if len(text) <= size:
        return text
    step = size // parts
    stride = (len(text) - step) // (parts - 1)
    return "\n".join(text[k * stride : k * stride + step] for k in range(parts))


def _identify(text: str) -> tuple[str, str, str]:
    """(language, script, message): "en" or "zh" (script "Hans"/"Hant" for Chinese),
    another language's code with the message that names it, or "short" / "unknown"
    when the text is too short or too odd to tell (the message says so)."""
    sample = _spread_sample(text)
    han = _CJK.findall(sample)
    cjk = len(han)
    latin = len(_LATIN.findall(sample))
    kana = len(_KANA.findall(sample))
    hangul = len(_HANGUL.findall(sample))
    only = "; readouts reads English and Chinese only"
    if kana > 10 and kana > 0.1 * (cjk + kana):
        return "ja", "", "the text looks Japanese" + only
    if hangul > 10 and hangul > cjk:
        return "ko", "", "the text looks Korean" + only
    if len(_CYRILLIC.findall(sample)) > max(20, latin, cjk):
        return "ru", "", "the text looks Russian (Cyrillic script)" + only
    if len(_ARABIC.findall(sample)) > max(20, latin, cjk):
        return "ar", "", "the text looks Arabic or Persian" + only
    # a Chinese character carries about as much as a two-letter word part
    if cjk and cjk * 3 >= latin:
        return "zh", _script(han), ""
    words = [w.lower() for w in _WORD.findall(sample)][:2000]
    if len(words) < 3:
        return "short", "", "too few words to tell the language" + only
    counts = Counter(words)
    shares = {
        lang: sum(n for w, n in counts.items() if w in sw) / len(words)
        for lang, sw in _stopwords().items()
    }
    best = max(shares, key=lambda k: shares[k])
    if best == "en" and shares["en"] >= 0.08:
        return "en", "", ""
    if shares["en"] >= 0.15:
        return "en", "", ""
    if best != "en" and shares[best] >= 0.08:
        return best, "", f"the text looks {_NAMES.get(best, best)}" + only
    # no stopwords at all ("Talks 1 held. Talks 2 held."): English words all the same?
    en_words = _en_words()
    known = sum(n for w, n in counts.items() if w in en_words) / len(words)
    if known >= 0.3 and max(shares.values()) < 0.04:
        return "en", "", ""
    return "unknown", "", "the text does not look English or Chinese" + only


def detect(text: str) -> tuple[str, str]:
    """Return (language, script): ("en", "") or ("zh", "Hans" | "Hant").

    Raises LanguageError for any other language, naming it when it can tell.
    """
    lang, script, message = _identify(text)
    if lang not in ("en", "zh"):
        raise _refused(message, lang)
    return lang, script


def has_chinese(text: str) -> bool:
    """Does the text hold any Chinese character?"""
    return _CJK.search(text) is not None


#: BCP-47 script and region subtags that say which Chinese script a tag means.
_HANT = {"hant", "tw", "hk", "mo"}
_HANS = {"hans", "cn", "sg", "my"}


def parse_tag(tag: str) -> tuple[str, str]:
    """A BCP-47 language tag as (language, script): ``en``, ``en-US``, ``en-GB`` give
    ("en", ""); ``zh``, ``zh-Hans``, ``zh-CN`` give ("zh", "Hans") or ("zh", "") when the
    tag does not say; ``zh-Hant``, ``zh-TW``, ``zh-HK`` give ("zh", "Hant"). Case and ``_``
    for ``-`` are accepted. Any other language is a LanguageError naming the tag."""
    low = tag.strip().lower()
    low = _DECLARED.get(low, low)
    parts = [p for p in re.split(r"[-_]", low) if p]
    if not parts:
        raise LanguageError(f"empty language tag {tag!r}; use en or zh (zh-Hans, zh-Hant)")
    primary, rest = parts[0], set(parts[1:])
    if primary in ("en", "eng"):
        return "en", ""
    if primary in ("zh", "zho", "chi", "cmn", "yue"):
        if rest & _HANT:
            return "zh", "Hant"
        if rest & _HANS:
            return "zh", "Hans"
        return "zh", ""
    raise LanguageError(
        f"the declared language {tag!r} is neither English (en) nor Chinese (zh); "
        "readouts reads English and Chinese (zh-Hans, zh-Hant) only",
        stage="language",
    )


#: A declared language stands for a text of fewer words when no stopword tells it apart
#: ("President Biden called President Zelenskyy today."); declared English also stands
#: for a longer one without Chinese characters.
_SHORT_WORDS = 30


def declared(text: str, tag: str) -> tuple[str, str]:
    """The (language, script) of a text whose language was declared as ``tag``.

    The declaration is checked against the text: a text declared Chinese that reads as
    English (or the reverse), or as another language, is a LanguageError that says so,
    rather than a reading that silently finds nothing. When the text is too short or too
    plain to tell, the declaration stands.
    The script is read from the text when it has Chinese characters (a declared script
    only fills in when it cannot be seen)."""
    lang, script = parse_tag(tag)
    seen, seen_script, message = _identify(text)
    if seen in ("short", "unknown"):
        # too short, or too plain for stopwords to tell: the declaration stands
        short = seen == "short" or len(text.split()) < _SHORT_WORDS
        if short or (lang == "en" and not has_chinese(text)):
            return lang, script
        raise LanguageError(f"declared {_NAMES[lang]} ({tag}), but {message}", stage="language")
    if seen != lang:
        said = _NAMES.get(seen, seen)
        raise LanguageError(
            f"declared {_NAMES[lang]} ({tag}), but the text reads as {said}"
            + ("; fix the declaration or leave it out" if seen in ("en", "zh") else "")
            + ("" if seen in ("en", "zh") else "; readouts reads English and Chinese only"),
            stage="language",
        )
    return lang, seen_script or script


@dataclass(frozen=True)
class Piece:
    """One proposition of a sentence, as a language's cutter finds it: ``text[start:end]``,
    with the frame (and, for a list item, the tail) it needs to be read alone; (-1, -1)
    when it needs none (see ``lang/en/cut.py`` and ``lang/zh/cut.py``)."""

    start: int
    end: int
    frame: tuple[int, int] = (-1, -1)
    tail: tuple[int, int] = (-1, -1)


def distinct_issues(
    items: Sequence[tuple[int, int]], issues: Sequence[tuple[int, int, str]]
) -> bool:
    """Do the items of a list name different issues, so that each is a point of its own?
    ``issues`` are the (start, end, topic) of the specific topics found in the text. "Human
    rights, Xinjiang, Hong Kong and Taiwan" name four; "critical medicines, therapeutics and
    healthcare equipment", "Libya, Yemen and Syria" or "concrete and lasting commitments"
    elaborate one (or none) and stay one point."""
    named = []
    for a, b in items:
        topics = frozenset(t for s, e, t in issues if a <= s and e <= b)
        if topics:
            named.append(topics)
    return len(named) >= 2 and len(set(named)) >= 2


@lru_cache(maxsize=1)
def _converters():
    from opencc import OpenCC

    return OpenCC("t2s"), OpenCC("s2t")


@lru_cache(maxsize=20000)
def _t2s_char(ch: str) -> str:
    out = _converters()[0].convert(ch)
    return out if len(out) == 1 else ch


def _script(han: list[str]) -> str:
    """'Hant' or 'Hans' for the Chinese characters of a text."""
    t2s, s2t = _converters()
    chars = "".join(han)[:5000]
    traditional_only = sum(a != b for a, b in zip(chars, t2s.convert(chars), strict=False))
    simplified_only = sum(a != b for a, b in zip(chars, s2t.convert(chars), strict=False))
    return "Hant" if traditional_only > simplified_only else "Hans"


@by_text(256)
def simplified(text: str) -> str:
    """The text with traditional characters mapped to simplified, one for one.

    The result has the same length as ``text``, so an offset in it is an offset in
    ``text``. Phrase-level conversions that would change the length are not used.
    Results are cached: reading one account asks for its view at several stages.
    """
    out = _converters()[0].convert(text)
    if len(out) == len(text):
        return out
    return "".join(_t2s_char(c) if _CJK.match(c) else c for c in text)


def text_view(text: str, language: str, view: str | None = None) -> str:
    """The text the lexicons read: Chinese in its simplified form (``view`` when the
    caller has it already), any other language as it is. Offsets are shared."""
    return language_for(language).view(text, view)


def traditional(text: str) -> str:
    """The text with simplified characters mapped to traditional (character by character
    or phrase by phrase, so the length may change: not for offsets)."""
    return _converters()[1].convert(text)


@lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    """The registered languages by code. A third language is a package beside ``en`` and
    ``zh`` that implements :class:`~readouts.lang.base.Language`, and one line here.
    Imported on first use: the language packages import the lexicon and the model."""
    from .en.language import English
    from .zh.language import Chinese

    return {"en": English(), "zh": Chinese()}


def language_for(code: str) -> Language:
    """The language that reads texts of ``code`` ("en", "zh"). Any other code is read as
    English, as the stages always did (languages are checked when accounts are read)."""
    registered = languages()
    return registered.get(code) or registered["en"]
