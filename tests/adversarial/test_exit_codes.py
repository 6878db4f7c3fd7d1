"""The README's exit-code table is complete and true: it lists every code the program can
return (each error class's, the parser's 2, the batch commands' 1 and 126, Ctrl-C's
130) and no other; and no deliberate error exits 1, the code of internal errors."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from readouts import errors

README = Path(__file__).resolve().parents[2] / "README.md"


def _table() -> dict[int, str]:
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", README.read_text(encoding="utf-8"), re.M)
    return {int(code): meaning for code, meaning in rows}


def _error_codes() -> set[int]:
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)]
    return {c.exit_code for c in classes if issubclass(c, errors.ReadoutsError)}


def test_exit_codes_table_lists_every_code_and_no_other() -> None:
    table = _table()
    possible = (_error_codes() - {1}) | {0, 1, 2, 126, 130}
    assert set(table) == possible


def test_exit_codes_no_deliberate_error_is_an_internal_error() -> None:
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass)]
    deliberate = [c for c in classes if issubclass(c, errors.ReadoutsError)]
    assert [c for c in deliberate if c.exit_code == 1] == [errors.ReadoutsError]  # the base


def test_exit_codes_the_help_names_them_too() -> None:
    from readouts.cli import main

    help_text = " ".join((main.help or "").split())
    for code in sorted(_error_codes() - {1}):
        assert f"{code} " in help_text, code
