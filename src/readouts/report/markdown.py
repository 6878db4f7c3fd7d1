"""Markdown report: the verdict and its reasons, then the claims by relation, quoted.

Every piece of text that comes from an account or a user (claims, names, titles,
reasons that quote them) goes through :func:`~readouts.report.common.md_text`: the
report never carries raw HTML or a link made from an account."""

from __future__ import annotations

from ..lexicon import Lexicon, default_lexicon
from ..model import Claim, Comparison, Reading
from ..wording import short
from .common import (
    claim_text,
    conflict_pairs,
    grouped,
    md_text,
    possessive,
    side_name,
    speaker_label,
    verdict,
)

__all__ = ["render_markdown"]


def _said(comparison: Comparison, claim: Claim) -> str:
    """A claim as quoted in a list: its id, its speaker and its words."""
    reading = next(r for r in comparison.readings if r.account.id == claim.account_id)
    text = md_text(claim_text(reading, claim))
    return f"`{claim.id}` ({md_text(speaker_label(claim))}): “{text}”"


def _line(comparison: Comparison, reading: Reading, claim: Claim) -> str:
    rel = comparison.relations[claim.id]
    by_id = {c.id: c for r in comparison.readings for c in r.claims}
    flag = ""
    if "unconfirmed_attribution" in rel.flags and rel.label != "conflict":
        flag = " *(attributed to the other side; not in its account)*"
    topics = f" — {md_text(', '.join(claim.topics))}" if claim.topics else ""
    out = f"- {_said(comparison, claim)}{flag}{topics}"
    if rel.label == "one-sided" and rel.partners:
        out += " (nearest: " + ", ".join(f"`{p}`" for p in rel.partners) + ")"
    elif rel.partners:  # the counterpart's words, so that a link can be checked
        out += "".join(f"\n  - ↔ {_said(comparison, by_id[p])}" for p in rel.partners)
    return out


def render_markdown(comparison: Comparison, *, lexicon: Lexicon | None = None) -> str:
    """The comparison as Markdown; topic labels from ``lexicon`` (the built-in one when
    not given)."""
    lexicon = lexicon or default_lexicon()
    ra, rb = comparison.readings
    side_a, side_b = side_name(ra, lexicon), side_name(rb, lexicon)
    if side_a == side_b:
        side_a, side_b = f"{side_a} ({short(ra.account.id)})", f"{side_b} ({short(rb.account.id)})"
    name_a, name_b = md_text(side_a), md_text(side_b)
    s = comparison.score
    out = [f"# {name_a} and {name_b}: two accounts compared", ""]
    for w in comparison.warnings:
        out += [f"> **Warning ({md_text(w.code)}):** {md_text(w.message)}", ""]
    shown, said = verdict(comparison)
    out += [f"**Meeting of minds: {md_text(shown)}** — {md_text(said)}", ""]
    out += [f"- {md_text(r)}" for r in s.reasons]
    signals = comparison.signals
    tone = set(signals.tone_findings if signals else ())  # already among the reasons
    findings = [f for f in (signals.findings if signals else ()) if f not in tone]
    if findings:
        out += ["", "## Findings", ""]
        out += [f"- {md_text(f)}" for f in findings]
    out += ["", "| | " + name_a + " | " + name_b + " |", "|---|---|---|"]
    for label, key in (
        ("Account", "id"),
        ("Language", "language"),
        ("Date", "date"),
        ("Issuer", "issuer"),
        ("Source", "source"),
    ):
        va, vb = getattr(ra.account, key) or "—", getattr(rb.account, key) or "—"
        out.append(f"| {label} | {md_text(va)} | {md_text(vb)} |")
    out.append(f"| Claims | {len(ra.claims)} | {len(rb.claims)} |")
    groups = grouped(comparison)
    out += ["", "## Both report (shared)", ""]
    shared = [(r, c) for r, c in groups["shared"] if r is ra]
    out += [_line(comparison, r, c) for r, c in shared] or ["_Nothing._"]
    out += ["", "## Where they clash (conflict)", ""]
    pairs = conflict_pairs(comparison)
    for ca, cb in pairs:  # each conflict once, both sides' words
        kind = md_text(comparison.relations[ca.id].kind.replace("_", " "))
        out.append(f"- *{kind}*: {_said(comparison, ca)}")
        out.append(f"  - ≠ {_said(comparison, cb)}")
    paired = {c.id for pair in pairs for c in pair}
    for _, c in groups["conflict"]:  # a conflict with no partner in conflict, on its own
        if c.id not in paired:
            kind = md_text(comparison.relations[c.id].kind.replace("_", " "))
            out.append(f"- *{kind}*: {_said(comparison, c)}")
    if not groups["conflict"]:
        out.append("_Nothing._")
    for reading, name, other in ((ra, side_a, side_b), (rb, side_b, side_a)):
        out += [
            "",
            f"## Only {md_text(name)} reports (not in {md_text(possessive(other))} account)",
            "",
        ]
        items = [(r, c) for r, c in groups["one-sided"] if r is reading]
        out += [_line(comparison, r, c) for r, c in items] or ["_Nothing._"]
    topics_a = comparison.topics.get(ra.account.id, ())
    topics_b = comparison.topics.get(rb.account.id, ())
    out += ["", "## Topics", "", f"| Topic | {name_a} | {name_b} |", "|---|---|---|"]
    for t in dict.fromkeys([*topics_a, *topics_b]):
        label = md_text(lexicon.topics[t].label_en if t in lexicon.topics else t)
        out.append(f"| {label} | {'✓' if t in topics_a else ''} | {'✓' if t in topics_b else ''} |")
    out += [
        "",
        f"_readouts comparison, schema {comparison.schema_version}, method {comparison.method}._",
        "",
    ]
    return "\n".join(out)
