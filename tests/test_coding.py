"""Coding: the event a claim reports, and its source and target, in English and Chinese."""

from __future__ import annotations

import pytest

from readouts.coding import code_claim
from readouts.lang import text_view
from readouts.plover import cue_hits, default_event_lexicon


def _code(text, lexicon, lang="en"):
    view = text_view(text, lang)
    coded = code_claim(
        text, lang, 0, len(text), view=view, lexicon=lexicon, events=default_event_lexicon()
    )
    if coded is None:
        return None
    code = lambda ms: [lexicon.actors[m.id].code for m in ms]  # noqa: E731
    return coded.event, coded.mode, code(coded.source), code(coded.target)


@pytest.mark.parametrize(
    "text,expected",
    [
        # talk, as news reports it
        ("Kenya urged Uganda to reopen the border.", ("REQUEST", "yield", ["KEN"], ["UGA"])),
        ("Kenya urged Uganda to stop the aid flights.", ("REQUEST", "change", ["KEN"], ["UGA"])),
        ("Spain lodged a formal protest with Morocco.", ("ACCUSE", "disapprove", ["ESP"], ["MAR"])),
        ("Chile rejected a proposal from Peru.", ("REJECT", "", ["CHL"], ["PER"])),
        (
            "Iran threatened to cut diplomatic ties with Bahrain.",
            ("THREATEN", "relations", ["IRN"], ["BHR"]),
        ),
        # a promise of cooperation is AGREE, of conflict THREATEN; a decided sanction is done
        ("Canada will provide emergency aid to Haiti.", ("AGREE", "", ["CAN"], ["HTI"])),
        (
            "Truckers in Canada said they would blockade the bridges.",
            ("THREATEN", "restrict", ["CAN"], []),
        ),
        (
            "Greece announced a suspension of flights to Libya.",
            ("SANCTION", "discontinue", ["GRC"], ["LBY"]),
        ),
        (
            "Ghana announced it will withdraw its peacekeepers unless the attacks stop.",
            ("THREATEN", "relations", ["GHA"], []),
        ),
        ("Egypt will not attend the summit.", ("REJECT", "meet", ["EGY"], [])),
        ("Armenian forces are poised to launch artillery strikes.", ("MOBILIZE", "", ["ARM"], [])),
        # material events
        (
            "Thousands of Chileans staged a rally against the reform.",
            ("PROTEST", "demo", ["CHL"], []),
        ),
        ("Malaysia deported forty workers from Myanmar.", ("COERCE", "deport", ["MYS"], ["MMR"])),
        ("Sri Lanka lifted the curfew in Colombo.", ("CONCEDE", "", ["LKA"], ["LKA"])),
        ("Norway will give Malawi a loan.", ("AGREE", "", ["NOR"], ["MWI"])),
        ("Kenya deployed 300 peacekeepers to Somalia.", ("AID", "", ["KEN"], ["SOM"])),
        ("Police in Togo fired tear gas at the marchers.", ("COERCE", "restrict", ["TGO"], [])),
        ("Troops from Eritrea occupied the border town.", ("ASSAULT", "", ["ERI"], [])),
        ("Venezuela snubbed the talks in Mexico.", ("REJECT", "meet", ["VEN"], ["MEX"])),
        # roles: a leading reporting verb, "and", a passive, a leading adverbial, a trailing source
        ("Austria has said it will support the plan.", ("AGREE", "", ["AUT"], [])),
        (
            "Czech and Slovak ministers agreed to coordinate their budgets.",
            ("AGREE", "", ["CZE", "SVK"], []),
        ),
        ("The embassy was attacked by militants from Somalia.", ("ASSAULT", "", ["SOM"], [])),
        (
            "After the signing of the treaty, Chile and Bolivia agreed to reopen the rail link.",
            ("AGREE", "", ["CHL", "BOL"], []),
        ),
        (
            "Oman offered to send aid to Yemen, a Qatari newspaper said.",
            ("AGREE", "", ["OMN"], ["YEM"]),
        ),
        ("Wang Yi said Japan should stop the discharge.", ("REQUEST", "", ["CHN"], ["JPN"])),
        # a cue inside a name is no event; whom one meets is not a topic
        ("Amnesty International criticised Belarus.", ("ACCUSE", "disapprove", ["NGO"], ["BLR"])),
        ("Blinken met Wang Yi and discussed Ukraine.", ("CONSULT", "", ["USA"], ["CHN"])),
        ("The two discussed Ukraine.", ("CONSULT", "", [], [])),
    ],
)
def test_coding_english_general_forms(lexicon, text, expected):
    assert _code(text, lexicon) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("中方对美方的错误做法表示强烈不满。", ("ACCUSE", "disapprove", ["CHN"], ["USA"])),
        ("中方对美方滥用出口管制措施表示强烈不满。", ("ACCUSE", "disapprove", ["CHN"], ["USA"])),
        ("中方已向日方提出严正交涉。", ("ACCUSE", "", ["CHN"], ["JPN"])),
        ("美方应立即停止对台军售。", ("REQUEST", "change", [], ["USA"])),
        ("中方决定对美国军工企业实施制裁。", ("SANCTION", "", ["CHN"], ["USA"])),
        ("美国商务部将多家中国企业列入实体清单。", ("SANCTION", "", ["USA"], ["CHN"])),
        ("中方将向阿富汗提供紧急援助。", ("AGREE", "", ["CHN"], ["AFG"])),
        ("中俄两国海军举行联合演习。", ("COOPERATE", "", ["CHN", "RUS"], [])),
        ("王毅同布林肯举行会谈。", ("CONSULT", "", ["CHN"], ["USA"])),
        ("一名中国公民被警方拘押。", ("COERCE", "arrest", [], ["CHN"])),
        ("如果日方一意孤行，中方必将予以坚决回击。", ("THREATEN", "", ["CHN"], [])),
        ("双方就乌克兰局势交换了意见。", ("CONSULT", "", [], [])),
        ("工会宣布取消原定下周举行的罢工。", ("CONCEDE", "", [], [])),
    ],
)
def test_coding_chinese_general_forms(lexicon, text, expected):
    assert _code(text, lexicon, "zh") == expected


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Taiwan is part of the agenda.", "en"),
        ("The Protestant church stands in the square.", "en"),
        ("New research released by the agency finds higher prices.", "en"),
        ("The network will mobilize private capital for clean energy.", "en"),
        ("It gives early warning of outbreaks.", "en"),
        ("The press briefing starts at noon.", "en"),
        ("It was on his orders that the building was sold to investors.", "en"),
        ("台湾问题是中国核心利益中的核心。", "zh"),
        ("关键在于当事方展现政治意愿。", "zh"),
    ],
)
def test_coding_no_cue_no_event(lexicon, text, lang):
    assert _code(text, lexicon, lang) is None


def test_coding_overlapping_cues_keep_the_longer_and_the_event_cue_on_a_tie(lexicon):
    text = "Syria says it will not accept more refugees; it apologized."
    hits = cue_hits(text, "en", text, lexicon, default_event_lexicon())
    named = [(text[h.start : h.end], h.cue) for h in hits]
    assert ("will not accept", "acts:reject") in named  # longer than "will not"
    assert ("apologized", "events:support_apology") in named  # tie: the event cue
