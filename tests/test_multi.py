import json

import pytest
from click.testing import CliRunner

import readouts
from readouts.cli import main
from readouts.errors import ConfigError, DuplicateInputError, FormatError, MissingFileError
from readouts.ingest import account_from_text
from readouts.lexicon import load_lexicon
from readouts.multi import (
    compare_sides,
    load_manifest,
    merge_label,
    sides_from_front_matter,
)
from readouts.report import render

NATO_CHINA = "2021-09-27_nato-china_stoltenberg-wangyi_video.json"


@pytest.fixture(scope="module")
def three_sides(fixtures, use_embedder):
    return compare_sides(
        {
            "us": [fixtures / "call_us.txt"],
            "china": [fixtures / "call_cn.txt", fixtures / "drift" / "call_cn_en.txt"],
            "outlet": [fixtures / "drift" / "call_outlet.txt"],
        },
        embedder=use_embedder,
    )


@pytest.fixture(scope="module")
def dev_sides(shared_dir, use_embedder):
    sides = load_manifest(shared_dir / "eval" / "dev" / NATO_CHINA)
    return sides, compare_sides(sides, embedder=use_embedder)


def _merged_from_pairwise(result, pairwise):
    """What each point's labels should be, from independent pairwise comparisons."""
    relations = {}
    for comp in pairwise:
        ids = tuple(r.account.id for r in comp.readings)
        for cid, rel in comp.relations.items():
            relations[(ids, cid)] = rel.label
    expected = {}
    for p in result.points:
        for other, other_ids in result.sides.items():
            if other == p.side:
                continue
            labels = [
                label
                for (ids, cid), label in relations.items()
                if any(o in ids for o in other_ids)
                and any(cid in cids for cids in p.claims.values())
            ]
            expected[(p.id, other)] = merge_label(labels)
    return expected


@pytest.mark.parametrize(
    ("labels", "merged"),
    [
        (["one-sided", "shared"], "shared"),
        (["conflict", "one-sided"], "conflict"),
        (["shared", "conflict"], "shared"),
        (["one-sided"], "one-sided"),
        ([], "one-sided"),
    ],
)
def test_multi_merge_label(labels, merged):
    assert merge_label(labels) == merged


def test_multi_dev_set_equals_the_pairwise_runs_merged(dev_sides, use_embedder):
    """nato against cn and cn_zh at once: the same per-side points as two pairwise runs."""
    sides, result = dev_sides
    assert [len(v) for v in sides.values()] == [1, 2]
    nato = sides["nato"][0]
    pairwise = [readouts.compare(nato, other, embedder=use_embedder) for other in sides["cn"]]

    # the same accounts, claims and scores as the pairwise runs
    claims = {c.id for comp in pairwise for r in comp.readings for c in r.claims}
    in_points = [c for p in result.points for cids in p.claims.values() for c in cids]
    assert sorted(in_points) == sorted(claims)  # every claim in exactly one point
    assert sorted(c.score.value for c in result.comparisons) == sorted(
        c.score.value for c in pairwise
    )
    # nato has one version: one point per claim
    assert len(result.points_of("nato")) == len(pairwise[0].readings[0].claims)
    # the merged labels are the pairwise labels merged: shared if either run shares it
    expected = _merged_from_pairwise(result, pairwise)
    got = {(p.id, other): label for p in result.points for other, label in p.labels.items()}
    assert got == expected
    # the two versions of cn are one set of points: nearly every point is in both
    cn_points = result.points_of("cn")
    both = [p for p in cn_points if len(p.claims) == 2]
    assert len(both) >= 0.9 * len(cn_points)
    assert result.drift[0].items == ()


