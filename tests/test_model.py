import json

import pytest

from readouts.ingest import account_from_text
from readouts.model import Account, Claim, Speaker, ToneHit, topic_order
from readouts.reading import read


def test_model_account_round_trip():
    account = account_from_text(
        "The two sides met in Malta and agreed to stay in touch.",
        id="a1",
        party="united_states",
        date="2023-09-16",
    )
    again = Account.from_dict(json.loads(json.dumps(account.to_dict())))
    assert again == account


@pytest.mark.parametrize(
    "claim",
    [
        Claim("a:c1", "a", 0, 0, 10, Speaker("Wang Yi", "person", "china", 0, 7)),
        Claim(
            "a:c2",
            "a",
            1,
            12,
            30,
            Speaker("both sides", "both"),
            act="agree",
            topics=("dialogue",),
            tone=(ToneHit("candid", "atmosphere", 0, 14, 20),),
            negated=True,
            frame_start=12,
            frame_end=15,
        ),
    ],
)
def test_model_claim_round_trip(claim):
    assert Claim.from_dict(json.loads(json.dumps(claim.to_dict()))) == claim


def test_model_reading_to_dict_carries_the_span_text():
    reading = read(account_from_text("王毅表示，中方愿同美方加强对话。双方同意保持沟通。"))
    data = reading.to_dict()
    text = data["account"]["text"]
    for claim in data["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]


def test_model_topic_order_is_first_raised_each_once():
    def claim(n: int, topics: tuple[str, ...]) -> Claim:
        return Claim(
            id=f"a:c{n}",
            account_id="a",
            sentence=0,
            start=0,
            end=1,
            speaker=Speaker(name="x", kind="narrator"),
            topics=topics,
        )

    claims = [claim(1, ("trade", "taiwan")), claim(2, ()), claim(3, ("climate", "trade"))]
    assert topic_order(claims) == ["trade", "taiwan", "climate"]
    assert topic_order([]) == []
