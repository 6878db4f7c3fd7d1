"""Labels: loading the labelled set, per-class figures, floors, `readouts eval-labels`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.cli import main
from readouts.errors import GoldFormatError, MissingFileError
from readouts.labels import (
    DEFAULT_LABELS,
    check_label_floors,
    evaluate_labels,
    load_labels,
    prf,
)

ROW = {
    "doc": "d1",
    "lang": "en",
    "party": "united_states",
    "para": 0,
    "text": "President Biden spoke today with President Xi Jinping.",
    "speaker": {"name": "Joe Biden", "kind": "person", "party": "united_states"},
    "act": "consult",
    "topics": [],
}


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "labels.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


@pytest.fixture(scope="module")
def shipped() -> dict:
    return evaluate_labels(DEFAULT_LABELS)


def test_labels_shipped_set_is_large_and_bilingual(shipped):
    assert shipped["sentences"] >= 150
    assert shipped["languages"]["en"] >= 60 and shipped["languages"]["zh"] >= 60


@pytest.mark.parametrize("task", ["speaker", "act", "topic"])
def test_labels_every_task_has_per_class_figures(shipped, task):
    figures = shipped[task]
    assert 0.0 <= figures["macro_f1"] <= 1.0
    for v in figures["classes"].values():
        assert {"precision", "recall", "f1", "support", "predicted"} <= set(v)
    assert figures["macro_f1"] == pytest.approx(
        sum(v["f1"] for v in figures["classes"].values()) / len(figures["classes"]), abs=1e-3
    )


def test_labels_shipped_rows_use_known_ids(lexicon):
    rows = load_labels(DEFAULT_LABELS, lexicon)
    assert all(r.act == "statement" or r.act in lexicon.acts for r in rows)
    assert all(t in lexicon.topics for r in rows for t in r.topics)


@pytest.mark.parametrize(
    "tp,fp,fn,expected",
    [(3, 1, 0, (0.75, 1.0, 0.857)), (0, 0, 2, (0.0, 0.0, 0.0)), (0, 0, 0, (0.0, 0.0, 0.0))],
)
def test_labels_prf(tp, fp, fn, expected):
    assert tuple(round(x, 3) for x in prf(tp, fp, fn)) == expected


def test_labels_a_perfect_row_scores_one(tmp_path):
    result = evaluate_labels(_write(tmp_path, [ROW]))
    assert result["speaker"]["classes"]["person:united_states"]["f1"] == 1.0
    assert result["act"]["macro_f1"] == 1.0
    assert result["speaker"]["name_accuracy"] == 1.0


def test_labels_documents_are_rebuilt_so_pronouns_resolve(tmp_path):
    second = {
        **ROW,
        "text": "He raised concerns about the situation in the Taiwan Strait.",
        "act": "express_concern",
        "topics": ["taiwan"],
    }
    result = evaluate_labels(_write(tmp_path, [ROW, second]))
    assert result["speaker"]["accuracy"] == 1.0
    assert result["topic"]["classes"]["taiwan"]["f1"] == 1.0


@pytest.mark.parametrize(
    "change,words",
    [
        ({"act": "praise"}, "unknown act"),
        ({"topics": ["bananas"]}, "bananas"),
        ({"lang": "fr"}, "lang must be"),
        ({"speaker": {"name": "X", "kind": "ghost"}}, "speaker"),
    ],
)
def test_labels_malformed_rows_name_file_and_line(tmp_path, change, words):
    path = _write(tmp_path, [ROW, {**ROW, **change}])
    with pytest.raises(GoldFormatError) as err:
        load_labels(path)
    assert f"{path}:2" in str(err.value) and words in str(err.value)


def test_labels_missing_set(tmp_path):
    with pytest.raises(MissingFileError):
        evaluate_labels(tmp_path / "nope.jsonl")


@pytest.mark.parametrize("floor,failed", [(0.0, False), (1.01, True)])
def test_labels_floors(tmp_path, floor, failed):
    result = evaluate_labels(_write(tmp_path, [ROW]))
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"speaker_macro_f1": floor}), encoding="utf-8")
    assert bool(check_label_floors(result, floors)) == failed


def test_labels_unknown_floor_is_an_error(tmp_path):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"speaker_magic": 0.5}), encoding="utf-8")
    with pytest.raises(GoldFormatError):
        check_label_floors({"speaker": {"macro_f1": 1.0}}, floors)


@pytest.mark.parametrize("as_json", [False, True])
def test_labels_cli(tmp_path, as_json):
    path = _write(tmp_path, [ROW])
    result = CliRunner().invoke(main, ["eval-labels", str(path), *(["--json"] if as_json else [])])
    assert result.exit_code == 0, result.output
    if as_json:
        assert json.loads(result.output)["sentences"] == 1
    else:
        assert "speaker: macro F1" in result.output


def test_labels_cli_gate_fails_with_exit_8(tmp_path):
    path = _write(tmp_path, [ROW])
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"act_macro_f1": 1.5}), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval-labels", str(path), "--floors", str(floors)])
    assert result.exit_code == 8
    assert "act_macro_f1" in result.stderr
