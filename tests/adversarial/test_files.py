"""Items 2, 5, 6 and 20: what is not a regular file, and outputs that cannot be written.

Devices and pipes have a size of 0, so the 5 MB check let /dev/zero be read until
memory ran out and a FIFO hang forever; a loop of links was an internal error and
aborted a corpus batch; an output that could not be written failed after all the work,
as an internal error, and a full disk left a truncated file.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from harness import CN_TEXT, US_TEXT, cli, read_only_view, write

from readouts.errors import NotAFileError, SystemRefused, TooLargeError
from readouts.files import check_writable, read_limited, write_atomic


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "la").symlink_to(tmp_path / "lb")
    (tmp_path / "lb").symlink_to(tmp_path / "la")
    return tmp_path / "la"


SPECIALS = {
    "/dev/zero": (lambda tmp: Path("/dev/zero"), "character device"),
    "a FIFO": (lambda tmp: _fifo(tmp / "p.txt"), "named pipe"),
    "a link to /dev/zero": (
        lambda tmp: (tmp / "z.txt").symlink_to("/dev/zero") or tmp / "z.txt",
        "character device",
    ),
    "a loop of links": (_loop, "loop of symbolic links"),
}


@pytest.mark.parametrize("case", sorted(SPECIALS))
def test_files_special_account_is_refused(tmp_path: Path, us: Path, case: str) -> None:
    make, words = SPECIALS[case]
    target = make(tmp_path)
    ran = cli("compare", str(us), str(target), limit_s=10, ceiling_mb=300)
    assert ran.code == 3, ran.err
    assert words in ran.one_line_error()


@pytest.mark.parametrize("case", sorted(SPECIALS))
def test_files_special_lexicon_is_refused(tmp_path: Path, us: Path, case: str) -> None:
    make, words = SPECIALS[case]
    ran = cli("read", str(us), "--lexicon", str(make(tmp_path)), limit_s=10, ceiling_mb=300)
    assert ran.code == 5, ran.err  # a lexicon problem: exit 5, naming the file
    assert words in ran.one_line_error()


def test_files_specials_in_an_ingested_folder_are_refused_one_by_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "us.txt", US_TEXT)
    write(folder / "cn.txt", CN_TEXT)
    _fifo(folder / "fifo.txt")
    _fifo(folder / "rows.jsonl")
    (folder / "zero.txt").symlink_to("/dev/zero")
    _loop(folder)
    ran = cli("corpus", "ingest", str(folder), "--db", str(tmp_path / "c.db"))
    assert ran.code == 1, ran.err  # some refused, the rest added
    assert "added 2" in ran.out
    for name, words in (
        ("fifo.txt", "named pipe"),
        ("rows.jsonl", "named pipe"),
        ("zero.txt", "character device"),
        ("la", "loop of symbolic links"),
    ):
        assert f"{name}: this is" in ran.out or f"{name}: a loop" in ran.out, name
        assert words in ran.out


def test_files_never_read_past_the_limit(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", b"a" * 1001)
    with pytest.raises(TooLargeError):
        read_limited(big, 1000)
    assert read_limited(write(tmp_path / "ok.txt", b"a" * 1000), 1000) == b"a" * 1000
    with pytest.raises(NotAFileError, match="folder"):
        read_limited(tmp_path, 1000)


def test_files_stdin_is_an_account(us: Path) -> None:
    ran = cli("compare", "-", str(us), "--format", "json", stdin=CN_TEXT.encode())
    assert ran.code == 0, ran.err
    ids = [a["account"]["id"] for a in json.loads(ran.out)["accounts"]]
    assert ids == ["stdin", "us"]
    twice = cli("compare", "-", "-", stdin=b"x")
    assert twice.code == 3 and "standard input" in twice.one_line_error()


def test_files_stdin_over_the_limit_is_refused(us: Path) -> None:
    ran = cli("read", "-", stdin=b"a " * 2_600_000)
    assert ran.code == 3 and "limit" in ran.one_line_error()


# --------------------------------------------------------------------------- outputs

OUTPUTS = {
    "a missing folder": (lambda tmp: tmp / "nodir" / "out.json", "does not exist"),
    "/dev/full": (lambda tmp: Path("/dev/full"), "No space left"),
    "a folder": (lambda tmp: tmp, "directory"),
}


@pytest.mark.parametrize("case", sorted(OUTPUTS))
def test_files_unwritable_output_is_refused_before_the_work(
    tmp_path: Path, us: Path, cn: Path, case: str
) -> None:
    make, words = OUTPUTS[case]
    ran = cli("compare", str(us), str(cn), "--format", "json", "-o", str(make(tmp_path)))
    assert ran.code == (2 if case == "a folder" else 9), ran.err  # a folder: click's usage
    assert words in ran.err


def test_files_read_only_folder_is_refused_before_the_work(
    tmp_path: Path, us: Path, cn: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with read_only_view(out) as ro:
        ran = cli("compare", str(us), str(cn), "--format", "json", "-o", str(ro / "r.json"))
        assert ran.code == 9, ran.err
        assert "Read-only file system" in ran.err or "ermission denied" in ran.err
        ran = cli("brief", str(us), str(cn), "-o", str(ro / "b.md"))
        assert ran.code == 9, ran.err


def test_files_full_disk_leaves_the_old_file_whole(tmp_path: Path, monkeypatch) -> None:
    target = write(tmp_path / "r.json", '{"old": true}')

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SystemRefused, match="No space left"):
        write_atomic(target, "{" + '"x": 1, ' * 1000)
    assert json.loads(target.read_text()) == {"old": True}
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary file left


def test_files_atomic_write_keeps_permissions_and_goes_through_links(tmp_path: Path) -> None:
    real = write(tmp_path / "real.md", "old")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert real.stat().st_mode & 0o777 == 0o640
    check_writable(tmp_path / "fresh.md")
    with pytest.raises(SystemRefused, match="does not exist"):
        check_writable(tmp_path / "no" / "fresh.md")
