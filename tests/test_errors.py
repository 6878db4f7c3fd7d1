import inspect

import pytest

from readouts import errors


def _classes():
    return [
        c
        for _, c in inspect.getmembers(errors, inspect.isclass)
        if issubclass(c, errors.ReadoutsError)
    ]


@pytest.mark.parametrize("cls", _classes())
def test_errors_every_class_is_documented_in_the_tree(cls):
    assert cls.__doc__, cls
    assert cls.__name__ in errors.__doc__


@pytest.mark.parametrize("cls", _classes())
def test_errors_exit_codes_are_not_the_usage_code(cls):
    assert cls.exit_code not in (0, 2)


def test_errors_message_names_the_path():
    err = errors.EmptyInputError("the file is empty", path="a.txt")
    assert str(err) == "a.txt: the file is empty"


def test_errors_lexicon_error_names_file_and_line():
    err = errors.LexiconError("bad column", path="mine.tsv", line=7)
    assert str(err) == "mine.tsv:7: bad column"
