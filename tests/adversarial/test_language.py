"""Items 7 and 13: a declared language is checked, and language errors name the account.

'language: fr' in front matter exited 5 and was stored by corpus ingest; 'language: zh'
on an English text gave one claim and a score of 0, through the API too; a language
error did not say which of the two files was at fault.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from harness import CN_TEXT, EN_LINE, US_TEXT, cli, write

from readouts.errors import LanguageError
from readouts.ingest import account_from_bytes, account_from_text

FRENCH = "Le président a rencontré le ministre et ils ont discuté de la situation.\n"


@pytest.mark.parametrize(
    "text, words",
    [
        ("---\nlanguage: fr\n---\n" + EN_LINE, "neither English"),
        ("---\nlanguage: zh\n---\n" + US_TEXT, "declared Chinese"),
        ("---\nlanguage: en\n---\n" + CN_TEXT, "declared English"),
        ("---\nlanguage: en\n---\n" + FRENCH, "French"),
    ],
    ids=["fr", "zh-on-english", "en-on-chinese", "en-on-french"],
)
def test_language_declared_is_checked(tmp_path: Path, us: Path, text: str, words: str) -> None:
    bad = write(tmp_path / "declared.md", text)
    ran = cli("compare", str(us), str(bad))
    assert ran.code == 4, ran.err
    line = ran.one_line_error()
    assert "declared.md" in line and words in line


@pytest.mark.parametrize("declared", ["en", "EN", "en-US", "English"])
def test_language_declared_and_right_is_kept(declared: str) -> None:
    account = account_from_text(US_TEXT, language=declared, source="a.txt")
    assert account.language == "en"


def test_language_declared_on_a_short_text_stands() -> None:
    assert account_from_text("Talks.", language="en").language == "en"
    assert account_from_text("会谈。", language="zh").language == "zh"


def test_language_error_names_the_file_at_fault(tmp_path: Path, us: Path) -> None:
    french = write(tmp_path / "french.txt", FRENCH)
    ran = cli("compare", str(us), str(french))
    assert ran.code == 4
    line = ran.one_line_error()
    assert "french.txt" in line and "us.txt" not in line
    with pytest.raises(LanguageError) as err:
        account_from_bytes(FRENCH.encode(), name="upload.txt", id="u")
    assert err.value.path == "upload.txt"


def test_language_corpus_ingest_refuses_a_false_declaration(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "fr.md", "---\nlanguage: fr\n---\n" + EN_LINE)
    write(folder / "zh.md", "---\nlanguage: zh\n---\n" + US_TEXT)
    row = {"text": US_TEXT.split("\n")[0], "language": "zh"}
    write(folder / "rows.jsonl", json.dumps(row) + "\n")
    write(folder / "ok.txt", US_TEXT)
    ran = cli("corpus", "ingest", str(folder), "--db", str(tmp_path / "c.db"))
    assert ran.code == 1, ran.err
    assert "added 1," in ran.out and "refused 3" in ran.out
