"""Every error readouts raises on purpose, in one tree.

The command line turns each of them into a one-line message and the exit code
shown here; the library raises them and never returns ``None`` in their place.

::

    ReadoutsError                 base; carries the path and stage it happened in   exit 1
    ├── InputError                input the user gave cannot be used                  exit 3
    │   ├── MissingFileError      no file at that path
    │   ├── EmptyInputError       the file or text holds no words
    │   ├── BinaryInputError      the bytes are not text (images, archives, ...)
    │   ├── DecodeError           text in an encoding we cannot identify
    │   ├── TooLargeError         over the documented size limit
    │   ├── NotAFileError         a device, pipe, socket, folder or link loop, not a file
    │   ├── DuplicateInputError   the same account given twice
    │   ├── FormatError           a Markdown, HTML, PDF or JSON file we cannot parse
    │   ├── GoldFormatError       a gold file that does not follow eval/FORMAT.md
    │   └── FetchError            an http(s) address that cannot be fetched
    ├── LanguageError             a language other than English or Chinese            exit 4
    ├── LexiconError              a lexicon or user lexicon file is malformed         exit 5
    ├── ConfigError               an option or settings value is invalid              exit 5
    ├── ModelUnavailable          the sentence encoder cannot be loaded               exit 6
    ├── StorageError              the corpus database cannot be read or written       exit 7
    │   └── BusyError             another ``corpus analyze`` works on the same database
    ├── GateFailed                an evaluation figure fell below its pinned floor    exit 8
    │   └── BriefUnverified       a brief's quotations or references do not resolve
    └── SystemRefused             the system refused: an output file cannot be        exit 9
                                  written (no folder, permission, disk full), a port
                                  is in use

Exit code 2 is left to the command-line parser (unknown option, missing argument, a
wrong number of accounts). Every error survives pickling with its path and stage, so a
worker process can raise it and the process that waits for it raise it again.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "BriefUnverified",
    "BusyError",
    "ConfigError",
    "DecodeError",
    "DuplicateInputError",
    "EmptyInputError",
    "FetchError",
    "FormatError",
    "GateFailed",
    "GoldFormatError",
    "InputError",
    "LanguageError",
    "LexiconError",
    "MissingFileError",
    "ModelUnavailable",
    "NotAFileError",
    "ReadoutsError",
    "StorageError",
    "SystemRefused",
    "TooLargeError",
]


class ReadoutsError(Exception):
    """Base of every deliberate readouts error."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, stage: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.stage = stage

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt from its fields, whatever the subclass's __init__ takes
        return (_rebuild, (type(self), dict(self.__dict__)))


def _rebuild(cls: type[ReadoutsError], state: dict[str, object]) -> ReadoutsError:
    err = cls.__new__(cls)
    Exception.__init__(err, state.get("message", ""))
    err.__dict__.update(state)
    return err


class InputError(ReadoutsError):
    """Input the user gave cannot be used."""

    exit_code = 3


class MissingFileError(InputError):
    """No file at that path."""


class EmptyInputError(InputError):
    """The file or text holds no words."""


class BinaryInputError(InputError):
    """The bytes are not text."""


class DecodeError(InputError):
    """Text in an encoding we cannot identify."""


class TooLargeError(InputError):
    """Input over the documented size limit."""


class NotAFileError(InputError):
    """A device, pipe, socket, folder or loop of links where a regular file was expected."""


class DuplicateInputError(InputError):
    """The same account given twice."""


class FormatError(InputError):
    """A Markdown, HTML, PDF or JSON file that cannot be parsed."""


class GoldFormatError(InputError):
    """A gold file that does not follow eval/FORMAT.md."""


class FetchError(InputError):
    """An http(s) address that cannot be fetched: unreachable, an error status, too
    large, too slow, or not a page of text."""


class LanguageError(ReadoutsError):
    """A language other than English or Chinese."""

    exit_code = 4


class LexiconError(ReadoutsError):
    """A lexicon file is malformed; the message names file and line."""

    exit_code = 5

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message, path=path, stage="lexicon")
        self.line = line

    def __str__(self) -> str:
        where = self.path or "lexicon"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class ConfigError(ReadoutsError):
    """An option or settings value is invalid."""

    exit_code = 5


class ModelUnavailable(ReadoutsError):
    """The sentence encoder cannot be loaded."""

    exit_code = 6


class StorageError(ReadoutsError):
    """The corpus database cannot be read or written."""

    exit_code = 7


class BusyError(StorageError):
    """Another process holds the database for the same work (a second ``corpus analyze``)."""


class GateFailed(ReadoutsError):
    """An evaluation figure fell below its pinned floor."""

    exit_code = 8


class BriefUnverified(GateFailed):
    """A brief whose quotations or references do not resolve against its accounts."""


class SystemRefused(ReadoutsError):
    """The operating system refused: a file cannot be written, a port is in use."""

    exit_code = 9
