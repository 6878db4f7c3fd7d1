import json

import pytest

from readouts import compare
from readouts.errors import ConfigError
from readouts.report import FORMATS, render
from readouts.report.common import possessive, side_by_side
from readouts.report.terminal import width, wrap


@pytest.fixture()
def comparison(us_account, cn_account, fake_embedder):
    return compare(us_account, cn_account, embedder=fake_embedder)


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_every_format_renders(comparison, fmt):
    out = render(comparison, fmt)
    assert out.strip()


def test_report_json_is_the_documented_schema(comparison):
    data = json.loads(render(comparison, "json"))
    assert data["schema_version"] == "2"
    claim = data["accounts"][0]["claims"][0]
    text = data["accounts"][0]["account"]["text"]
    assert text[claim["start"] : claim["end"]] == claim["text"]
    assert {r["label"] for r in data["relations"]} <= {"shared", "one-sided", "conflict"}


def test_report_terminal_lines_fit_the_width(comparison):
    out = render(comparison, "terminal", columns=90)
    assert all(width(line) <= 90 for line in out.splitlines())
    assert "MEETING OF MINDS" in out


def test_report_side_by_side_keeps_every_claim_once(comparison):
    rows = side_by_side(comparison)
    ids = [c.id for row in rows for c in (row.a, row.b) if c is not None]
    all_ids = [c.id for r in comparison.readings for c in r.claims]
    assert sorted(ids) == sorted(all_ids)


@pytest.mark.parametrize(
    "text,columns",
    [("双方同意继续保持沟通，提升对话质量，推进务实合作。", 10), ("a b c d e f g h", 5)],
)
def test_report_wrap_respects_wide_characters(text, columns):
    assert all(width(line) <= columns for line in wrap(text, columns))


def test_report_unknown_format(comparison):
    with pytest.raises(ConfigError):
        render(comparison, "pdf")


@pytest.mark.parametrize(
    "name,expected", [("China", "China's"), ("United States", "the United States'")]
)
def test_report_possessive(name, expected):
    assert possessive(name) == expected
