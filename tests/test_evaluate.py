import json

import pytest

from readouts.errors import GoldFormatError
from readouts.evaluation import check_floors, evaluate, load_gold, spearman


def _gold(tmp_path, points, accounts=None):
    (tmp_path / "a.txt").write_text(
        "The two sides met. They discussed trade. NATO raised Taiwan.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("双方举行会晤。双方讨论了贸易问题。", encoding="utf-8")
    gold = {
        "meeting": "m1",
        "accounts": accounts
        or [
            {
                "id": "a",
                "side": "a",
                "party": "X",
                "language": "en",
                "file": "a.txt",
                "provenance": "retelling",
            },
            {
                "id": "b",
                "side": "b",
                "party": "Y",
                "language": "zh",
                "file": "b.txt",
                "provenance": "retelling",
            },
        ],
        "compare": [["a", "b"]],
        "points": points,
        "convergence": {"rating": 3, "why": "test"},
    }
    path = tmp_path / "m1.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


POINTS = [
    {
        "id": "p1",
        "spans": {"a": ["The two sides met"], "b": ["双方举行会晤"]},
        "relation": "shared",
    },
    {
        "id": "p2",
        "spans": {"a": ["They discussed trade"], "b": ["双方讨论了贸易问题"]},
        "relation": "shared",
    },
    {"id": "p3", "spans": {"a": ["NATO raised Taiwan"]}, "relation": "only:a"},
]


def test_evaluate_spans_are_located(tmp_path):
    m = load_gold(_gold(tmp_path, POINTS))
    assert m.points[0].spans["a"] == ((0, 17),)


def test_evaluate_missing_span_is_an_error(tmp_path):
    bad = [{"id": "p1", "spans": {"a": ["not in the text"]}, "relation": "only:a"}]
    with pytest.raises(GoldFormatError, match="span not in a"):
        load_gold(_gold(tmp_path, bad))


def test_evaluate_perfect_tool_scores_one(tmp_path):
    from readouts.model import Alignment, Comparison, Relation, Score

    def perfect(a, b, method="readouts"):
        from readouts.reading import read

        ra, rb = read(a), read(b)
        rel = {}
        for c in ra.claims:
            text = ra.account.text[c.start : c.end]
            rel[c.id] = Relation(c.id, "one-sided" if "Taiwan" in text else "shared", "x")
        for c in rb.claims:
            rel[c.id] = Relation(c.id, "shared", "x")
        pairs = tuple(
            Alignment(x.id, y.id, 1, 1, "shared")
            for x, y in zip(ra.claims[:2], rb.claims[:2], strict=True)
        )
        return Comparison((ra, rb), pairs, rel, Score(50, "partial", "", {}, ()), {})

    figures = evaluate(str(_gold(tmp_path, POINTS).parent), perfect)
    assert figures["point_recall"] == 1.0
    assert figures["alignment_f1"] == 1.0
    assert figures["omission_f1"] == 1.0
    assert figures["relation_accuracy"] == 1.0


@pytest.mark.parametrize(
    "x,y,expected",
    [([1, 2, 3], [1, 2, 3], 1.0), ([1, 2, 3], [3, 2, 1], -1.0), ([1, 1, 2], [2, 2, 3], 1.0)],
)
def test_evaluate_spearman(x, y, expected):
    assert spearman(x, y) == pytest.approx(expected)


def test_evaluate_floors(tmp_path):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"alignment_f1": 0.5, "omission_f1": 0.9}}))
    results = {"readouts": {"alignment_f1": 0.6, "omission_f1": 0.8}}
    failures = check_floors(results, floors)
    assert len(failures) == 1 and "omission_f1" in failures[0]


@pytest.mark.slow
def test_evaluate_dev_set_beats_the_baseline(shared_dir):
    from readouts.comparison import compare

    ours = evaluate(shared_dir / "eval" / "dev", compare)
    base = evaluate(shared_dir / "eval" / "dev", compare, method="baseline")
    assert ours["alignment_f1"] >= base["alignment_f1"] + 0.10


def test_evaluate_gold_account_reads_with_the_gold_files_labels(tmp_path):
    accounts = load_gold(_gold(tmp_path, POINTS)).accounts
    a, b = accounts["a"].read(), accounts["b"].read()
    assert (a.id, a.side, a.party, a.language) == ("a", "a", "X", "en")
    assert (b.id, b.side, b.party, b.language, b.script) == ("b", "b", "Y", "zh", "Hans")


