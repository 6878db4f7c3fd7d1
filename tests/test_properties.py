"""Invariants over arbitrary text: every span lies inside its text, claims never overlap."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readouts.ingest import account_from_text
from readouts.reading import read

WORDS = st.sampled_from(
    [
        "The",
        "two",
        "sides",
        "agreed",
        "to",
        "He",
        "said",
        "that",
        "China",
        "NATO",
        "U.S.",
        "Sept.",
        "and",
        "but",
        "however,",
        "concerns",
        "about",
        "Taiwan",
        "nuclear",
        "arsenal,",
        "Wang",
        "Yi",
        "stressed",
        "dialogue.",
        "They",
        "welcomed",
        ";",
        ":",
        "the",
        "expansion",
        "of",
        "its",
        "Mr.",
        "Biden",
        "Jr.",
        "invited",
        "called",
        "on",
        "\n",
        "\n\n",
        "?",
        "!",
    ]
)
HANZI = st.sampled_from(
    [*list("王毅表示双方同意中方美方台湾对话合作，。；：！？“”应约不谋求霸权"), "\n\n"]
)


def _check(text: str) -> None:
    try:
        account = account_from_text(text, language="en" if text.isascii() else "zh")
    except Exception:
        return  # empty input is refused, which is fine
    reading = read(account)
    n = len(account.text)
    for s in reading.sentences:
        assert 0 <= s.start < s.end <= n
    previous_end = 0
    for c in reading.claims:
        assert 0 <= c.start < c.end <= n
        assert c.start >= previous_end, "claims overlap"
        previous_end = c.end
        sentence = reading.sentences[c.sentence]
        assert sentence.start <= c.start and c.end <= sentence.end
        if c.frame_start >= 0:
            assert 0 <= c.frame_start <= c.frame_end <= n
        for t in c.tone:
            assert 0 <= t.start < t.end <= n


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=60).map(" ".join))
def test_properties_english_spans_inside_and_disjoint(text):
    _check("The two sides met. " + text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HANZI, min_size=1, max_size=80).map("".join))
def test_properties_chinese_spans_inside_and_disjoint(text):
    _check("双方举行会谈。" + text)
