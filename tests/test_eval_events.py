"""The event measure (benchmarks/eval_events.py): gold files, figures and floors."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_events.py"


@pytest.fixture(scope="module")
def measure():
    spec = importlib.util.spec_from_file_location("eval_events", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_eval_events_reads_plover_records_and_our_sets(measure, tmp_path):
    gsr = _write(
        tmp_path / "gsr.jsonl",
        [
            {
                "id": "g1",
                "text": "Lithuania demanded an apology from Belarus.",
                "event": "DEMAND",
                "source": [{"code": "LTU"}, {"code": "IGO"}],
            }
        ],
    )
    ours = _write(
        tmp_path / "ours.jsonl",
        [{"id": "z1", "text": "今年是建交周年。", "event": "-", "source": "", "target": ""}],
    )
    (g,) = measure.load(gsr)
    assert (g.gold, g.gold_name, g.sources) == ("REQUEST", "DEMAND", ("LTU",))
    (z,) = measure.load(ours)
    assert (z.gold, z.sources) == ("", ())


def test_eval_events_scores_type_source_and_false_events(measure, tmp_path):
    rows = [
        {
            "id": "a",
            "text": "Lithuania demanded an apology from Belarus.",
            "event": "DEMAND",
            "source": "LTU",
        },
        {
            "id": "b",
            "text": "Estonia expelled two diplomats.",
            "event": "SANCTION",
            "source": "EST",
        },
        {"id": "c", "text": "Chile welcomed the accord.", "event": "REJECT", "source": "ARG"},
        {"id": "d", "text": "中方坚决反对。", "event": "-", "source": ""},
    ]
    r = measure.score(measure.load(_write(tmp_path / "s.jsonl", rows)))
    assert (r["talk"], r["material"], r["source_country"]) == (0.5, 1.0, 0.667)
    assert r["false_event"] == 1.0 and r["refused"] == 0
    assert [m["id"] for m in r["mistakes"]] == ["c", "d"]


def test_eval_events_floors_and_the_refusal_ceiling(measure):
    results = {"gsr": {"talk": 0.8, "material": 0.4, "refused": 1}}
    floors = {"floors": {"gsr": {"talk": 0.75, "material": 0.5, "refused": 0}, "zh": {"talk": 0.7}}}
    assert measure.check(results, floors) == [
        "gsr material 0.4 < 0.5",
        "gsr refused 1 > 0",
        "zh: not measured",
    ]
