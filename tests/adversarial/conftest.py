"""Fixtures of the hostile-input cases: two normal accounts, in each test's own folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import CN_TEXT, US_TEXT, write


@pytest.fixture()
def us(tmp_path: Path) -> Path:
    """A normal English account, in the test's own folder."""
    return write(tmp_path / "us.txt", US_TEXT)


@pytest.fixture()
def cn(tmp_path: Path) -> Path:
    """A normal Chinese account, in the test's own folder."""
    return write(tmp_path / "cn.txt", CN_TEXT)
