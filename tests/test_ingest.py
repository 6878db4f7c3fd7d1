import pytest

from pdfs import text_pdf
from readouts.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    FormatError,
    LanguageError,
    MissingFileError,
    TooLargeError,
)
from readouts.ingest import MAX_BYTES, account_from_bytes, account_from_text, read_account


def test_ingest_plain_text_is_kept_exactly(fixtures):
    path = fixtures / "call_us.txt"
    account = read_account(path)
    assert account.text == path.read_text(encoding="utf-8")
    assert account.language == "en"
    assert account.id == "call_us"


def test_ingest_markdown_front_matter_becomes_metadata(fixtures):
    account = read_account(fixtures / "statement.md")
    assert account.date == "2024-05-02"
    assert account.title == "Readout of an Example Call"  # YAML reads "\\_" as a no-break space
    assert account.source.startswith("https://www.whitehouse.gov/")
    assert "\\" not in account.text and "###" not in account.text
    assert "[regional" not in account.text and "regional security" in account.text
    assert "freedom of navigation_and" in account.text  # an escaped underscore is a character
    assert account.text.count("\n\n") == 1  # two paragraphs, wrapped lines joined


def test_ingest_html_keeps_the_article_and_drops_the_page(fixtures):
    account = read_account(fixtures / "page.html")
    assert "exchanged views on bilateral relations" in account.text
    assert "tracking" not in account.text and "Copyright" not in account.text


def test_ingest_pdf_text_layer(tmp_path):
    path = tmp_path / "readout.pdf"
    path.write_bytes(text_pdf("The two ministers discussed trade and agreed to meet again."))
    account = read_account(path)
    assert "discussed trade" in account.text


def test_ingest_broken_pdf_is_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    with pytest.raises((FormatError, EmptyInputError)):
        read_account(path)


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_ingest_detects_chinese_legacy_encodings(tmp_path, fixtures, encoding):
    source = "call_cn_hant.txt" if encoding == "big5" else "call_cn.txt"
    text = (fixtures / source).read_text(encoding="utf-8")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    account = read_account(path)
    assert account.text == text
    assert account.language == "zh"


@pytest.mark.parametrize(
    "data,error",
    [
        (b"", EmptyInputError),
        (b"   \n\n  ", EmptyInputError),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInputError),
        (b"PK\x03\x04 zip archive", BinaryInputError),
        (b"some text\x00with nul bytes", BinaryInputError),
        (bytes(range(128, 256)) * 20, DecodeError),
    ],
)
def test_ingest_bad_bytes_are_refused(tmp_path, data, error):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error):
        read_account(path)


def test_ingest_missing_file(tmp_path):
    with pytest.raises(MissingFileError, match="no such file"):
        read_account(tmp_path / "nope.txt")


def test_ingest_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(TooLargeError, match="limit"):
        read_account(path)


def test_ingest_unsupported_language(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le président a rencontré le ministre et ils ont discuté de la situation.", encoding="utf-8"
    )
    with pytest.raises(LanguageError):
        read_account(path)


def test_ingest_bad_front_matter(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("---\ntitle: [unclosed\n---\nThe two sides met and talked.\n", encoding="utf-8")
    with pytest.raises(FormatError, match="front matter"):
        read_account(path)


def test_ingest_bytes_from_an_upload():
    account = account_from_bytes(
        b"The two sides met and agreed to talk again.", name="upload.txt", id="u1"
    )
    assert account.id == "u1" and account.language == "en"


def test_ingest_language_error_names_the_file(tmp_path):
    from readouts.errors import LanguageError

    path = tmp_path / "us.md"
    path.write_text(
        "---\nlanguage: zh\n---\nThe President met the Foreign Minister and discussed trade.\n",
        encoding="utf-8",
    )
    with pytest.raises(LanguageError) as info:
        read_account(path)
    assert info.value.exit_code == 4
    assert "us.md" in str(info.value) and "reads as English" in str(info.value)


def test_ingest_reads_bcp47_tag_in_front_matter(tmp_path):
    path = tmp_path / "cn.md"
    body = "雙方就地區局勢交換了意見，同意保持溝通。"
    path.write_text(f"---\nlanguage: zh-Hant\n---\n{body}\n", encoding="utf-8")
    acc = read_account(path)
    assert (acc.language, acc.script) == ("zh", "Hant")


@pytest.mark.parametrize(
    "text",
    [
        "Russia threatened Ukraine.",
        "Japan protested.",
        "Mali expelled the observers from Bamako.",
        "Sanctions lifted.",
        "Hamas rejected the proposal.",
    ],
)
def test_ingest_short_plain_english_is_read_as_english(text):
    assert account_from_text(text).language == "en"


@pytest.mark.parametrize(
    "text", ["Merci beaucoup Paris.", "Xi Jinping Wang Yi Li Qiang.", "Danke schön."]
)
def test_ingest_short_text_without_english_words_is_still_refused(text):
    with pytest.raises(LanguageError):
        account_from_text(text)


def test_ingest_declared_english_stands_when_the_detector_cannot_place_the_text():
    account = account_from_text("First paragraph here. Second sentence.", language="en")
    assert account.language == "en"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia threatened Ukraine.", True),
        ("The Palestinians rejected proposed Israeli changes.", True),
        ("Los presidentes discutieron.", False),
        (" ".join(["threatened"] * 61), False),  # long texts are left to the detector
    ],
)
def test_ingest_looks_english(text, expected):
    from readouts.ingest import looks_english

    assert looks_english(text) is expected
