"""The HTML report: self-contained, every claim highlighted, untrusted text escaped."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser

import pytest

from readouts.comparison import compare
from readouts.ingest import account_from_text
from readouts.model import Comparison, MeetingFacts, Participant, ToneHit
from readouts.report import render
from readouts.report.html import content_security_policy, render_html, topic_rows

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click here</a>',
    "\"'><svg onload=alert(1)>",
]


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> and <style>."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag in self.raw:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in].append(data)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag]

    def by_class(self, cls: str) -> list[dict[str, str]]:
        return [a for _, a in self.tags if cls in a.get("class", "").split()]


@pytest.fixture()
def pair(us_account, cn_account, lexicon, fake_embedder) -> Comparison:
    return compare(us_account, cn_account, lexicon=lexicon, embedder=fake_embedder)


def _sha(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@pytest.mark.parametrize("fmt", ["html"])
def test_report_html_is_one_self_contained_page(pair: Comparison, fmt: str) -> None:
    out = render(pair, fmt)
    page = Page(out)
    assert out.startswith("<!doctype html>")
    assert not page.all("link") and not page.all("img") and not page.all("iframe")
    for _, attrs in page.tags:
        for name in ("src", "href", "action", "xlink:href"):
            assert not attrs.get(name, "").startswith(("http:", "https:", "//")), attrs
    css = "".join(page.raw["style"])
    assert "@import" not in css and not re.search(r"url\((?!#)", css)
    assert "@media print" in css
    assert len(page.all("script")) == 1 and not page.all("script")[0].get("src")


@pytest.mark.parametrize("fmt", ["html"])
def test_report_html_policy_allows_only_its_own_style_and_script(pair: Comparison, fmt) -> None:
    page = Page(render(pair, fmt))
    meta = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    policy = meta[0]["content"]
    assert "default-src 'none'" in policy
    (style,), (script,) = page.raw["style"], page.raw["script"]
    assert f"'sha256-{_sha(style)}'" in policy and f"'sha256-{_sha(script)}'" in policy
    assert policy == content_security_policy(styles=[style], scripts=[script])
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("side", [0, 1])
def test_report_html_highlights_every_claim_by_relation(pair: Comparison, side: int) -> None:
    page = Page(render_html(pair))
    spans = {a["data-claim"]: a for a in page.by_class("claim")}
    reading = pair.readings[side]
    ids = {a["id"] for a in spans.values()}
    for claim in reading.claims:
        span = spans[claim.id]
        rel = pair.relations[claim.id]
        assert f"rel-{rel.label}" in span["class"].split()
        assert span["data-label"] == rel.label
        assert span["tabindex"] == "0" and span["role"] == "button"
        partners, related = span["data-partners"].split(), span["data-related"].split()
        # counterparts of shared and conflict claims; only "related" for one-sided ones
        assert len(partners + related) == len(rel.partners)
        assert not (related if rel.label != "one-sided" else partners)
        assert all(p in ids for p in partners + related)
        other = "b" if side == 0 else "a"
        assert all(p.startswith(f"claim-{other}") for p in partners + related)


@pytest.mark.parametrize("label", ["shared", "conflict", "one-sided"])
def test_report_html_labels_relations_in_text_not_colour_alone(pair: Comparison, label) -> None:
    out = render_html(pair)
    css = "".join(Page(out).raw["style"])
    styles = {"shared": "solid", "conflict": "double", "one-sided": "dotted"}
    rule = re.search(r"\.hl\.rel-" + label + r" \{(.*?)\}", css, re.S)
    assert rule and styles[label] in rule.group(1)  # a line style, not only a colour
    if any(r.label == label for r in pair.relations.values()):
        assert re.search(r'<span class="badge">[^<]* ' + label, out)


def test_report_html_summary_has_score_reasons_topics_and_tone(pair: Comparison) -> None:
    out = render_html(pair)
    page = Page(out)
    assert f'<span id="score-value">{pair.score.value}</span>' in out
    assert pair.score.verdict.split(":")[0] in out
    reasons = [a for a in page.all("ul") if a.get("id") == "reasons"]
    assert reasons and out.count("<li>") >= len(pair.score.reasons)
    rows = topic_rows(pair)
    bars = page.by_class("bar-a") + page.by_class("bar-b")
    assert rows and len(bars) == sum(bool(a) + bool(b) for _, a, b in rows)
    assert 'id="tone"' in out


@pytest.mark.parametrize(
    "field, value, shown",
    [
        ("format", "video", "video call"),
        ("requested_by", "united_states", "United States"),
        ("requested_by_name", "Antony Blinken", "Antony Blinken"),
        ("event", "the G20 Summit", "the G20 Summit"),
        ("place", "Beijing", "Beijing"),
        (
            "participants",
            (Participant("Wang Yi", role="Foreign Minister", party="china"),),
            "Wang Yi (Foreign Minister, China)",
        ),
    ],
)
def test_report_html_shows_meeting_facts_that_are_given(pair, field, value, shown) -> None:
    ra, rb = pair.readings
    ra = replace(ra, facts=replace(MeetingFacts(), **{field: value}))
    out = render_html(replace(pair, readings=(ra, rb)))
    section = out[out.index('id="facts"') : out.index('id="topics"')]
    assert shown in section
    assert "—" in section  # the other account does not give it


def test_report_html_marks_facts_the_accounts_disagree_on(pair: Comparison) -> None:
    ra, rb = pair.readings
    ra = replace(ra, facts=MeetingFacts(format="video", date="2023-01-02", date_text="2 January"))
    rb = replace(rb, facts=MeetingFacts(format="phone", date="2023-01-02"))
    out = render_html(replace(pair, readings=(ra, rb)))
    assert "video call" in out and "phone call" in out and "2023-01-02 (“2 January”)" in out
    section = out[out.index('id="facts"') : out.index('id="topics"')]
    assert section.count("≠ differ</span>") == 1  # the format differs, the date agrees
    assert 'id="fact-differences"' in section


@dataclass(frozen=True)
class _LaterFacts(MeetingFacts):
    """MeetingFacts as a later version might have it: one more fact, with its span."""

    mood: str = ""
    mood_span: tuple[int, int] = (-1, -1)


def test_report_html_shows_facts_it_does_not_know_yet(pair: Comparison) -> None:
    ra, rb = pair.readings
    facts = _LaterFacts(mood="cordial", mood_span=(0, 4), format="phone", format_basis="verb")
    out = render_html(replace(pair, readings=(replace(ra, facts=facts), rb)))
    section = out[out.index('id="facts"') : out.index('id="topics"')]
    assert '<th scope="row">Mood</th><td>cordial</td><td>—</td>' in section
    assert "phone call (taken from the verb)" in section
    assert "Mood span" not in section and "Format basis" not in section


def test_report_html_without_facts_says_so(pair: Comparison) -> None:
    readings = tuple(replace(r, facts=MeetingFacts()) for r in pair.readings)
    out = render_html(replace(pair, readings=readings))
    assert "Neither account gives the date" in out and '<table class="facts">' not in out


def test_report_html_lists_tone_words_with_their_ladder_rung(pair: Comparison) -> None:
    ra, rb = pair.readings
    text = ra.account.text
    start = text.index("concerns")
    hit = ToneHit("concern", "ladder", 1, start, start + len("concerns"))
    out = render_html(replace(pair, readings=(replace(ra, tone=(hit,)), rb)))
    tone = out[out.index('id="tone"') : out.index('class="legend"')]
    assert "“concerns”" in tone and "rung 1 (concern)" in tone
    assert '<span class="tone tone-ladder"' in out


@pytest.mark.parametrize("where", ["text", "id", "party", "issuer", "title", "source"])
def test_report_html_escapes_hostile_readouts(where: str, lexicon, fake_embedder) -> None:
    hostile = " ".join(HOSTILE)
    body_a = (
        "Secretary Blinken spoke with Foreign Minister Wang Yi about climate change. "
        "He raised concerns about Taiwan."
    )
    fields = {"id": "a", "party": "", "issuer": "", "title": "", "source": ""}
    if where == "text":
        body_a += " He said " + hostile + " and left."
    elif where == "id":
        fields["id"] = hostile
    else:
        fields[where] = hostile
    a = account_from_text(body_a, **fields)
    b = account_from_text("王毅同布林肯通电话。王毅表示，中美应加强气候变化合作。", id="b")
    out = render_html(compare(a, b, lexicon=lexicon, embedder=fake_embedder))
    page = Page(out)
    assert len(page.all("script")) == 1
    assert not page.all("img") and not page.all("a")
    for _, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not any(v.strip().lower().startswith("javascript:") for v in attrs.values())
    if where != "party":  # a party readouts recognises in the text replaces the given one
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out
        assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;" in out


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html,x", "vbscript:x"])
def test_report_html_toolbar_refuses_odd_link_schemes(pair: Comparison, href: str) -> None:
    out = render_html(pair, links=[("ok", "/report/x.json"), ("bad", href)])
    assert '<a href="/report/x.json">ok</a>' in out
    assert href not in out


def test_report_html_names_two_accounts_of_one_party_apart(lexicon, fake_embedder) -> None:
    a = account_from_text("王毅同布林肯通电话。王毅表示，中美应加强合作。", id="cn_1")
    b = account_from_text("王毅会见布林肯。王毅强调，台湾问题是中国核心利益。", id="cn_2")
    out = render_html(compare(a, b, lexicon=lexicon, embedder=fake_embedder))
    assert "(cn_1)" in out and "(cn_2)" in out


def test_report_html_baseline_has_no_topics_and_says_why(pair: Comparison) -> None:
    baseline = replace(pair, method="baseline", topics={k: () for k in pair.topics})
    out = render_html(baseline)
    assert "No topics found (the baseline method tags none)." in out
    assert out.count('class="hl claim') == sum(len(r.claims) for r in pair.readings)


def test_report_html_is_deterministic(pair: Comparison) -> None:
    assert render_html(pair) == render_html(pair)


def test_report_html_tone_other_uses_and_readings_by_issuer(fake_embedder):
    """建设性 of a demand on the other side is listed apart from the talks' atmosphere, and
    NATO's routine "concerns" is not glossed with the Foreign Ministry's reading."""
    from readouts.comparison import compare
    from readouts.ingest import account_from_text
    from readouts.report.html import render_html

    nato = account_from_text(
        "Secretary General Stoltenberg held a virtual meeting with Wang Yi. He set out NATO's "
        "concerns about China's coercive policies.",
        id="nato",
        party="nato",
    )
    china = account_from_text(
        "王毅同北约秘书长斯托尔滕贝格举行视频会晤。北约应为地区和平发挥建设性作用。"
        "双方一致认为，此次视频会晤是积极和建设性的。",
        id="china",
        party="china",
    )
    page = render_html(compare(nato, china, embedder=fake_embedder))
    assert 'data-term="constructive" data-category="atmosphere"' in page
    assert 'data-term="constructive" data-category="other use"' in page
    nato_tone = page.split("<div><h3>NATO</h3>", 1)[1].split("</div>", 1)[0]
    assert "routine in Western readouts" in nato_tone and "already displeasure" not in nato_tone
