"""The brief's phrasebook: templates, issue names and side names, English and Chinese.

The note is phrased from the templates in ``data/brief_phrases.tsv`` (English and Chinese
side by side, with ``brief_sides.tsv`` and ``brief_topics.tsv`` for names); no language
model, no network. Each file has a ``# version: N`` line and a header row; a template
may hold no quotation mark, as every quotation mark in a brief belongs to a quotation of
an account.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError, LexiconError
from ..lexicon import parse_tsv
from .model import QUOTE_MARKS

__all__ = ["LANGS", "Phrasebook", "phrasebook"]

LANGS = ("en", "zh")


def _read_tsv(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a packaged ``data/<name>.tsv`` with a version line and a header."""
    text = resources.files("readouts").joinpath("data", f"{name}.tsv").read_text("utf-8")
    _, _, rows = parse_tsv(text, f"readouts/data/{name}.tsv", columns, strip=False)
    return [row for _, row in rows]


@dataclass(frozen=True)
class Phrasebook:
    """The templates, issue names and side names of one language."""

    lang: str
    templates: dict[str, str]
    topics: dict[str, str]
    sides: dict[str, dict[str, str]]

    def template(self, key: str) -> str:
        try:
            return self.templates[key]
        except KeyError:
            raise ConfigError(f"the brief phrasebook has no template {key!r}") from None

    def has(self, key: str) -> bool:
        return key in self.templates


@lru_cache(maxsize=2)
def phrasebook(lang: str) -> Phrasebook:
    """The packaged phrasebook for ``lang`` (``en`` or ``zh``)."""
    if lang not in LANGS:
        raise ConfigError(f"unknown brief language {lang!r}; choose from {', '.join(LANGS)}")
    templates: dict[str, str] = {}
    for row in _read_tsv("brief_phrases", ("id", "en", "zh")):
        value = row[lang]
        if any(mark in value for mark in QUOTE_MARKS):
            raise LexiconError(
                f"template {row['id']!r} holds a quotation mark", path="readouts/data/brief_phrases"
            )
        templates[row["id"]] = value
    topics = {r["topic"]: r[lang] for r in _read_tsv("brief_topics", ("topic", "en", "zh"))}
    sides = {
        r["party"]: r
        for r in _read_tsv(
            "brief_sides", ("party", "name_en", "account_en", "name_zh", "short_zh", "account_zh")
        )
    }
    return Phrasebook(lang, templates, topics, sides)
