"""Plots: topic coverage of a comparison, convergence over time, and `compare --plot`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

from matplotlib.image import imread

from readouts.comparison import compare
from readouts.errors import EmptyInputError, InputError
from readouts.model import Comparison
from readouts.plot import convergence_png, topic_coverage_png

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC)
    image = imread(path)
    return image.shape[1], image.shape[0]


def _without_topics(c: Comparison) -> Comparison:
    return replace(c, method="baseline", topics={k: () for k in c.topics})


@pytest.mark.parametrize("topics", [True, False])
def test_plot_topic_coverage_writes_a_png(
    tmp_path: Path, us_account, cn_account, lexicon, fake_embedder, topics: bool
) -> None:
    c = compare(us_account, cn_account, lexicon=lexicon, embedder=fake_embedder)
    out = topic_coverage_png(c if topics else _without_topics(c), tmp_path / "topics.png")
    assert out == tmp_path / "topics.png"
    width, height = _png_size(out)
    assert width == 850 and height >= 240


def test_plot_topic_coverage_grows_with_the_topics(
    tmp_path: Path, us_account, cn_account, lexicon, fake_embedder
) -> None:
    c = compare(us_account, cn_account, lexicon=lexicon, embedder=fake_embedder)
    many = topic_coverage_png(c, tmp_path / "many.png")
    none = topic_coverage_png(_without_topics(c), tmp_path / "none.png")
    assert _png_size(many)[1] > _png_size(none)[1]


@pytest.mark.parametrize(
    "rows",
    [
        [("2021-09-27", 15), ("2022-03-18", 40.5), ("2023-11-15", 62)],
        [(date(2021, 1, 26), 30), (datetime(2021, 2, 8, 12, 0), 55)],
        [("2024-08-29T10:00:00", "72"), ("2024-09-01", None)],
    ],
)
def test_plot_convergence_writes_a_png(tmp_path: Path, rows) -> None:
    out = convergence_png(rows, tmp_path / "trend.png")
    width, height = _png_size(out)
    assert (width, height) == (850, 360)


@pytest.mark.parametrize(
    "rows, error",
    [
        ([], EmptyInputError),
        ([("2024-01-01", None)], EmptyInputError),
        ([("yesterday", 10)], InputError),
    ],
)
def test_plot_convergence_refuses_bad_rows(tmp_path: Path, rows, error) -> None:
    with pytest.raises(error):
        convergence_png(rows, tmp_path / "trend.png")
    assert not (tmp_path / "trend.png").exists()


def test_plot_from_the_cli(tmp_path: Path, fixtures: Path) -> None:
    from click.testing import CliRunner

    from readouts.cli import main

    plot = tmp_path / "topics.png"
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(fixtures / "call_us.txt"),
            str(fixtures / "call_cn.txt"),
            "--embedder",
            "fake.v1",
            "--format",
            "json",
            "-o",
            str(tmp_path / "out.json"),
            "--plot",
            str(plot),
        ],
    )
    assert result.exit_code == 0, result.output
    assert plot.read_bytes().startswith(PNG_MAGIC)


@pytest.mark.parametrize("draw", ["topics", "convergence"])
def test_plot_without_matplotlib_is_a_clear_config_error(
    tmp_path: Path, monkeypatch, us_account, cn_account, lexicon, fake_embedder, draw: str
) -> None:
    import sys

    from readouts.errors import ConfigError

    c = compare(us_account, cn_account, lexicon=lexicon, embedder=fake_embedder)
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # an import of it now fails
    with pytest.raises(ConfigError, match=r"pip install 'readouts\[plot\]'"):
        if draw == "topics":
            topic_coverage_png(c, tmp_path / "t.png")
        else:
            convergence_png([("2024-01-01", 50)], tmp_path / "c.png")
    assert not list(tmp_path.iterdir())
