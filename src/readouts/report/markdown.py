"""Markdown report: the verdict and its reasons, then the claims by relation, quoted.

Every piece of text that comes from an account or a user (claims, names, titles,
reasons that quote them) goes through :func:`~readouts.report.common.md_text`: the
report never carries raw HTML or a link made from an account."""

from __future__ import annotations

from ..lexicon import default_lexicon
from ..model import Claim, Comparison, Reading
from .common import claim_text, grouped, md_text, possessive, side_name, speaker_label

__all__ = ["render_markdown"]


def _line(comparison: Comparison, reading: Reading, claim: Claim) -> str:
    rel = comparison.relations[claim.id]
    text = md_text(claim_text(reading, claim))
    extra = ""
    if rel.partners:
        extra = " ↔ " + ", ".join(f"`{p}`" for p in rel.partners)
    flag = ""
    if "unconfirmed_attribution" in rel.flags and rel.label != "conflict":
        flag = " *(attributed to the other side; not in its account)*"
    topics = f" — {md_text(', '.join(claim.topics))}" if claim.topics else ""
    return f"- `{claim.id}` ({md_text(speaker_label(claim))}): “{text}”{extra}{flag}{topics}"


def render_markdown(comparison: Comparison) -> str:
    lexicon = default_lexicon()
    ra, rb = comparison.readings
    side_a, side_b = side_name(ra, lexicon), side_name(rb, lexicon)
    name_a, name_b = md_text(side_a), md_text(side_b)
    s = comparison.score
    out = [
        f"# {name_a} and {name_b}: two accounts compared",
        "",
        f"**Meeting of minds: {s.value}/100** — {md_text(s.verdict)}",
        "",
    ]
    out += [f"- {md_text(r)}" for r in s.reasons]
    tone = set(comparison.signals.get("tone_findings", []))  # already among the reasons
    findings = [f for f in comparison.signals.get("findings", []) if f not in tone]
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
    conflicts = [(r, c) for r, c in groups["conflict"]]
    if conflicts:
        for r, c in conflicts:
            rel = comparison.relations[c.id]
            out.append(_line(comparison, r, c) + f" — *{md_text(rel.kind.replace('_', ' '))}*")
    else:
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
