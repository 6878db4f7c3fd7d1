"""The brief: an analyst's note whose every sentence rests on the accounts' own words.

Most tests build the comparison by hand (the fixture call read by ``read``, relations
given claim by claim), so they do not depend on the alignment. The NATO–China tests
check the issue's "done when" facts on the real comparison, each by the span that
carries it; the golden briefs pin the five committed notes byte for byte:

    READOUTS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_brief.py
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.briefing import (
    QUOTE_MARKS,
    Brief,
    BriefSentence,
    Quote,
    Ref,
    brief,
    check_brief,
    claim_class,
    phrasebook,
    render_brief,
    verify_brief,
)
from readouts.briefing.zh import date_zh, heading_zh, join_zh, lead_zh, number_zh
from readouts.cli import main
from readouts.comparison import compare
from readouts.errors import BriefUnverified, ConfigError
from readouts.ingest import read_account
from readouts.model import Alignment, Comparison, MeetingFacts, Reading, Relation
from readouts.reading import read
from readouts.score import meeting_of_minds

GOLDEN = Path(__file__).parent / "golden" / "briefs"

# --------------------------------------------------------------------------- helpers


def _claim(reading: Reading, needle: str):
    text = reading.account.text
    return next(c for c in reading.claims if needle in text[c.start : c.end])


def hand_comparison(
    a: Reading,
    b: Reading,
    pairs: Sequence[tuple[str, str, str]],
    lexicon,
    flags: Sequence[str] = (),
) -> Comparison:
    """A comparison whose relations are given: (needle in a, needle in b, kind) for each
    shared or conflicting pair; every other claim is one-sided. ``flags`` are needles of
    one-sided claims that attribute words to the other side."""
    alignments, partners, labels = [], {}, {}
    for na, nb, kind in pairs:
        ca, cb = _claim(a, na), _claim(b, nb)
        alignments.append(Alignment(ca.id, cb.id, 0.9, 0.5, kind, ("hand",)))
        partners.setdefault(ca.id, []).append(cb.id)
        partners.setdefault(cb.id, []).append(ca.id)
        labels[ca.id] = labels[cb.id] = kind
    flagged = {
        _claim(r, n).id for n in flags for r in (a, b) if any(n in r.account.text for _ in [0])
    }
    relations = {}
    for r in (a, b):
        for c in r.claims:
            kind = labels.get(c.id)
            if kind == "shared":
                relations[c.id] = Relation(c.id, "shared", "mirrored", tuple(partners[c.id]))
            elif kind == "conflict":
                relations[c.id] = Relation(c.id, "conflict", "opposed", tuple(partners[c.id]))
            else:
                flag = ("unconfirmed_attribution",) if c.id in flagged else ()
                relations[c.id] = Relation(c.id, "one-sided", "omission", (), flag)
    topics = {
        r.account.id: tuple(dict.fromkeys(t for c in r.claims for t in c.topics)) for r in (a, b)
    }
    score = meeting_of_minds((a, b), relations, lexicon)
    return Comparison((a, b), tuple(alignments), relations, score, topics)


@pytest.fixture(scope="module")
def call(lexicon) -> Comparison:
    """The fixture phone call (US readout, Chinese statement) with hand-made relations."""
    fixtures = Path(__file__).parent / "fixtures"
    us = read(read_account(fixtures / "call_us.txt"), lexicon)
    cn = read(read_account(fixtures / "call_cn.txt"), lexicon)
    return hand_comparison(
        us,
        cn,
        [
            ("spoke today with", "通电话", "shared"),
            ("open lines of communication", "保持沟通", "shared"),
            ("counternarcotics cooperation", "禁毒合作", "shared"),
            ("keep in close touch", "继续保持联系", "shared"),
            ("military pressure on Taiwan", "停止武装台湾", "conflict"),
        ],
        lexicon,
        flags=["不支持“台独”"],
    )


def _sentences(b: Brief, kind: str | None = None) -> list[BriefSentence]:
    return [s for s in b.sentences() if kind is None or s.kind == kind]


# --------------------------------------------------------------------------- grounding


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_brief_verifies_against_its_comparison(call: Comparison, lang: str) -> None:
    note = brief(call, lang)
    assert verify_brief(note, call) == []
    check_brief(note, call)  # does not raise


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_brief_every_quote_is_the_accounts_text(call: Comparison, lang: str) -> None:
    texts = {r.account.id: r.account.text for r in call.readings}
    note = brief(call, lang)
    quotes = [q for s in note.sentences() for q in s.quotes]
    assert quotes
    for q in quotes:
        assert texts[q.account][q.start : q.end] == q.text
    for s in note.sentences():
        rest = s.text
        for q in s.quotes:
            assert q.text in rest
            rest = rest.replace(q.text, "", 1)
        rest = rest.replace("“”", "").replace("「」", "")  # the marks around each quotation
        assert not any(m in rest for m in QUOTE_MARKS), s.text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_brief_every_sentence_rests_on_something(call: Comparison, lang: str) -> None:
    for s in brief(call, lang).sentences():
        assert s.refs or s.absent_in or s.kind in ("title", "verdict"), s.text


def test_brief_is_deterministic(call: Comparison) -> None:
    assert brief(call).to_dict() == brief(call).to_dict()
    assert brief(call, "zh").to_dict() == brief(call, "zh").to_dict()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_brief_sentences_are_honest_to_the_relations(call: Comparison, lang: str) -> None:
    want = {"shared": "shared", "clash": "conflict", "omission": "one-sided"}
    note = brief(call, lang)
    for s in note.sentences():
        for cid in s.claims:
            if s.kind in want:
                assert call.relations[cid].label == want[s.kind], (s.text, cid)


def test_brief_omissions_only_where_the_comparison_found_them(call: Comparison) -> None:
    ra, rb = call.readings
    note = brief(call)
    cited = {cid for s in _sentences(note, "omission") for cid in s.claims}
    assert _claim(rb, "停止武装台湾").id not in cited  # a conflict, not an omission
    assert _claim(ra, "fentanyl precursor").id in cited  # Blinken's demand, only in his account
    for s in _sentences(note, "omission"):
        assert s.absent_in and all(
            call.relations[c].label == "one-sided" and not c.startswith(s.absent_in[0] + ":")
            for c in s.claims
        )


# --------------------------------------------------------------------------- verification


def _tampered(note: Brief, index: int, **changes) -> Brief:
    sentences = list(note.sentences())
    target = sentences[index]
    changed = dataclasses.replace(target, **changes)
    sections = tuple(
        dataclasses.replace(
            sec, sentences=tuple(changed if s is target else s for s in sec.sentences)
        )
        for sec in note.sections
    )
    return dataclasses.replace(note, sections=sections)


def _first_with_quote(note: Brief) -> int:
    return next(k for k, s in enumerate(note.sentences()) if s.quotes and k > 1)


@pytest.mark.parametrize(
    "change, message",
    [
        ("shift_quote", "is not the account's text"),
        ("unknown_claim", "does not resolve"),
        ("stray_marks", "quotation marks without a quotation"),
        ("false_omission", "as omission but it is shared"),
        ("wrong_score", "is not the comparison's"),
        ("unquoted_quote", "does not appear in the sentence"),
    ],
)
def test_brief_verify_catches_what_does_not_resolve(
    call: Comparison, change: str, message: str
) -> None:
    note = brief(call)
    k = _first_with_quote(note)
    s = list(note.sentences())[k]
    if change == "shift_quote":
        q = s.quotes[0]
        bad = _tampered(note, k, quotes=(dataclasses.replace(q, start=q.start + 1),))
    elif change == "unknown_claim":
        ref = Ref(call.readings[0].account.id, 0, 5, "claim", claim="call_us:c99")
        bad = _tampered(note, k, refs=(*s.refs, ref))
    elif change == "stray_marks":
        bad = _tampered(note, k, text=s.text + " “made up”")
    elif change == "false_omission":
        shared = next(c for c, r in call.relations.items() if r.label == "shared")
        reading = next(r for r in call.readings if shared.startswith(r.account.id + ":"))
        c = next(c for c in reading.claims if c.id == shared)
        other = next(r.account.id for r in call.readings if r is not reading)
        ref = Ref(reading.account.id, c.start, c.end, "claim", claim=c.id)
        bad = _tampered(note, k, kind="omission", refs=(ref,), quotes=(), absent_in=(other,))
    elif change == "wrong_score":
        bad = dataclasses.replace(note, title=dataclasses.replace(note.title, score=101))
    else:
        bad = _tampered(note, k, text="nothing quoted here")
    problems = verify_brief(bad, call)
    assert any(message in p for p in problems), problems
    with pytest.raises(BriefUnverified):
        check_brief(bad, call)


def test_brief_verify_checks_absences(call: Comparison) -> None:
    rb = call.readings[1]
    lie = BriefSentence(
        "The Chinese statement says nothing of who asked.",
        "request",
        plan="meeting.request.one",
        absent_in=(rb.account.id,),
    )
    note = brief(call)
    sec = dataclasses.replace(note.sections[0], sentences=(*note.sections[0].sentences, lie))
    bad = dataclasses.replace(note, sections=(sec, *note.sections[1:]))
    assert any("does not say who asked" in p for p in verify_brief(bad, call))


# --------------------------------------------------------------------------- content


def test_brief_meeting_from_facts_with_the_request(call: Comparison) -> None:
    note = brief(call)
    ra, rb = call.readings
    meeting = _sentences(note, "meeting")[0]
    assert {r.what for r in meeting.refs} >= {"participant", "format"}
    assert "Antony J. Blinken" in meeting.text and "Wang Yi" in meeting.text
    request = _sentences(note, "request")[0]
    assert request.source == rb.account.id and request.absent_in == (ra.account.id,)
    assert [(r.what, r.value) for r in request.refs if r.what == "request"] == [
        ("request", "united_states")
    ]
    assert [q.text for q in request.quotes] == ["应美方请求"]


def test_brief_without_facts_quotes_the_meeting_claims(call: Comparison) -> None:
    bare = dataclasses.replace(
        call,
        readings=tuple(dataclasses.replace(r, facts=MeetingFacts()) for r in call.readings),
    )
    note = brief(bare)
    meeting = _sentences(note, "meeting")
    assert [s.plan for s in meeting] == ["meeting.quote.both"]
    ra, rb = bare.readings
    assert _claim(ra, "spoke today with").id in meeting[0].claims
    assert _claim(rb, "通电话").id in meeting[0].claims
    assert not _sentences(note, "request")  # no fact says who asked: nothing is claimed
    assert verify_brief(note, bare) == []


def test_brief_short_call_is_one_paragraph(call: Comparison) -> None:
    note = brief(call)
    assert note.layout == "paragraph"
    assert [s.heading for s in note.sections] == [""]
    body = render_brief(note).split("\n\n")
    assert len(body) == 3  # title, dek, the one paragraph


def test_brief_longer_meeting_gets_sections(shared_dir: Path, lexicon) -> None:
    accounts = shared_dir / "eval" / "accounts"
    a = read(read_account(accounts / "2021-09-27_nato-china_nato_en.txt"), lexicon)
    b = read(read_account(accounts / "2021-09-27_nato-china_cn_zh.txt"), lexicon)
    hand = hand_comparison(a, b, [("situation in Afghanistan", "阿富汗局势", "shared")], lexicon)
    note = brief(hand)
    assert note.layout == "sections"
    assert [s.id for s in note.sections][:3] == ["meeting", "says_a", "says_b"]
    assert verify_brief(note, hand) == []
    assert len(render_brief(note)) > 2 * len(render_brief(brief(hand_short(lexicon))))


def hand_short(lexicon) -> Comparison:
    fixtures = Path(__file__).parent / "fixtures"
    us = read(read_account(fixtures / "call_us.txt"), lexicon)
    cn = read(read_account(fixtures / "call_cn.txt"), lexicon)
    return hand_comparison(us, cn, [("spoke today with", "通电话", "shared")], lexicon)


def test_brief_zh_quotes_each_account_in_its_own_language(call: Comparison) -> None:
    note = brief(call, "zh")
    ra, rb = call.readings
    langs = {ra.account.id: "en", rb.account.id: "zh"}
    quotes = [q for s in note.sentences() for q in s.quotes]
    assert {langs[q.account] for q in quotes} == {"en", "zh"}
    for q in quotes:
        has_han = any("\u4e00" <= ch <= "\u9fff" for ch in q.text)
        assert has_han == (langs[q.account] == "zh"), q.text
    text = render_brief(note)
    assert text.startswith("# 美国与中国：")
    assert "据中方通报" in text and "美方通报未提及由哪一方提议" in text


def test_brief_attribution_names_the_account(call: Comparison) -> None:
    note = brief(call)
    texts = " ".join(s.text for s in note.sentences())
    assert "the Chinese statement" in texts and "the US readout" in texts.replace(
        "The US", "the US"
    )
    for s in note.sentences():
        if s.kind in ("says", "request") and s.source:
            name = next(a["name"] for a in note.accounts if a["id"] == s.source)
            assert name.lower() in s.text.lower() or s.kind == "says"


def test_brief_verdict_carries_the_score(call: Comparison) -> None:
    note = brief(call)
    verdict = _sentences(note, "verdict")[0]
    assert verdict.score == call.score.value and f"{call.score.value}/100" in verdict.text
    assert note.score == {"value": call.score.value, "band": call.score.band, "comparable": True}


@pytest.mark.parametrize(
    "act, negated, cls",
    [
        ("express_concern", False, "concern"),
        ("reject", False, "objection"),
        ("request", False, "demand"),
        ("request", True, "objection"),
        ("invite", False, "invitation"),
        ("assure", True, "assurance"),
        ("agree", False, "other"),
    ],
)
def test_brief_claim_class(call: Comparison, act: str, negated: bool, cls: str) -> None:
    c = dataclasses.replace(call.readings[0].claims[1], act=act, negated=negated, tone=())
    assert claim_class(c) == cls


# --------------------------------------------------------------------------- forms


def test_brief_round_trips_through_json(call: Comparison) -> None:
    for lang in ("en", "zh"):
        note = brief(call, lang)
        data = json.loads(render_brief(note, "json"))
        assert data["kind"] == "brief" and data["schema_version"] == "1"
        assert Brief.from_dict(data) == note
        assert verify_brief(Brief.from_dict(data), call) == []


def test_brief_renders_markdown_and_html(call: Comparison) -> None:
    note = brief(call)
    md = render_brief(note, "markdown")
    assert md.startswith(f"# {note.title.text}\n\n*{note.dek.text}*\n")
    for q in (q for s in note.sentences() for q in s.quotes):
        assert q.text in md
    page = render_brief(note, "html")
    assert page.startswith("<!doctype html>") and '<article class="brief">' in page
    assert 'class="quote"' in page and page.count('class="s"') == len(list(note.sentences()))


def test_brief_unknown_format_or_language(call: Comparison) -> None:
    with pytest.raises(ConfigError):
        render_brief(brief(call), "pdf")
    with pytest.raises(ConfigError):
        brief(call, "fr")


def test_brief_phrasebooks_hold_no_quotation_marks() -> None:
    for lang in ("en", "zh"):
        book = phrasebook(lang)
        assert book.templates and book.topics and book.sides
        for key, template in book.templates.items():
            assert not any(m in template for m in QUOTE_MARKS), key
            template.format_map(_Any())  # placeholders are well formed


class _Any(dict):
    def __missing__(self, key: str) -> str:
        return key


def test_brief_topic_phrases_name_lexicon_topics(lexicon) -> None:
    assert set(phrasebook("en").topics) <= set(lexicon.topics)


# --------------------------------------------------------------------------- brief_zh


@pytest.mark.parametrize(
    "n, want", [(1, "一"), (2, "两"), (10, "十"), (14, "十四"), (37, "三十七")]
)
def test_brief_zh_number(n: int, want: str) -> None:
    assert number_zh(n) == want


@pytest.mark.parametrize(
    "iso, until, want",
    [
        ("2021-09-27", "", "2021年9月27日"),
        ("--03-18", "", "3月18日"),
        ("--09-16", "--09-17", "9月16日至17日"),
    ],
)
def test_brief_zh_date(iso: str, until: str, want: str) -> None:
    assert date_zh(iso, until) == want


def test_brief_zh_join_and_heading() -> None:
    assert join_zh(["反恐", "反海盗", "维和"]) == "反恐、反海盗和维和"
    assert heading_zh(1, "北约方面的表述") == "二、北约方面的表述"


@pytest.mark.parametrize(
    "text, want",
    [
        ("王毅表示，中方对同北约开展对话交流持开放态度。", "中方对同北约开展对话交流持开放态度。"),
        ("王毅还强调，台湾问题是中国核心利益中的核心。", "台湾问题是中国核心利益中的核心。"),
        ("王毅同美国国务卿布林肯通电话。", None),
    ],
)
def test_brief_zh_lead_finds_the_reporting_verb(lexicon, text: str, want: str | None) -> None:
    found = lead_zh(text, 2, len(text), lexicon.act_matcher.find(text, "zh", text))
    assert (text[found[1] :] if found else None) == want


# --------------------------------------------------------------------------- command line


def test_cli_brief_writes_a_verified_note(fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        main,
        [
            "brief",
            str(fixtures / "call_us.txt"),
            str(fixtures / "call_cn.txt"),
            "--embedder",
            "fake.v1",
            "--format",
            "json",
            "--verify",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "brief verified" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["kind"] == "brief" and data["lang"] == "en"


@pytest.mark.parametrize("fmt, start", [("markdown", "# "), ("html", "<!doctype html>")])
def test_cli_brief_formats_and_languages(fixtures: Path, fmt: str, start: str) -> None:
    for lang in ("en", "zh"):
        result = CliRunner().invoke(
            main,
            [
                "brief",
                str(fixtures / "call_us.txt"),
                str(fixtures / "call_cn.txt"),
                "--embedder",
                "fake.v1",
                "--format",
                fmt,
                "--lang",
                lang,
            ],
        )
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(start)


def test_cli_brief_bad_input_exits_3(fixtures: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["brief", str(fixtures / "call_us.txt"), str(tmp_path / "missing.txt")]
    )
    assert result.exit_code == 3
    same = CliRunner().invoke(
        main, ["brief", str(fixtures / "call_us.txt"), str(fixtures / "call_us.txt")]
    )
    assert same.exit_code == 3


# --------------------------------------------------------------------------- NATO–China


@pytest.fixture(scope="module")
def nato_china(shared_dir: Path, use_embedder) -> tuple[Comparison, Brief]:
    accounts = shared_dir / "eval" / "accounts"
    comparison = compare(
        accounts / "2021-09-27_nato-china_nato_en.txt",
        accounts / "2021-09-27_nato-china_cn_zh.txt",
        embedder=use_embedder,
    )
    return comparison, brief(comparison, "en")


def _cites(
    note: Brief, comparison: Comparison, side: int, needle: str, **where: object
) -> list[BriefSentence]:
    """Sentences (matching ``where``) with a reference or quotation that covers at least
    half of the first occurrence of ``needle`` in account ``side`` (the eval's rule)."""
    reading = comparison.readings[side]
    at = reading.account.text.find(needle)
    assert at >= 0, needle
    lo, hi = at, at + len(needle)
    out = []
    for s in note.sentences():
        if any(getattr(s, k) != v for k, v in where.items()):
            continue
        spans = [(r.start, r.end) for r in s.refs if r.account == reading.account.id]
        spans += [(q.start, q.end) for q in s.quotes if q.account == reading.account.id]
        if any(min(hi, e) - max(lo, b) >= (hi - lo) / 2 for b, e in spans):
            out.append(s)
    return out


def test_nato_china_brief_verifies(nato_china) -> None:
    comparison, note = nato_china
    assert verify_brief(note, comparison) == []
    assert note.layout == "sections"


def test_nato_china_date_and_video_meeting(nato_china) -> None:
    comparison, note = nato_china
    meeting = _sentences(note, "meeting")
    facts = {(r.what, r.value) for s in meeting for r in s.refs}
    if not any(r.facts.date for r in comparison.readings):
        pytest.xfail("no meeting facts: facts.extract_facts gave no date")
    assert ("date", "2021-09-27") in facts and ("format", "video") in facts
    assert _cites(note, comparison, 0, "27 September 2021", kind="meeting")
    assert _cites(note, comparison, 0, "virtual meeting", kind="meeting")


def test_nato_china_meeting_at_natos_request(nato_china) -> None:
    comparison, note = nato_china
    if comparison.readings[1].facts.requested_by != "nato":
        pytest.xfail("facts: the Chinese statement's 应约 is not read as a request by NATO")
    found = _cites(note, comparison, 1, "应约", kind="request")
    assert found and any(r.what == "request" and r.value == "nato" for r in found[0].refs)
    assert found[0].absent_in == (comparison.readings[0].account.id,)


def test_nato_china_afghanistan_is_common_ground(nato_china) -> None:
    comparison, note = nato_china
    a = _cites(note, comparison, 0, "addressed the situation in Afghanistan", kind="shared")
    b = _cites(note, comparison, 1, "就阿富汗局势等问题交换了意见", kind="shared")
    assert set(map(id, a)) & set(map(id, b))


@pytest.mark.parametrize(
    "needle",
    [
        "“积极和建设性的”",
        "推进在反恐、反海盗、网络空间和国际维和等领域的务实合作",
        "亚太无需再建新的军事集团",
        "更不应出现意在挑动“新冷战”的“小圈子”",
        "北约应恪守“原有地理定位”",
    ],
)
def test_nato_china_chinese_points_are_chinas(nato_china, needle: str) -> None:
    comparison, note = nato_china
    assert _cites(note, comparison, 1, needle, source=comparison.readings[1].account.id)


@pytest.mark.parametrize(
    "needle",
    [
        "China's coercive policies",
        "the expansion of its nuclear arsenal",
        "the lack of transparency about its military modernisation",
        "invited China to engage in arms control dialogue",
    ],
)
def test_nato_china_nato_concerns_are_natos(nato_china, needle: str) -> None:
    comparison, note = nato_china
    assert _cites(note, comparison, 0, needle, source=comparison.readings[0].account.id)


def test_nato_china_nato_leaves_out_the_chinese_objections(nato_china) -> None:
    comparison, note = nato_china
    nato = comparison.readings[0].account.id
    for needle in ("亚太无需再建新的军事集团", "挑动“新冷战”"):
        assert _cites(note, comparison, 1, needle, kind="omission", absent_in=(nato,)), needle


def test_nato_china_china_omits_most_of_natos_concerns(nato_china) -> None:
    comparison, note = nato_china
    cn = comparison.readings[1].account.id
    concerns = [
        "China's coercive policies",
        "the expansion of its nuclear arsenal",
        "the lack of transparency about its military modernisation",
        "invited China to engage in arms control dialogue",
    ]
    left_out = [
        n for n in concerns if _cites(note, comparison, 0, n, kind="omission", absent_in=(cn,))
    ]
    assert len(left_out) > len(concerns) / 2, left_out


def test_nato_china_verdict_in_the_lowest_bands(nato_china) -> None:
    comparison, note = nato_china
    assert comparison.score.band in ("little", "limited")
    assert note.score["band"] == comparison.score.band
    verdict = _sentences(note, "verdict")[0]
    assert verdict.score == comparison.score.value
    phrase = {"little": "very little meeting of minds", "limited": "limited common ground"}
    assert phrase[comparison.score.band] in note.title.text


# --------------------------------------------------------------------------- golden briefs

DEV_PAIRS = {
    "2021-09-27_nato-china": (
        "2021-09-27_nato-china_nato_en.txt",
        "2021-09-27_nato-china_cn_zh.txt",
    ),
    "2022-03-18_us-china": ("2022-03-18_us-china_wh_en.txt", "2022-03-18_us-china_cn_zh.txt"),
    "2023-09-16_us-china": ("2023-09-16_us-china_wh_en.txt", "2023-09-16_us-china_cn_en.txt"),
    "2024-08-29_us-china": (
        "2024-08-29_us-china-sullivan-zhangyouxia_wh_en.txt",
        "2024-08-29_us-china-sullivan-zhangyouxia_cn_zh.txt",
    ),
}
GOLDEN_CASES = [(m, "en") for m in DEV_PAIRS] + [("2021-09-27_nato-china", "zh")]


@pytest.fixture(scope="module")
def dev_comparisons(shared_dir: Path, use_embedder) -> dict[str, Comparison]:
    accounts = shared_dir / "eval" / "accounts"
    return {
        meeting: compare(accounts / a, accounts / b, embedder=use_embedder)
        for meeting, (a, b) in DEV_PAIRS.items()
    }


@pytest.mark.parametrize("meeting, lang", GOLDEN_CASES)
@pytest.mark.parametrize("fmt, suffix", [("markdown", "md"), ("json", "json")])
def test_brief_golden_matches(
    dev_comparisons: dict[str, Comparison],
    meeting: str,
    lang: str,
    fmt: str,
    suffix: str,
    golden,
) -> None:
    comparison = dev_comparisons[meeting]
    note = brief(comparison, lang)
    assert verify_brief(note, comparison) == []
    golden(GOLDEN / f"{meeting}.{lang}.{suffix}", render_brief(note, fmt), "brief")


def test_brief_quote_dataclass_is_plain() -> None:
    q = Quote("a", 0, 3, "abc")
    assert q.to_dict() == {"account": "a", "start": 0, "end": 3, "text": "abc"}


# --------------------------------------------------------------------------- versions, gists


def test_brief_gives_a_gist_of_each_chinese_point_it_quotes(call: Comparison) -> None:
    note = brief(call, "en")
    cn = call.readings[1].account.id
    points = [
        s
        for s in note.sentences()
        if s.kind in ("says", "shared", "clash", "omission")
        and any(q.account == cn for q in s.quotes)
    ]
    assert points
    for s in points:
        assert "(gist, not a translation: speaker: " in s.text
        gist = s.text.split("(gist, not a translation:")[1]
        assert not any(m in gist for m in QUOTE_MARKS)
    # a tone word and a meeting fact are glossed by the sentence, not given a gist
    for s in _sentences(note, "tone") + _sentences(note, "meeting"):
        if s.plan.startswith(("tone.talks", "tone.ladder", "meeting")):
            assert "gist" not in s.text
    assert all("gist" not in s.text for s in brief(call, "zh").sentences())


def test_brief_gist_says_what_readouts_knows(call: Comparison, lexicon) -> None:
    from readouts.briefing import gist

    cn = call.readings[1]
    claim = _claim(cn, "停止武装台湾")
    said = gist([claim], cn, lexicon)
    assert said.startswith("speaker: ")
    assert "issues: " in said and "Taiwan" in said
    assert "act: " in said


@pytest.fixture(scope="module")
def nato_china_versions(shared_dir: Path, use_embedder, lexicon):
    from readouts.briefing import side_version

    accounts = shared_dir / "eval" / "accounts"
    comparison = compare(
        accounts / "2021-09-27_nato-china_nato_en.txt",
        accounts / "2021-09-27_nato-china_cn_zh.txt",
        embedder=use_embedder,
    )
    english = read(read_account(accounts / "2021-09-27_nato-china_cn_en.txt"), lexicon)
    version = side_version(comparison.readings[1], english, lexicon, use_embedder)
    return comparison, version


def test_brief_quotes_the_sides_english_version_with_the_original(nato_china_versions) -> None:
    comparison, version = nato_china_versions
    assert len(version.spans) >= len(comparison.readings[1].claims) // 2
    note = brief(comparison, "en", versions=[version])
    assert note.versions == (
        {"id": version.id, "of": comparison.readings[1].account.id, "language": "en"},
    )
    check_brief(note, comparison, [version.reading])
    quoted = [q for s in note.sentences() for q in s.quotes if q.account == version.id]
    assert quoted
    text = version.reading.account.text
    assert all(text[q.start : q.end] == q.text for q in quoted)
    says = [s for s in _sentences(note, "says") if s.source == comparison.readings[1].account.id]
    assert any("(original: " in s.text for s in says)
    assert all(any(r.what == "version" for r in s.refs) for s in says if "(original: " in s.text)
    # a brief in Chinese has nothing to gain from an English version
    assert brief(comparison, "zh", versions=[version]).versions == ()


def test_brief_version_quote_that_does_not_verify(nato_china_versions) -> None:
    comparison, version = nato_china_versions
    note = brief(comparison, "en", versions=[version])
    assert any("unknown account" in p for p in verify_brief(note, comparison))


def test_brief_warnings_come_first_and_no_verdict(fake_embedder) -> None:
    from readouts.ingest import account_from_text

    a = account_from_text(
        "President Biden met with President Erdogan of Turkey. They discussed NATO.",
        id="a",
        party="united_states",
        date="2021-10-31",
        language="en",
    )
    b = account_from_text(
        "President Biden spoke with President Erdogan of Turkey. They discussed Sweden.",
        id="b",
        party="united_states",
        date="2023-07-09",
        language="en",
    )
    c = compare(a, b, embedder=fake_embedder)
    note = brief(c, "en")
    assert [w["code"] for w in note.warnings] == ["different-meetings", "same-side"]
    assert note.score["comparable"] is False
    md = render_brief(note, "markdown")
    assert md.index("Warning:") < md.index(note.dek.text)
    assert "not be of one meeting" in note.title.text
    verdict = _sentences(note, "verdict")[0]
    assert verdict.plan == "verdict.notcomparable" and c.score.verdict not in verdict.text
    check_brief(note, c)
    page = render_brief(note, "html")
    assert page.index('class="warning"') < page.index('class="dek"')
    zh = render_brief(brief(c, "zh"), "markdown")
    assert "注意：" in zh


def test_cli_brief_side_quotes_versions(shared_dir: Path) -> None:
    accounts = shared_dir / "eval" / "accounts"
    nato = str(accounts / "2021-09-27_nato-china_nato_en.txt")
    zh = str(accounts / "2021-09-27_nato-china_cn_zh.txt")
    en = str(accounts / "2021-09-27_nato-china_cn_en.txt")
    result = CliRunner().invoke(
        main,
        [
            "brief",
            nato,
            zh,
            en,
            "--side",
            f"nato:{nato}",
            "--side",
            f"china:{zh},{en}",
            "--verify",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["versions"][0]["of"] == "2021-09-27_nato-china_cn_zh"


@pytest.mark.parametrize(
    "args",
    [
        ["call_us.txt"],  # one account
        ["call_us.txt", "call_cn.txt", "call_cn_hant.txt"],  # three without --side
    ],
)
def test_cli_brief_usage_slips_exit_2(fixtures: Path, args: list[str]) -> None:
    result = CliRunner().invoke(main, ["brief", *(str(fixtures / a) for a in args)])
    assert result.exit_code == 2
