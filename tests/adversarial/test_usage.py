"""Item 20: usage slips exit 2, and what would stop a command after its work (a plot
without matplotlib) stops it before."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import CN_TEXT, cli, write


def test_usage_one_account(us: Path) -> None:
    ran = cli("compare", str(us))
    assert ran.code == 2 and "at least two accounts" in ran.err


def test_usage_three_accounts_without_sides(tmp_path: Path, us: Path, cn: Path) -> None:
    third = write(tmp_path / "cn2.txt", CN_TEXT + "\n双方同意保持沟通。")
    ran = cli("compare", str(us), str(cn), str(third))
    assert ran.code == 2 and "--side" in ran.err


@pytest.mark.parametrize("spec", ["nato", ":a.txt", "nato:"])
def test_usage_malformed_side(us: Path, cn: Path, spec: str) -> None:
    ran = cli("compare", str(us), str(cn), "--side", spec)
    assert ran.code == 2 and "--side" in ran.err


def test_usage_plot_without_matplotlib_fails_before_the_work(
    tmp_path: Path, us: Path, cn: Path
) -> None:
    shadow = tmp_path / "shadow" / "matplotlib"
    shadow.mkdir(parents=True)
    write(shadow / "__init__.py", "raise ImportError('no matplotlib here')\n")
    out = tmp_path / "report.json"
    ran = cli(
        "compare", str(us), str(cn), "--format", "json", "-o", str(out),
        "--plot", str(tmp_path / "t.png"),
        env={"PYTHONPATH": str(shadow.parent)},
    )  # fmt: skip
    assert ran.code == 5, ran.err
    assert "matplotlib" in ran.one_line_error()
    assert not out.exists()  # refused before the report was written


def test_usage_plot_to_a_missing_folder_fails_before_the_work(
    tmp_path: Path, us: Path, cn: Path
) -> None:
    out = tmp_path / "report.json"
    ran = cli("compare", str(us), str(cn), "-o", str(out), "--plot", str(tmp_path / "no" / "t.png"))
    assert ran.code == 9 and not out.exists()