def test_multi_dev_set_groups_the_gold_points_of_both_versions(shared_dir, dev_sides):
    from readouts.evaluation import load_gold

    gold = load_gold(shared_dir / "eval" / "dev" / NATO_CHINA)
    _, result = dev_sides
    stem = {aid: acc.path.stem for aid, acc in gold.accounts.items()}
    point_of = {c: p.id for p in result.points for cids in p.claims.values() for c in cids}

    def covering(account: str, span: tuple[int, int]) -> set[str]:
        reading = result.readings[stem[account]]
        s, e = span
        return {
            point_of[c.id]
            for c in reading.claims
            if min(e, c.end) - max(s, c.start) >= 0.5 * (e - s)
        }

    pairs = [pt for pt in gold.points if "cn" in pt.spans and "cn_zh" in pt.spans]
    together = 0
    for pt in pairs:
        en = set().union(*(covering("cn", s) for s in pt.spans["cn"]))
        zh = set().union(*(covering("cn_zh", s) for s in pt.spans["cn_zh"]))
        together += bool(en & zh)
    assert together >= 0.9 * len(pairs)


def test_multi_two_versions_per_side_merge_like_pairwise(fixtures, three_sides, use_embedder):
    result = three_sides
    pairwise = [
        readouts.compare(a, b, embedder=use_embedder)
        for a, b in [
            (fixtures / "call_us.txt", fixtures / "call_cn.txt"),
            (fixtures / "call_us.txt", fixtures / "drift" / "call_cn_en.txt"),
            (fixtures / "call_us.txt", fixtures / "drift" / "call_outlet.txt"),
            (fixtures / "call_cn.txt", fixtures / "drift" / "call_outlet.txt"),
            (fixtures / "drift" / "call_cn_en.txt", fixtures / "drift" / "call_outlet.txt"),
        ]
    ]
    got = {(p.id, other): label for p in result.points for other, label in p.labels.items()}
    assert got == _merged_from_pairwise(result, pairwise)
    assert all(len(p.claims) == 2 for p in result.points_of("china"))


def test_multi_matrix_shows_which_sides_carry_each_point(three_sides):
    rows = {r.text: r for r in three_sides.rows}
    assert list(three_sides.sides) == ["us", "china", "outlet"]
    for row in three_sides.rows:
        assert set(row.cells) == {"us", "china", "outlet"}
        for side, label in row.cells.items():
            assert bool(label) == bool(row.points[side])
    drugs = rows["The Secretary welcomed the resumption of counternarcotics cooperation"]
    # the US and Chinese accounts both carry it; whether the news outlet's paraphrase is
    # linked too is the fitted model's call (measured by the eval gates, not here)
    assert drugs.cells["us"] == "shared" and drugs.cells["china"] == "shared"
    climate = next(r for t, r in rows.items() if "climate change" in t)
    assert climate.cells == {"us": "one-sided", "china": "", "outlet": ""}
    trade = next(r for t, r in rows.items() if "Neither side mentioned trade" in t)
    assert trade.cells["us"] == "" and trade.cells["outlet"] != ""
    # every point is shown in some row
    shown = {p for r in three_sides.rows for ps in r.points.values() for p in ps}
    assert shown == {p.id for p in three_sides.points}


def test_multi_side_pairs_count_points(three_sides):
    pairs = three_sides.side_pairs()
    assert [p["sides"] for p in pairs] == [["us", "china"], ["us", "outlet"], ["china", "outlet"]]
    us_china = pairs[0]
    assert len(us_china["scores"]) == 2
    assert sum(us_china["points"]["china"].values()) == len(three_sides.points_of("china"))


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "html"])
def test_multi_render_every_format(three_sides, fmt):
    text = render(three_sides, fmt, **({"columns": 120} if fmt == "terminal" else {}))
    if fmt == "json":
        data = json.loads(text)
        assert data["kind"] == "sides"
        assert data["matrix"]["sides"] == ["us", "china", "outlet"]
        assert len(data["matrix"]["rows"]) == len(three_sides.rows)
        assert data["drift"][0]["a"] == "call_cn" and data["drift"][0]["items"] == []
        assert {p["side"] for p in data["points"]} == {"us", "china", "outlet"}
    elif fmt == "html":
        assert text.startswith("<!doctype html>")
        assert '<table class="matrix">' in text and "Version drift" in text
        assert "<script" not in text
    else:
        assert "counternarcotics" in text and "outlet" in text


