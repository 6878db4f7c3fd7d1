"""English wording shared by every report: names with their article, possessives, counts.

One place for the small rules a reader notices when they are wrong: "the United States'"
rather than "United States's", "1 statement" rather than "1 statement(s)", "14 missing
sentences" rather than "14 missing sentence".
"""

from __future__ import annotations

__all__ = ["cap", "count", "plural", "possessive", "short", "the"]

#: Names of parties that take "the" in running text.
_WITH_ARTICLE = frozenset(
    (
        "united states",
        "united kingdom",
        "united nations",
        "united arab emirates",
        "european union",
        "philippines",
        "netherlands",
        "holy see",
        "czech republic",
        "dominican republic",
        "bahamas",
        "gambia",
        "maldives",
    )
)
#: Plurals that do not add "s" (or "es").
_IRREGULAR = {"country": "countries", "party": "parties", "ally": "allies", "reply": "replies"}


def cap(text: str) -> str:
    """The text with its first letter capitalised."""
    return text[:1].upper() + text[1:] if text else text


def the(name: str) -> str:
    """A party's name as it stands in running text: "the United States", "China"."""
    if name.lower() in _WITH_ARTICLE:
        return "the " + name
    return name


def possessive(name: str) -> str:
    """ "China's", "the United States'", "NATO's": the possessive of a party's name."""
    name = the(name)
    return name + ("'" if name.endswith("s") else "'s")


def plural(word: str, n: int) -> str:
    """``word`` for one, its plural for any other number; a phrase's last word is the one
    that takes the plural ("missing sentence" -> "missing sentences")."""
    if n == 1:
        return word
    head, _, last = word.rpartition(" ")
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def count(n: int, word: str) -> str:
    """ "1 statement", "3 statements", "14 missing sentences"."""
    return f"{n} {plural(word, n)}"


def short(label: str, limit: int = 28) -> str:
    """A long id shortened for a title: cut at a word (``-``, ``_``, space) before
    ``limit`` characters, with an ellipsis; short ones are left alone."""
    if len(label) <= limit:
        return label
    cut = label[: limit - 1]
    at = max(cut.rfind("-"), cut.rfind("_"), cut.rfind(" "))
    return (cut[:at] if at >= limit // 2 else cut).rstrip("-_ ") + "…"
