"""Files: read regular files only, never past a limit; write through a temporary file.

Every file readouts reads on a user's word (accounts, lexicons, manifests) goes through
:func:`read_limited`: it opens the path without blocking (a named pipe with no writer
does not hang), refuses what is not a regular file (a device such as ``/dev/zero``, a
pipe, a socket, a folder, a loop of symbolic links) and reads at most ``limit + 1``
bytes, whatever the file system says its size is. ``-`` is standard input.

Every file readouts writes (reports, CSV, plots) goes through :func:`write_atomic`:
the bytes go to a temporary file in the same folder, which then replaces the target in
one step, so a full disk or a killed process never leaves a truncated report behind.
:func:`check_writable` tells before the work whether the write can succeed (the folder
exists and a file can be made in it). What the system refuses becomes a
:class:`~readouts.errors.SystemRefused` (exit 9) with a one-line message.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from .errors import (
    InputError,
    MissingFileError,
    NotAFileError,
    SystemRefused,
    TooLargeError,
)

__all__ = ["STDIN", "check_writable", "describe_mode", "read_limited", "write_atomic"]

#: The name that means standard input (for reading) or standard output (for writing).
STDIN = "-"

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_CHUNK = 1 << 20


def describe_mode(mode: int) -> str:
    """What kind of file a ``st_mode`` is, in words ("a named pipe (FIFO)")."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _open_error(exc: OSError, name: str, what: str) -> InputError:
    if exc.errno == errno.ENOENT:
        return MissingFileError(f"no such {what}", path=name, stage="ingest")
    if exc.errno == errno.ELOOP:
        return NotAFileError("a loop of symbolic links, not a file", path=name, stage="ingest")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError("permission denied: cannot read it", path=name, stage="ingest")
    if exc.errno == errno.ENXIO:
        return NotAFileError("a device or socket, not a file", path=name, stage="ingest")
    return InputError(f"cannot read it ({exc.strerror})", path=name, stage="ingest")


def _read_upto(stream: BinaryIO | int, limit: int) -> bytes:
    """At most ``limit`` bytes from a file descriptor or a binary stream."""
    parts: list[bytes] = []
    left = limit
    while left > 0:
        if isinstance(stream, int):
            chunk = os.read(stream, min(_CHUNK, left))
        else:
            chunk = stream.read(min(_CHUNK, left))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _too_large(name: str, size: int | None, limit: int) -> TooLargeError:
    said = f"the file is {size:,} bytes" if size is not None else "the file is larger"
    return TooLargeError(f"{said}; the limit is {limit:,}", path=name, stage="ingest")


def read_limited(
    path: str | Path, limit: int, *, what: str = "file", stdin: BinaryIO | None = None
) -> bytes:
    """The bytes of a regular file (or standard input for ``-``), at most ``limit``.

    Refuses (``NotAFileError``) devices, pipes, sockets, folders and link loops;
    ``TooLargeError`` when the file holds more than ``limit`` bytes, found by reading
    ``limit + 1`` at most, never by trusting the size the file system reports.
    """
    name = str(path)
    if name == STDIN:
        data = _read_upto(stdin or sys.stdin.buffer, limit + 1)
        if len(data) > limit:
            raise _too_large("standard input", None, limit)
        return data
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(name, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _open_error(exc, name, what) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = describe_mode(st.st_mode)
            raise NotAFileError(f"this is {kind}, not a regular {what}", path=name, stage="ingest")
        if st.st_size > limit:
            raise _too_large(name, st.st_size, limit)
        try:
            data = _read_upto(fd, limit + 1)
        except OSError as exc:
            raise _open_error(exc, name, what) from None
        if len(data) > limit:  # it grew while we read, or it says less than it holds
            raise _too_large(name, None, limit)
        return data
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- writing


def _refused(exc: OSError, name: str) -> SystemRefused:
    reason = exc.strerror or exc.__class__.__name__
    return SystemRefused(f"cannot write the file: {reason}", path=name, stage="output")


def _stat(target: Path, name: str) -> os.stat_result | None:
    """The target's status (through links), or None when there is no such file yet."""
    try:
        return target.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:  # a loop of links, a folder that is not one...
        raise _refused(exc, name) from None


def check_writable(path: str | Path) -> None:
    """Refuse before the work a destination the write would fail on: a folder that does
    not exist or is not one, a folder no file can be made in, a target that is a folder
    or that cannot be written. (A full disk only shows when writing.)"""
    name = str(path)
    if name == STDIN:
        return
    target = Path(name)
    st = _stat(target, name)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise SystemRefused("this is a folder; name a file", path=name, stage="output")
    if st is not None and not stat.S_ISREG(st.st_mode):
        if not os.access(name, os.W_OK):
            raise SystemRefused("permission denied", path=name, stage="output")
        return  # a device or a pipe is written in place
    folder = target.resolve().parent if st is not None else target.parent
    folder = folder if str(folder) else Path(".")
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        raise SystemRefused(f"the folder {folder} {what}", path=name, stage="output")
    try:  # can a file be made there (permissions, a read-only file system)?
        fd, probe = _temporary(folder, target.name)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise _refused(exc, name) from None
    if st is not None and not os.access(name, os.W_OK):
        raise SystemRefused("permission denied", path=name, stage="output")


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: through a temporary file in the
    same folder, renamed over the target. A device or pipe (``/dev/null``) is written
    in place; ``-`` is standard output. Text is written as UTF-8."""
    name = str(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if name == STDIN:
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
        return
    target = Path(name)
    st = _stat(target, name)
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise SystemRefused("this is a folder; name a file", path=name, stage="output")
        try:
            with open(name, "wb") as out:
                out.write(raw)
        except OSError as exc:
            raise _refused(exc, name) from None
        return
    real = target.resolve() if st is not None else target  # write through a symbolic link
    folder = real.parent if str(real.parent) else Path(".")
    try:
        fd, tmp = _temporary(folder, real.name)
    except OSError as exc:
        raise _refused(exc, name) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        if st is not None:  # a replaced file keeps its permissions
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _refused(exc, name) from None


def _temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file next to the target, made with the permissions a new file gets (the
    umask applies), open for writing: (descriptor, path)."""
    path = str(folder / f".{name[:100]}.{secrets.token_hex(6)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    return os.open(path, flags, 0o666), path