def test_multi_html_topics_take_the_lexicons_labels(fixtures, tmp_path, fake_embedder):
    """The topic chart of several sides shows the labels of the lexicon they were
    compared with, not the built-in ones (#14)."""
    lex = tmp_path / "mine.tsv"
    lex.write_text(
        "# version: 1\nid\tcap\tgeneric\tlabel_en\tlabel_zh\tterms_en\tterms_zh\tsource\n"
        "climate\t7\t0\tWeather diplomacy\t天气外交\tclimate*\t气候\t-\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon([lex])
    sides = {
        "us": [fixtures / "call_us.txt"],
        "china": [fixtures / "call_cn.txt"],
        "outlet": [fixtures / "drift" / "call_outlet.txt"],
    }
    result = compare_sides(sides, lexicon=lexicon, embedder=fake_embedder)
    page = render(result, "html", lexicon=lexicon)
    assert "Weather diplomacy" in page
    assert "Climate change" not in page


def test_multi_html_escapes_account_text_and_lists_drift(use_embedder):
    en = account_from_text(
        "The two sides met in Geneva. <script>alert(1)</script> They agreed to meet again in 2025.",
        id="side_a_en",
    )
    zh = account_from_text("双方在日内瓦会晤。双方同意于2026年再次会晤。", id="side_a_zh")
    other = account_from_text(
        "The leaders spoke in Geneva and agreed to meet again next year.", id="side_b"
    )
    result = compare_sides({"a": [en, zh], "b": [other]}, embedder=use_embedder)
    page = render(result, "html")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "number" in page and "<mark>2025</mark>" in page and "<mark>2026</mark>" in page


def test_multi_accounts_as_accounts_and_ids_made_unique(fake_embedder):
    a = account_from_text("The two sides discussed trade and agreed to meet.", id="x")
    b = account_from_text("The leaders discussed climate change at length.", id="x")
    result = compare_sides({"a": [a], "b": [b]}, embedder=fake_embedder)
    assert result.sides == {"a": ("x",), "b": ("x_2",)}
    assert result.readings["x"].account.side == "a"


@pytest.mark.parametrize(
    ("sides", "error"),
    [
        ({"only": ["a.txt"]}, ConfigError),
        ({"a": [], "b": ["b.txt"]}, ConfigError),
    ],
)
def test_multi_refuses_bad_sides(fake_embedder, sides, error):
    with pytest.raises(error):
        compare_sides(sides, embedder=fake_embedder)


def test_multi_refuses_the_same_file_twice(fixtures, fake_embedder):
    path = fixtures / "call_us.txt"
    with pytest.raises(DuplicateInputError):
        compare_sides({"a": [path], "b": [path]}, embedder=fake_embedder)


def test_multi_refuses_the_same_text_twice(fake_embedder):
    a = account_from_text("The two sides discussed trade.", id="a")
    b = account_from_text("The two sides discussed trade.", id="b")
    with pytest.raises(DuplicateInputError):
        compare_sides({"x": [a], "y": [b]}, embedder=fake_embedder)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sides.json", '{"nato": ["n_en.txt", "n_zh.txt"], "china": "c.txt"}'),
        ("sides.yaml", "nato:\n  - n_en.txt\n  - n_zh.txt\nchina: c.txt\n"),
        (
            "gold.json",
            '{"accounts": [{"side": "nato", "file": "n_en.txt"}, {"side": "nato", "file": '
            '"n_zh.txt"}, {"side": "china", "file": "c.txt"}]}',
        ),
    ],
)
def test_multi_load_manifest(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert load_manifest(path) == {
        "nato": [str(tmp_path / "n_en.txt"), str(tmp_path / "n_zh.txt")],
        "china": [str(tmp_path / "c.txt")],
    }


@pytest.mark.parametrize("content", ["[1, 2]", '{"nato": [1]}', "{not json", "{}"])
def test_multi_load_manifest_bad_file(tmp_path, content):
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError):
        load_manifest(path)


