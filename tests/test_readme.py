"""The README says what the program does: its figures, and its corpus example.

* The figures under the picture are the program's output on the README's example, and
  the picture was made from the same output (``docs/screenshot.py``).
* The corpus example runs as written on ``../shared/corpus/whitehouse`` and
  ``corpus/counterparts`` and ends in a PNG trend plot: here on the White House readouts
  of the training meetings (fast, with the test encoder), and on the whole corpus as
  written with ``-m slow``.
* ``corpus/counterparts`` is what ``eval/train/build_corpus.py`` makes of the gold files.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _screenshot_module():
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        import screenshot
    finally:
        sys.path.pop(0)
    return screenshot


def corpus_example() -> list[list[str]]:
    """The commands of the README's corpus example, as argument lists, comments removed."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### A corpus of statements", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None, "the README's corpus section has no example"
    commands = []
    for line in block.group(1).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            commands.append(shlex.split(line))
    return commands


def test_readme_figures_are_the_programs(shared_dir, use_embedder):
    """The sentence under the picture, and the figures the picture was made with, are
    what `readouts compare` gives on the README's example now."""
    from readouts.comparison import compare

    shot = _screenshot_module()
    comparison = compare(
        *(shared_dir / "eval" / "accounts" / name for name in shot.ACCOUNTS), embedder=use_embedder
    )
    now = shot.figures(comparison)
    assert now["warnings"] == []  # a true pair: nothing to warn of
    readme = README.read_text(encoding="utf-8")
    assert shot.sentence(now) in readme, (
        f"the README's figures are stale; the program says {now}: run docs/screenshot.py"
    )
    made = json.loads((ROOT / "docs" / "screenshot.json").read_text(encoding="utf-8"))
    assert made == now, f"docs/screenshot.png shows {made}; the program says {now}"
    assert (ROOT / "docs" / "screenshot.png").read_bytes().startswith(b"\x89PNG")


def test_readme_corpus_example_is_the_one_tested():
    commands = corpus_example()
    assert [c[:2] for c in commands] == [
        ["readouts", "corpus"],
        ["readouts", "corpus"],
        ["readouts", "corpus"],
        ["readouts", "corpus"],
    ]
    assert commands[0][2:] == ["ingest", "../shared/corpus/whitehouse", "corpus/counterparts"]
    last = commands[-1]
    assert last[2] == "trend" and last[last.index("--plot") + 1].endswith(".png")


def test_readme_counterpart_corpus_is_built_from_the_gold_files(train_dir):
    out = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "train" / "build_corpus.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    from readouts.ingest import read_account

    files = sorted((ROOT / "corpus" / "counterparts").glob("*.md"))
    assert len(files) >= 40
    for path in files:
        account = read_account(path)
        meta = account.meta
        assert account.title and account.date and account.party and account.issuer
        assert meta["language"] and meta["source"].startswith("eval/train/accounts/")
        assert meta["provenance"] in ("retelling", "brief")
        assert not path.stem.endswith("_wh_en")  # never a White House text


def _run(commands: list[list[str]], cwd: Path, extra: dict[str, list[str]]) -> list:
    """Run the README's commands in ``cwd`` (with ``extra`` options per subcommand)."""
    import os

    results = []
    old = Path.cwd()
    os.chdir(cwd)
    try:
        for command in commands:
            args = command[1:] + extra.get(command[2], [])
            results.append(CliRunner().invoke(main, args, catch_exceptions=False))
    finally:
        os.chdir(old)
    return results


def test_readme_corpus_example_runs_on_the_training_meetings(train_dir, tmp_path):
    """The example as written, but with only the White House readouts of the training
    meetings (copied into a folder of the same name) and the test encoder: the meetings
    pair, and the trend of the United States and China is drawn."""
    shared = tmp_path / "shared" / "corpus" / "whitehouse"
    shared.mkdir(parents=True)
    for gold in sorted(train_dir.glob("*.json")):
        for account in json.loads(gold.read_text(encoding="utf-8"))["accounts"]:
            if account.get("derived_from"):
                shutil.copy(train_dir / account["derived_from"], shared)
    project = tmp_path / "readouts"
    shutil.copytree(ROOT / "corpus", project / "corpus")
    results = _run(
        corpus_example(),
        project,
        {"pair": ["--embedder", "fake.v1"], "analyze": ["--embedder", "fake.v1"]},
    )
    ingest, pair, analyze, trend = results
    assert ingest.exit_code == 0, ingest.output
    assert pair.exit_code == 0, pair.output
    groups = int(re.match(r"(\d+) groups", pair.output).group(1))
    assert groups >= 34  # of the 36 training meetings
    assert analyze.exit_code == 0, analyze.output
    assert trend.exit_code == 0, trend.output
    assert len([ln for ln in trend.output.splitlines() if re.match(r"\d{4}-\d{2}-\d{2}", ln)]) >= 8
    assert (project / "us-china.png").read_bytes().startswith(b"\x89PNG")
    assert (project / "us-china.csv").exists()


@pytest.mark.slow
def test_readme_corpus_example_runs_as_written(shared_dir, tmp_path):
    """The example exactly as written, on the whole White House corpus (minutes)."""
    project = tmp_path / "readouts"
    shutil.copytree(ROOT / "corpus", project / "corpus")
    (tmp_path / "shared").symlink_to(shared_dir)
    ingest, pair, analyze, trend = _run(corpus_example(), project, {})
    assert ingest.exit_code == 1 and "refused 13" in ingest.output  # Spanish, French, empty
    assert pair.exit_code == 0 and analyze.exit_code == 0, pair.output + analyze.output
    assert trend.exit_code == 0, trend.output
    assert (project / "us-china.png").read_bytes().startswith(b"\x89PNG")
