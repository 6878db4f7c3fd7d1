"""Markdown report: the verdict and its reasons, then the claims by relation, quoted."""

from __future__ import annotations

from ..lexicon import default_lexicon
from ..model import Claim, Comparison, Reading
from ..wording import short
from .common import (
    claim_text,
    conflict_pairs,
    grouped,
    possessive,
    side_name,
    speaker_label,
    verdict,
)

__all__ = ["render_markdown"]


def _quote(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|").strip()


def _said(comparison: Comparison, claim: Claim) -> str:
    """A claim as quoted in a list: its id, its speaker and its words."""
    reading = next(r for r in comparison.readings if r.account.id == claim.account_id)
    return f"`{claim.id}` ({speaker_label(claim)}): “{_quote(claim_text(reading, claim))}”"


def _line(comparison: Comparison, reading: Reading, claim: Claim) -> str:
    rel = comparison.relations[claim.id]
    by_id = {c.id: c for r in comparison.readings for c in r.claims}
    flag = ""
    if "unconfirmed_attribution" in rel.flags and rel.label != "conflict":
        flag = " *(attributed to the other side; not in its account)*"
    topics = f" — {', '.join(claim.topics)}" if claim.topics else ""
    out = f"- {_said(comparison, claim)}{flag}{topics}"
    if rel.label == "one-sided" and rel.partners:
        out += " (nearest: " + ", ".join(f"`{p}`" for p in rel.partners) + ")"
    elif rel.partners:  # the counterpart's words, so that a link can be checked
        out += "".join(f"\n  - ↔ {_said(comparison, by_id[p])}" for p in rel.partners)
    return out


def render_markdown(comparison: Comparison) -> str:
    lexicon = default_lexicon()
    ra, rb = comparison.readings
    name_a, name_b = side_name(ra, lexicon), side_name(rb, lexicon)
    if name_a == name_b:
        name_a, name_b = f"{name_a} ({short(ra.account.id)})", f"{name_b} ({short(rb.account.id)})"
    s = comparison.score
    out = [f"# {name_a} and {name_b}: two accounts compared", ""]
    for w in comparison.warnings:
        out += [f"> **Warning ({w.code}):** {_quote(w.message)}", ""]
    shown, said = verdict(comparison)
    out += [f"**Meeting of minds: {shown}** — {said}", ""]
    out += [f"- {r}" for r in s.reasons]
    tone = set(comparison.signals.get("tone_findings", []))  # already among the reasons
    findings = [f for f in comparison.signals.get("findings", []) if f not in tone]
    if findings:
        out += ["", "## Findings", ""]
        out += [f"- {_quote(f)}" for f in findings]
    out += ["", "| | " + name_a + " | " + name_b + " |", "|---|---|---|"]
    for label, key in (
        ("Account", "id"),
        ("Language", "language"),
        ("Date", "date"),
        ("Issuer", "issuer"),
        ("Source", "source"),
    ):
        va, vb = getattr(ra.account, key) or "—", getattr(rb.account, key) or "—"
        out.append(f"| {label} | {_quote(str(va))} | {_quote(str(vb))} |")
    out.append(f"| Claims | {len(ra.claims)} | {len(rb.claims)} |")
    groups = grouped(comparison)
    out += ["", "## Both report (shared)", ""]
    shared = [(r, c) for r, c in groups["shared"] if r is ra]
    out += [_line(comparison, r, c) for r, c in shared] or ["_Nothing._"]
    out += ["", "## Where they clash (conflict)", ""]
    pairs = conflict_pairs(comparison)
    for ca, cb in pairs:  # each conflict once, both sides' words
        kind = comparison.relations[ca.id].kind.replace("_", " ")
        out.append(f"- *{kind}*: {_said(comparison, ca)}")
        out.append(f"  - ≠ {_said(comparison, cb)}")
    paired = {c.id for pair in pairs for c in pair}
    for _, c in groups["conflict"]:  # a conflict with no partner in conflict, on its own
        if c.id not in paired:
            kind = comparison.relations[c.id].kind.replace("_", " ")
            out.append(f"- *{kind}*: {_said(comparison, c)}")
    if not groups["conflict"]:
        out.append("_Nothing._")
    for reading, name, other in ((ra, name_a, name_b), (rb, name_b, name_a)):
        out += ["", f"## Only {name} reports (not in {possessive(other)} account)", ""]
        items = [(r, c) for r, c in groups["one-sided"] if r is reading]
        out += [_line(comparison, r, c) for r, c in items] or ["_Nothing._"]
    topics_a = comparison.topics.get(ra.account.id, ())
    topics_b = comparison.topics.get(rb.account.id, ())
    out += ["", "## Topics", "", f"| Topic | {name_a} | {name_b} |", "|---|---|---|"]
    for t in dict.fromkeys([*topics_a, *topics_b]):
        label = lexicon.topics[t].label_en if t in lexicon.topics else t
        out.append(f"| {label} | {'✓' if t in topics_a else ''} | {'✓' if t in topics_b else ''} |")
    out += [
        "",
        f"_readouts comparison, schema {comparison.schema_version}, method {comparison.method}._",
        "",
    ]
    return "\n".join(out)