def test_multi_load_manifest_missing(tmp_path):
    with pytest.raises(MissingFileError):
        load_manifest(tmp_path / "none.json")


def test_multi_sides_from_front_matter(tmp_path):
    paths = []
    for name, side in (("a.md", "nato"), ("b.md", "china"), ("c.md", "nato")):
        p = tmp_path / name
        p.write_text(f"---\nside: {side}\n---\n\nThe two sides met and talked.\n", "utf-8")
        paths.append(p)
    assert sides_from_front_matter(paths) == {
        "nato": [str(paths[0]), str(paths[2])],
        "china": [str(paths[1])],
    }
    bare = tmp_path / "d.txt"
    bare.write_text("The two sides met.", encoding="utf-8")
    with pytest.raises(ConfigError):
        sides_from_front_matter([*paths, bare])


def test_multi_cli_compare_with_sides(fixtures):
    us, cn = fixtures / "call_us.txt", fixtures / "call_cn.txt"
    outlet = fixtures / "drift" / "call_outlet.txt"
    result = CliRunner().invoke(
        main,
        [
            "compare",
            str(us),
            str(cn),
            str(outlet),
            "--side",
            f"us:{us}",
            "--side",
            f"china:{cn}",
            "--side",
            f"outlet:{outlet}",
            "--format",
            "json",
            "--embedder",
            "fake.v1",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [s["name"] for s in data["sides"]] == ["us", "china", "outlet"]
    assert len(data["pairs"]) == 3


# --------------------------------------------------------------------------- issue 12


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_multi_rows_give_every_sides_words(three_sides, fmt):
    """A row shared across sides gives each side's own words, so a link can be checked."""
    text = render(three_sides, fmt, **({"columns": 160} if fmt == "terminal" else {}))
    by_id = {p.id: p for p in three_sides.points}
    row = next(r for r in three_sides.rows if sum(bool(v) for v in r.points.values()) >= 2)
    for side, ids in row.points.items():
        for p in ids:
            words = by_id[p].text.split()[0] if by_id[p].text.isascii() else by_id[p].text[:6]
            assert words in text, (side, words)
    if fmt == "html":  # the two-account report's layout
        assert 'class="score-card"' in text and 'id="topics"' in text
        assert "--shared-bg" in text  # the report's own style sheet
        assert 'class="cell hl rel-shared"' in text


def test_multi_warnings_of_a_pair_come_first(fake_embedder):
    a = account_from_text(
        "President Biden met with Prime Minister Kishida of Japan on January 21, 2022.",
        id="jan",
        party="united_states",
    )
    b = account_from_text(
        "President Biden met with Prime Minister Kishida of Japan on May 23, 2022.",
        id="may",
        party="united_states",
    )
    c = account_from_text(
        "Prime Minister Kishida met with President Biden on January 21, 2022. They discussed "
        "trade.",
        id="jp",
        party="japan",
    )
    result = compare_sides({"us_jan": [a], "us_may": [b], "japan": [c]}, embedder=fake_embedder)
    warnings = result.warnings()
    assert {w["code"] for w in warnings} == {"different-meetings", "same-side"}
    assert all(len(w["sides"]) == 2 for w in warnings)
    data = result.to_dict()
    assert list(data)[:4] == ["schema_version", "kind", "method", "warnings"]
    pairs = {tuple(p["sides"]): p for p in data["side_pairs"]}
    assert pairs[("us_jan", "us_may")]["comparable"] is False
    assert pairs[("us_jan", "japan")]["comparable"] is True
    terminal = render(result, "terminal", columns=120)
    assert terminal.index("WARNING") < terminal.index("MEETING OF MINDS")
    assert "us_jan ↔ us_may: not comparable" in terminal
    page = render(result, "html")
    assert page.index('class="warnings"') < page.index('class="score-card"')
