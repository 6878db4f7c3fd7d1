import json

import pytest

from readouts import compare, compare_sides, drift
from readouts.errors import ConfigError
from readouts.report import FORMATS, render
from readouts.report.common import conflict_pairs, possessive, side_by_side
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


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_two_sides_of_one_account_each_render_as_the_pair(
    us_account, cn_account, fake_embedder, fmt
):
    """Two sides of one account each are two accounts compared: one report (#14)."""
    result = compare_sides({"us": [us_account], "china": [cn_account]}, embedder=fake_embedder)
    assert result.pair is result.comparisons[0]
    assert render(result, fmt) == render(result.pair, fmt)


def test_report_a_side_with_versions_is_no_pair(fixtures, us_account, fake_embedder):
    sides = {"us": [us_account], "china": [fixtures / "call_cn.txt", fixtures / "call_cn_hant.txt"]}
    result = compare_sides(sides, embedder=fake_embedder)
    assert result.pair is None
    assert render(result, "terminal", columns=100).startswith("readouts: us (call_us en); china")


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_every_format_renders_a_drift(fixtures, fake_embedder, fmt):
    versions = (fixtures / "call_cn.txt", fixtures / "drift" / "call_cn_en.txt")
    out = render(drift(*versions, embedder=fake_embedder), fmt)
    assert "call_cn_en" in out
    assert ("version" in out.lower()) or fmt == "json"


def test_report_unknown_format(comparison):
    with pytest.raises(ConfigError):
        render(comparison, "pdf")


@pytest.mark.parametrize(
    "name,expected", [("China", "China's"), ("United States", "the United States'")]
)
def test_report_possessive(name, expected):
    assert possessive(name) == expected


@pytest.fixture()
def two_meetings(fake_embedder):
    """Two White House readouts of different meetings (issue 12): both US, months apart."""
    from readouts.ingest import account_from_text

    a = account_from_text(
        "President Biden met with Prime Minister Kishida of Japan. They discussed trade.",
        id="jan",
        party="united_states",
        date="2022-01-21",
        language="en",
    )
    b = account_from_text(
        "President Biden met with Prime Minister Kishida of Japan in Tokyo. They discussed "
        "security in the Indo-Pacific.",
        id="may",
        party="united_states",
        date="2022-05-23",
        language="en",
    )
    return compare(a, b, embedder=fake_embedder)


_WARNING_MARK = {
    "terminal": "WARNING (different-meetings)",
    "markdown": "**Warning (different-meetings):**",
    "html": 'data-code="different-meetings"',
}
_SCORE_MARK = {
    "terminal": "MEETING OF MINDS",
    "markdown": "**Meeting of minds",
    "html": "score-title",
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_warnings_come_first_and_the_score_is_not_a_verdict(two_meetings, fmt):
    out = render(two_meetings, fmt)
    assert [w.code for w in two_meetings.warnings] == ["different-meetings", "same-side"]
    if fmt == "json":
        data = json.loads(out)
        assert list(data)[:4] == ["schema_version", "method", "warnings", "comparable"]
        assert data["comparable"] is False and data["warnings"][0]["message"]
        return
    assert 0 < out.find(_WARNING_MARK[fmt]) < out.find(_SCORE_MARK[fmt])
    assert two_meetings.score.verdict not in out
    assert "not comparable" in out.lower()


def test_report_no_warning_block_on_a_true_pair(comparison):
    assert comparison.warnings == () and comparison.comparable
    for fmt in ("terminal", "markdown", "html"):
        assert "Warning" not in render(comparison, fmt).replace("warnings {", "")


def test_report_each_conflict_once_with_both_sides_words(comparison):
    pairs = conflict_pairs(comparison)
    assert pairs
    md = render(comparison, "markdown")
    section = md.split("## Where they clash (conflict)")[1].split("\n## ")[0]
    rb = comparison.readings[1]
    for ca, cb in pairs:
        assert section.count(f"`{ca.id}`") == 1 and section.count(f"`{cb.id}`") == 1
        assert rb.account.text[cb.start : cb.end].strip()[:10] in section
    reason = next(r for r in comparison.score.reasons if "between the accounts" in r)
    assert reason.startswith(f"{len(pairs)} conflict")


def test_report_markdown_shows_the_counterparts_words(comparison):
    md = render(comparison, "markdown")
    shared = md.split("## Both report (shared)")[1].split("\n## ")[0]
    ra, rb = comparison.readings
    for claim in ra.claims:
        rel = comparison.relations[claim.id]
        if rel.label != "shared":
            continue
        for p in rel.partners:
            other = next(c for c in rb.claims if c.id == p)
            assert "↔ `" + p + "`" in shared
            assert rb.account.text[other.start : other.end].strip()[:8] in shared


def test_report_terminal_names_the_counterparts(comparison):
    out = render(comparison, "terminal", columns=160)
    ra, _ = comparison.readings
    linked = next(c for c in ra.claims if comparison.relations[c.id].label == "shared")
    short = linked.id.split(":")[-1]
    partner = comparison.relations[linked.id].partners[0].split(":")[-1]
    assert f"[{short}]" in out and f"↔ {partner}" in out
