"""PLOVER: the ontology and cue lexicon files, and the gap-pattern matcher."""

from __future__ import annotations

import pytest

from readouts.errors import LexiconError
from readouts.plover import CueMatcher, default_event_lexicon, load_event_lexicon


@pytest.fixture(scope="module")
def ev():
    return default_event_lexicon()


def test_plover_has_the_sixteen_current_types_with_their_quads(ev):
    assert len(ev.types) == 16
    assert ev.quad("AGREE") == 1 and ev.quad("AID") == 2
    assert ev.quad("REQUEST") == 3 and ev.quad("ASSAULT") == 4
    assert len(ev.contexts) == 37


@pytest.mark.parametrize(
    "name,expected",
    [
        ("REQUEST", ("REQUEST", "")),
        ("DEMAND", ("REQUEST", "")),
        ("disapprove", ("ACCUSE", "disapprove")),
        ("INVESTIGATE", ("ACCUSE", "investigate")),
        ("FIGHT", ("ASSAULT", "")),
        ("CRIME", ("", "")),
    ],
)
def test_plover_older_names_are_aliases(ev, name, expected):
    assert ev.resolve(name) == expected


@pytest.mark.parametrize(
    "event,mode,expected",
    [
        ("CONSULT", "phone", "phone"),
        ("ACCUSE", "protest", ""),
        ("THREATEN", "violence", "violence"),
    ],
)
def test_plover_an_event_only_carries_its_own_modes(ev, event, mode, expected):
    assert ev.mode(event, mode) == expected


def test_plover_topics_map_to_contexts(ev):
    assert "territory" in ev.topic_contexts["taiwan"]
    assert ev.topic_contexts["fentanyl"] == ("illegal_drugs",)


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("They imposed new sanctions on Iran.", "en", "imposed new sanctions"),
        ("They imposed on Monday, after a long debate and a vote, sanctions.", "en", ""),
        ("They imposed 1,000 new sanctions.", "en", "imposed 1,000 new sanctions"),
        ("中方决定对美国军工企业实施制裁。", "zh", "对美国军工企业实施制裁"),
        ("中方决定对美国，实施制裁。", "zh", ""),
    ],
)
def test_plover_gaps_stay_inside_the_clause(text, lang, expected):
    matcher = CueMatcher([("s", ["impos* ... sanctions"], ["对…实施制裁"])])
    found = [text[m.start : m.end] for m in matcher.find(text, lang)]
    assert found == ([expected] if expected else [])


def test_plover_longest_cue_wins_at_one_place():
    matcher = CueMatcher([("a", ["withdr*"], []), ("b", ["withdr* ... observers"], [])])
    text = "She will withdraw the election observers."
    assert [(text[m.start : m.end], m.id) for m in matcher.find(text, "en")] == [
        ("withdraw the election observers", "b")
    ]


ONTOLOGY = (
    "# version: 1\n"
    "kind\tname\tevent\tquad\tmodes\tfuture\tthreat\task\ttopics\tlabel_en\tlabel_zh\tsource\n"
    "type\tAGREE\tAGREE\t1\t-\t-\t-\t-\t-\tagree\t同意\tx\n"
)
CUES = "# version: 1\nid\tevent\tmode\tframe\tcontext\tcues_en\tcues_zh\tsource\n"


@pytest.mark.parametrize(
    "row,message",
    [
        ("a\tAGREE\t-\tnope\t-\tagree\t同意\tx", "frame must be one of"),
        ("a\tHUG\t-\tevent\t-\thug\t拥抱\tx", "no PLOVER type 'HUG'"),
        ("a\tAGREE\tphone\tevent\t-\tagree\t同意\tx", "AGREE has no mode 'phone'"),
        ("a\tAGREE\t-\tevent\tweather\tagree\t同意\tx", "no PLOVER context 'weather'"),
    ],
)
def test_plover_bad_cue_rows_name_the_line(row, message):
    with pytest.raises(LexiconError, match=message) as info:
        load_event_lexicon((ONTOLOGY, "plover.tsv"), (CUES + row + "\n", "events.tsv"))
    assert "events.tsv:3" in str(info.value)


def test_plover_unknown_kind_in_the_ontology_is_an_error():
    bad = ONTOLOGY + "flavour\tX\t-\t-\t-\t-\t-\t-\t-\tx\tx\tx\n"
    with pytest.raises(LexiconError, match="kind must be"):
        load_event_lexicon((bad, "plover.tsv"), (CUES + "a\tAGREE\t-\tevent\t-\ta\t-\tx\n", "e"))
