"""Roles: actor mentions (with Chinese pairs of parties) and the place of an event."""

from __future__ import annotations

import pytest

from readouts.lang import text_view
from readouts.roles import actor_mentions, place_of


def _mentions(text, lang, lexicon):
    view = text_view(text, lang)
    return actor_mentions(text, lang, view, lexicon, 0, len(text))


@pytest.mark.parametrize(
    "text,parties",
    [
        ("中俄两国海军举行联合演习。", ["china", "russia"]),
        ("中印边境部队脱离接触。", ["china", "india"]),
        ("中巴两国空军举行联合训练。", []),  # 巴方 is Brazil's and Pakistan's: left out
        ("中美关系保持稳定。", []),  # a pair only before 两国, 双方, 边境...
    ],
)
def test_roles_chinese_pairs_of_parties(lexicon, text, parties):
    assert [lexicon.party_of(m.id) for m in _mentions(text, "zh", lexicon)] == parties


@pytest.mark.parametrize(
    "text,lang,place",
    [
        ("Inmates rioted at a prison in Nepal's capital.", "en", "Nepal"),
        ("The police arrested forty protesters in Caracas, Reuters said.", "en", "Caracas"),
        ("数千名民众在东京街头游行。", "zh", "东京"),
        ("Officials met the envoy.", "en", ""),
    ],
)
def test_roles_place_of_an_event(lexicon, text, lang, place):
    view = text_view(text, lang)
    found = place_of(view, lang, 0, len(text), (), _mentions(text, lang, lexicon))
    assert [text[m.start : m.end] for m in found] == ([place] if place else [])
