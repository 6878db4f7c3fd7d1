"""Items 1 and 4: hostile and malformed YAML front matter, in every command that reads.

A 391-byte alias bomb grew memory without bound; an impossible date or a recursive
alias crashed (exit 1). Front matter is a few flat fields: anchors, aliases, nesting
and anything over 16 KB are refused (exit 3), fast and small.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import EN_LINE, alias_bomb, cli, write

from readouts.errors import FormatError
from readouts.ingest import account_from_bytes

BAD_FRONT = {
    "alias bomb": (alias_bomb(), "anchors or aliases"),
    "recursive alias": ("---\na: &a [*a]\n---\n" + EN_LINE, "anchors or aliases"),
    "merge key": ("---\nb: &b {x: 1}\nc:\n  <<: *b\n---\n" + EN_LINE, "anchors or aliases"),
    "impossible date": ("---\ndate: 2023-13-45\n---\n" + EN_LINE, "cannot be read"),
    "impossible quoted date": ("---\ndate: '2023-02-30'\n---\n" + EN_LINE, "not a real date"),
    "nested mapping": ("---\nmeta:\n  deep:\n    deeper: 1\n---\n" + EN_LINE, "nested"),
    "nested list": ("---\ntags: [[a, b], [c]]\n---\n" + EN_LINE, "nested"),
    "huge": (
        "---\n" + "".join(f"k{i}: {'v' * 60}\n" for i in range(400)) + "---\n" + EN_LINE,
        "limit",
    ),
    "not a mapping": ("---\n- a\n- b\n---\n" + EN_LINE, "key: value"),
    "broken YAML": ("---\ntitle: [unclosed\n---\n" + EN_LINE, "cannot be parsed"),
    "python tag": (
        "---\nx: !!python/object/apply:os.system ['true']\n---\n" + EN_LINE,
        "cannot be parsed",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FRONT))
def test_front_matter_refused_in_the_library(case: str) -> None:
    text, words = BAD_FRONT[case]
    with pytest.raises(FormatError, match=words) as err:
        account_from_bytes(text.encode(), name="x.md", id="x")
    assert err.value.path == "x.md"


def test_front_matter_flat_fields_and_lists_of_values_still_read() -> None:
    text = "---\ntitle: A call\ndate: 2023-06-20\ntags: [a, b]\nparty: China\n---\n" + EN_LINE
    account = account_from_bytes(text.encode(), name="ok.md", id="ok")
    assert account.date == "2023-06-20" and account.meta["tags"] == ["a", "b"]


@pytest.mark.parametrize("command", ["compare", "read", "drift", "brief", "export-events"])
@pytest.mark.parametrize("case", ["alias bomb", "recursive alias", "impossible date"])
def test_front_matter_refused_by_every_command(
    tmp_path: Path, us: Path, command: str, case: str
) -> None:
    bad = write(tmp_path / "bad.md", BAD_FRONT[case][0])
    paths = [str(bad)] if command in ("read", "export-events") else [str(us), str(bad)]
    ran = cli(command, *paths, limit_s=20, ceiling_mb=400)
    if command == "export-events":  # a batch command: the file is listed as refused
        assert ran.code == 126, ran.err
        assert "refused" in ran.err and "bad.md" in ran.err
        return
    assert ran.code == 3, ran.err
    assert "bad.md" in ran.one_line_error()


def test_front_matter_bomb_does_not_stall_a_corpus_batch(tmp_path: Path, us: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "laughs.md", alias_bomb())
    write(folder / "ok.txt", us.read_text(encoding="utf-8"))
    ran = cli("corpus", "ingest", str(folder), "--db", str(tmp_path / "c.db"), ceiling_mb=400)
    assert ran.code == 1, ran.err  # some refused, the rest in
    assert "added 1" in ran.out and "laughs.md: the front matter uses YAML anchors" in ran.out
