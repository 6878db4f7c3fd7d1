"""Terminal report: the score and its reasons, then the two accounts side by side.

Each claim is marked ``=`` shared, ``≠`` conflict or ``·`` one-sided (an omission by
the other side), with its id and speaker; colour is added only when asked for, so the
marks carry the meaning on their own. Chinese characters count two columns wide.
"""

from __future__ import annotations

import shutil
import unicodedata

from ..lexicon import Lexicon, default_lexicon
from ..model import Claim, Comparison, Reading
from ..wording import short
from .common import MARKS, claim_text, side_by_side, side_name, speaker_label, verdict

__all__ = ["columns_for", "pad", "render_terminal", "width", "wrap"]

_COLOURS = {"shared": "\x1b[32m", "conflict": "\x1b[31m", "one-sided": "\x1b[33m"}
_RESET = "\x1b[0m"


def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int) -> list[str]:
    """Wrap to ``columns`` display columns, breaking at spaces or between wide characters."""
    lines: list[str] = []
    line, line_w = "", 0
    for token in _tokens(text):
        tw = width(token)
        if line_w + tw > columns and line:
            lines.append(line.rstrip())
            line, line_w = "", 0
            token = token.lstrip()
            tw = width(token)
        while tw > columns:  # a single over-long word
            cut, cw = "", 0
            for ch in token:
                if cw + width(ch) > columns:
                    break
                cut += ch
                cw += width(ch)
            lines.append(cut)
            token = token[len(cut) :]
            tw = width(token)
        line += token
        line_w += tw
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    word = ""
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        elif ch == " ":
            word += ch
            out.append(word)
            word = ""
        else:
            word += ch
    if word:
        out.append(word)
    return out


def pad(text: str, columns: int) -> str:
    """The text filled with spaces to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


def columns_for(columns: int | None) -> int:
    """The width to render at: as asked, else the terminal's (never under 60 columns)."""
    return max(60, columns or shutil.get_terminal_size((110, 40)).columns)


def _cell(
    reading: Reading, claim: Claim | None, comparison: Comparison, columns: int, colour: bool
) -> list[str]:
    if claim is None:
        return []
    rel = comparison.relations[claim.id]
    mark = MARKS[rel.label]
    short_id = claim.id.split(":")[-1]
    head = f"{mark} [{short_id}] {speaker_label(claim)}"
    if rel.label != "one-sided" and rel.partners:
        head += " ↔ " + ", ".join(p.split(":")[-1] for p in rel.partners)
    if rel.label == "conflict":
        head += f" — conflict: {rel.kind.replace('_', ' ')}"
    elif "unconfirmed_attribution" in rel.flags:
        head += " — attributed to the other side, not in its account"
    lines = [
        *wrap(head, columns),
        *("  " + ln for ln in wrap(claim_text(reading, claim), columns - 2)),
    ]
    if colour:
        lines = [_COLOURS[rel.label] + pad(ln, columns) + _RESET for ln in lines]
    return lines


def render_terminal(
    comparison: Comparison,
    *,
    columns: int | None = None,
    colour: bool = False,
    lexicon: Lexicon | None = None,
) -> str:
    """The comparison as plain text for a terminal ``columns`` wide (default: its width)."""
    lexicon = lexicon or default_lexicon()
    total = columns_for(columns)
    ra, rb = comparison.readings
    name_a, name_b = side_name(ra, lexicon), side_name(rb, lexicon)
    s = comparison.score
    out = wrap(
        f"readouts: {name_a} ({short(ra.account.id, 40)}, {ra.account.language}) vs "
        f"{name_b} ({short(rb.account.id, 40)}, {rb.account.language})",
        total,
    )
    for w in comparison.warnings:
        lines = wrap(f"WARNING ({w.code}): {w.message}", total - 2)
        out += ["", "! " + lines[0], *("  " + ln for ln in lines[1:])]
    shown, said = verdict(comparison)
    out += ["", *wrap(f"MEETING OF MINDS  {shown}  {said}", total)]
    for reason in s.reasons:
        lines = wrap(reason, total - 4)
        out += ["  - " + lines[0], *("    " + ln for ln in lines[1:])]
    signals = comparison.signals
    tone = set(signals.tone_findings if signals else ())  # already among the reasons
    findings = [f for f in (signals.findings if signals else ()) if f not in tone]
    if findings:
        out += ["", "FINDINGS"]
        for finding in findings:
            lines = wrap(finding, total - 4)
            out += ["  - " + lines[0], *("    " + ln for ln in lines[1:])]
    out += [
        "",
        *wrap("  = shared   ≠ conflict   · one-sided (the other side's account omits it)", total),
        "",
    ]
    col = (total - 3) // 2
    out.append(pad(name_a, col) + " │ " + name_b)
    out.append("─" * col + "─┼─" + "─" * col)
    for row in side_by_side(comparison):
        left = _cell(ra, row.a, comparison, col, colour)
        right = _cell(rb, row.b, comparison, col, colour)
        for k in range(max(len(left), len(right))):
            lcell = left[k] if k < len(left) else ""
            rcell = right[k] if k < len(right) else ""
            out.append(pad(lcell, col) + " │ " + rcell)
        out.append(" " * col + " │")
    return "\n".join(out).rstrip() + "\n"