def test_calibrate_collects_the_accounts_evaluation_reads(tmp_path):
    from readouts.calibrate import collect
    from readouts.embed import FakeEmbedder
    from readouts.lexicon import default_lexicon

    meeting = load_gold(_gold(tmp_path, POINTS))
    (example,) = collect([meeting], default_lexicon(), FakeEmbedder())
    read_a, read_b = (r.account for r in example.readings)
    assert read_a == meeting.accounts["a"].read()
    assert read_b == meeting.accounts["b"].read()


def _fixed(claims_a, claims_b, labels, links):
    """A stand-in comparison over hand-made claims: (start, end) spans per account,
    a label per claim id, and the links between them."""
    from readouts.model import (
        Account,
        Alignment,
        Claim,
        Comparison,
        Reading,
        Relation,
        Score,
        Speaker,
    )

    def reading(aid, spans, text):
        sp = Speaker("x", "narrator")
        claims = tuple(Claim(f"{aid}:{k}", aid, 0, s, e, sp) for k, (s, e) in enumerate(spans))
        return Reading(Account(aid, text, "en"), (), claims)

    def compare_fn(a, b, method="readouts"):
        ra, rb = reading("a", claims_a, a.text), reading("b", claims_b, b.text)
        rel = {cid: Relation(cid, lab, "x") for cid, lab in labels.items()}
        al = tuple(Alignment(x, y, 1, 1, "shared") for x, y in links)
        return Comparison((ra, rb), al, rel, Score(0, "little", "", {}, ()), {})

    return compare_fn


def test_evaluate_reports_the_share_of_lumped_claims(tmp_path):
    # one claim over all of account a covers its three points: lumped
    fn = _fixed(
        [(0, 60)],
        [(0, 6), (7, 16)],
        {"a:0": "shared", "b:0": "shared", "b:1": "shared"},
        [("a:0", "b:0"), ("a:0", "b:1")],
    )
    figures = evaluate(str(_gold(tmp_path, POINTS).parent), fn)
    assert figures["lumped_claims"] == pytest.approx(1 / 3)


def test_evaluate_diagnose_sorts_mistakes_by_cause(tmp_path):
    from readouts.evaluation import diagnose_all

    # p1 linked right; p2 never linked though both claims exist (one linked elsewhere);
    # p3 is one-sided but called shared through a link that shares no point
    fn = _fixed(
        [(0, 17), (19, 39), (41, 59)],
        [(0, 6), (7, 16)],
        {"a:0": "shared", "a:1": "one-sided", "a:2": "shared", "b:0": "shared", "b:1": "shared"},
        [("a:0", "b:0"), ("a:2", "b:1")],
    )
    errors = diagnose_all(str(_gold(tmp_path, POINTS).parent), fn)
    kinds = sorted(e.kind for e in errors)
    assert kinds == ["false_link", "false_shared", "partner_taken"]


def test_evaluate_agreement_of_an_annotation_with_itself_is_perfect(tmp_path):
    from readouts.evaluation import agreement

    folder = _gold(tmp_path, POINTS).parent
    result = agreement(folder, folder)
    assert result["meetings"] == ["m1"]
    for key in ("point_recall", "alignment_f1", "omission_f1", "relation_accuracy"):
        assert result["mean"][key] == 1.0


def test_evaluate_agreement_counts_a_disagreement(tmp_path):
    from readouts.evaluation import agreement

    (tmp_path / "one").mkdir()
    first = _gold(tmp_path / "one", POINTS)
    other = [dict(p) for p in POINTS]
    other[1] = {"id": "p2", "spans": {"a": ["They discussed trade"]}, "relation": "only:a"}
    other.append({"id": "p4", "spans": {"b": ["双方讨论了贸易问题"]}, "relation": "only:b"})
    (tmp_path / "two").mkdir()
    second = _gold(tmp_path / "two", other)
    result = agreement(first.parent, second.parent)
    assert result["mean"]["alignment_f1"] < 1.0
    assert result["second_vs_first"]["relation_accuracy_shared"] == pytest.approx(0.5)
