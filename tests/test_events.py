"""Events: PLOVER-style records from claims, as JSON Lines and CSV; `readouts export-events`."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from readouts.cli import main
from readouts.corpus.export import export_events
from readouts.errors import ConfigError
from readouts.events import CSV_COLUMNS, QUADS, reading_events, render_events
from readouts.reading import read


@pytest.fixture()
def cn_events(cn_account, lexicon):
    return reading_events(read(cn_account, lexicon), lexicon)


def test_events_only_acts_with_a_plover_type(cn_account, lexicon, cn_events):
    reading = read(cn_account, lexicon)
    typed = [
        c for c in reading.claims if lexicon.acts.get(c.act) and lexicon.acts[c.act].plover != "-"
    ]
    assert len(cn_events) == len(typed) > 0
    for e in cn_events:
        assert e["event"][0] in QUADS
        assert e["quad_code"] == QUADS[e["event"][0]]


def test_events_record_fields(cn_account, cn_events):
    e = cn_events[0]
    for key in (
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "mode",
        "quad_code",
        "context",
        "text",
    ):
        assert key in e
    info = e["text_info"]
    assert info["source"] == cn_account.id
    assert cn_account.text[info["start"] : info["end"]] == e["text"]
    assert e["actor"][0]["code"] in ("CHN", "USA")


def test_events_actor_and_recipient_are_the_two_sides(cn_events):
    by_speaker = {e["actor"][0]["entity_text"]: e for e in cn_events if len(e["actor"]) == 1}
    wang = next(e for name, e in by_speaker.items() if "王毅" in name)
    assert wang["actor"][0]["code"] == "CHN"
    assert wang["recipient"] and wang["recipient"][0]["code"] == "USA"
    both = [e for e in cn_events if len(e["actor"]) == 2]
    assert both and all(e["recipient"] == [] for e in both)
    assert all({a["code"] for a in e["actor"]} == {"CHN", "USA"} for e in both)


def test_events_consult_mode_follows_the_meeting_format(cn_events):
    consult = [e for e in cn_events if e["event"] == ["CONSULT"]]
    assert consult and all(e["mode"] == ["phone"] for e in consult)


def test_events_topics_become_plover_contexts(cn_events):
    taiwan = [e for e in cn_events if "taiwan" in e["topics"]]
    assert taiwan and all("territory" in e["context"] for e in taiwan)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_events_render(cn_events, fmt):
    out = render_events(cn_events, fmt)
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert rows == cn_events
    else:
        rows = list(csv.DictReader(io.StringIO(out)))
        assert tuple(rows[0]) == CSV_COLUMNS
        assert len(rows) == len(cn_events)
        assert rows[0]["event"] == cn_events[0]["event"][0]


def test_events_unknown_format_is_a_config_error(cn_events):
    with pytest.raises(ConfigError):
        render_events(cn_events, "xml")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_events_cli_writes_every_file(fixtures, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    result = CliRunner().invoke(
        main,
        [
            "export-events",
            str(fixtures / "call_us.txt"),
            str(fixtures / "call_cn.txt"),
            "--format",
            fmt,
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "call_us" in text and "call_cn" in text
    assert "events from 2 account(s)" in result.stderr


def test_events_cli_lists_refused_files_and_codes_the_rest(fixtures, tmp_path):
    out = tmp_path / "events.jsonl"
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = CliRunner().invoke(
        main,
        [
            "export-events",
            str(fixtures / "call_us.txt"),
            str(tmp_path / "nope.txt"),
            str(binary),
            str(fixtures / "call_cn.txt"),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 1
    assert f"refused {tmp_path / 'nope.txt'}: no such file or folder" in result.stderr
    assert f"refused {binary}: this is a PNG image, not text" in result.stderr
    assert "from 2 account(s), 2 refused written to" in result.stderr
    ids = {json.loads(line)["text_info"]["source"] for line in out.read_text().splitlines()}
    assert ids == {"call_us", "call_cn"}


def test_events_cli_exits_126_when_every_file_is_refused(tmp_path):
    french = tmp_path / "fr.txt"
    french.write_text(
        "Le président a rencontré le ministre et ils ont discuté de la situation.",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["export-events", str(french)])
    assert result.exit_code == 126
    assert "the text looks French" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "text", ["Russia threatened Ukraine.", "Japan protested.", "Sanctions lifted."]
)
def test_events_cli_never_refuses_a_short_english_sentence(tmp_path, text):
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["export-events", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "refused" not in result.stderr


def test_events_export_reads_folders_and_json_lines_rows(tmp_path):
    rows = [
        {"id": "a", "text": "Latvia expelled three Belarusian diplomats."},
        {"id": "b", "text": "外交部发言人表示，中方坚决反对美方的错误做法。"},
        {"id": "c", "text": ""},
    ]
    (tmp_path / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
    )
    (tmp_path / "README.md").write_text("about this folder", encoding="utf-8")
    batch = export_events([tmp_path])
    assert [r["event"] for r in batch.records] == [["SANCTION"], ["REJECT"]]
    assert [r.item for r in batch.refused] == [f"{tmp_path / 'news.jsonl'}:3"]
    assert batch.ignored == [str(tmp_path / "README.md")]
    assert batch.total == 3


@pytest.mark.parametrize(
    "content,reason",
    [(None, "no such file or folder"), ("", "the file is empty"), ("   \n\n", "the file is empty")],
)
def test_events_cli_one_bad_file_is_refused_with_its_reason(tmp_path, content, reason):
    path = tmp_path / "account.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["export-events", str(path)])
    assert result.exit_code == 126
    assert result.stderr.splitlines() == [
        f"readouts: refused {path}: {reason}",
        "0 events from 0 account(s), 1 refused",
    ]


@pytest.mark.parametrize(
    "text,code",
    [
        ("Inmates rioted at a prison in Nepal's capital on Monday.", "NPL"),
        ("The police arrested forty protesters in Caracas.", "VEN"),
        ("数千名民众在东京街头游行。", "JPN"),
    ],
)
def test_events_an_unnamed_actor_of_a_material_event_takes_the_place(lexicon, text, code):
    from readouts.ingest import account_from_text

    (record,) = reading_events(read(account_from_text(text), lexicon), lexicon)
    assert record["actor"][0]["code"] == code


def test_events_talk_never_takes_its_source_from_the_place(lexicon):
    from readouts.ingest import account_from_text

    text = "Officials demanded an inquiry in Kenya."
    (record,) = reading_events(read(account_from_text(text), lexicon), lexicon)
    assert record["event"] == ["REQUEST"] and not any(a["code"] for a in record["actor"])
