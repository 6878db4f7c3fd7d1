"""The training set: its texts build from ../shared, its gold holds what core v2 asks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

TRAIN = Path(__file__).parent.parent / "eval" / "train"


def test_train_set_texts_build_and_match_what_was_annotated(shared_dir):
    # the White House texts are git-ignored: build them when a fresh clone lacks them
    out = subprocess.run(
        [sys.executable, str(TRAIN / "build_accounts.py"), "--check"],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0 and "missing or stale" in out.stdout:
        out = subprocess.run(
            [sys.executable, str(TRAIN / "build_accounts.py")], capture_output=True, text=True
        )
    assert out.returncode == 0, out.stdout + out.stderr


def test_train_set_meets_the_minimums():
    out = subprocess.run([sys.executable, str(TRAIN / "stats.py")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


@pytest.mark.parametrize("path", sorted(TRAIN.glob("*.json")), ids=lambda p: p.stem)
def test_train_set_gold_files_name_their_provenance(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    for acc in gold["accounts"]:
        assert acc["provenance"] in ("original", "retelling", "brief")
        if acc["provenance"] == "original":
            assert acc.get("derived_from") and len(acc.get("sha256", "")) == 64
        elif acc["provenance"] == "retelling":
            assert acc.get("based_on")
        else:
            assert acc.get("brief")
