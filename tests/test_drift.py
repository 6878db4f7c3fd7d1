import json

import numpy as np
import pytest
from click.testing import CliRunner

from readouts.cli import main
from readouts.drifts import AlignParams, Bead, align_sentences, drift
from readouts.errors import ConfigError
from readouts.ingest import account_from_text, read_account
from readouts.versions import version


@pytest.fixture(scope="module")
def versions(fixtures):
    folder = fixtures / "drift"
    return {
        name: read_account(folder / f"statement_{name}.txt") for name in ("en", "zh", "zh_drift")
    }


def _unit(rng: np.random.Generator, n: int, dim: int = 64) -> np.ndarray:
    v = rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _noisy(v: np.ndarray, rng: np.random.Generator, scale: float = 0.5) -> np.ndarray:
    out = v + scale * _unit(rng, len(v), v.shape[1])
    return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.mark.parametrize("dropped", [0, 7, 19])
def test_drift_align_sentences_leaves_a_dropped_sentence_unpaired(dropped):
    rng = np.random.default_rng(dropped)
    a = _unit(rng, 20)
    b = _noisy(np.delete(a, dropped, axis=0), rng)
    beads = align_sentences(a, b)
    assert Bead((dropped,), ()) in beads
    pairs = [(x.a, x.b) for x in beads if x.a and x.b]
    assert pairs == [((i,), (i if i < dropped else i - 1,)) for i in range(20) if i != dropped]


@pytest.mark.parametrize("merged", [3, 10])
def test_drift_align_sentences_finds_two_sentences_translated_as_one(merged):
    rng = np.random.default_rng(merged)
    a = _unit(rng, 15)
    rows = [a[i] for i in range(15) if i not in (merged, merged + 1)]
    joint = a[merged] + a[merged + 1]
    rows.insert(merged, joint / np.linalg.norm(joint))
    b = _noisy(np.stack(rows), rng, 0.3)
    beads = align_sentences(a, b)
    assert any(x.a == (merged, merged + 1) and x.b == (merged,) for x in beads)
    assert all(x.a and x.b for x in beads)


@pytest.mark.parametrize("n", [1200])
def test_drift_align_sentences_band_agrees_with_the_full_table(n):
    rng = np.random.default_rng(1)
    a = _unit(rng, n)
    keep = [i for i in range(n) if i % 97 != 5]
    b = _noisy(a[keep], rng)
    full = align_sentences(a, b, AlignParams(full_below=10**9))
    banded = align_sentences(a, b, AlignParams(band=80))
    assert [(x.a, x.b) for x in banded] == [(x.a, x.b) for x in full]
    assert sum(1 for x in full if not x.b) == n - len(keep)


@pytest.mark.parametrize("sizes", [(0, 3), (3, 0), (0, 0)])
def test_drift_align_sentences_empty_side(sizes):
    rng = np.random.default_rng(0)
    a, b = _unit(rng, sizes[0]), _unit(rng, sizes[1])
    beads = align_sentences(a, b)
    assert len(beads) == sum(sizes) and all(not (x.a and x.b) for x in beads)


def test_drift_fixture_finds_the_dropped_sentence_the_number_and_the_softened_tone(
    versions, use_embedder
):
    result = drift(versions["en"], versions["zh_drift"], embedder=use_embedder)
    assert [(i.kind, i.change) for i in result.items] == [
        ("number", "changed"),
        ("tone", "softened"),
        ("missing", "only_a"),
    ]
    number, tone, missing = result.items
    en, zh = versions["en"].text, versions["zh_drift"].text
    assert number.a_values == ("291000000000",) and number.b_values == ("219000000000",)
    assert [en[s:e] for s, e in number.a_marks] == ["291 billion"]
    assert [zh[s:e] for s, e in number.b_marks] == ["2190亿"]
    assert [en[s:e] for s, e in tone.a_marks] == ["serious concern"]
    assert [zh[s:e] for s, e in tone.b_marks] == ["关切"]
    assert en[missing.a[0] : missing.a[1]].startswith("On Ukraine, Borrell called on China")
    # the version that lacks it gets an empty span where it would go: after the sentence before
    assert missing.b[0] == missing.b[1] == result.sentences_b[6].end
    assert zh[number.b[0] : number.b[1]].startswith("在贸易问题上")


@pytest.mark.parametrize(("a", "b"), [("en", "zh"), ("zh", "en"), ("en", "en"), ("zh", "zh")])
def test_drift_faithful_or_identical_versions_flag_nothing(versions, use_embedder, a, b):
    first = versions[a]
    second = versions[b]
    if a == b:
        second = account_from_text(second.text, id=second.id + "_copy")
    result = drift(first, second, embedder=use_embedder)
    assert result.items == ()
    assert all(x.a and x.b for x in result.beads)


def test_drift_identical_text_flags_nothing_with_the_fake_embedder(versions, fake_embedder):
    copy = account_from_text(versions["en"].text, id="copy")
    assert drift(versions["en"], copy, embedder=fake_embedder).items == ()


@pytest.mark.parametrize(
    ("en", "zh", "kind", "change"),
    [
        (
            "Wang Yi said that China was ready to work with Blinken on counternarcotics.",
            "王毅表示，中方愿同沙利文开展禁毒合作。",
            "name",
            "changed",
        ),
        (
            "Wang Yi said that China supported the proposal for a ceasefire in Gaza.",
            "王毅表示，中方不支持加沙停火的建议。",
            "negation",
            "added",
        ),
        (
            "Wang Yi said that China firmly opposes the new export controls.",
            "王毅表示，中方对新的出口管制表示关切。",
            "tone",
            "softened",
        ),
        (
            "Wang Yi said that China was ready to send 300 doctors to the region.",
            "王毅表示，中方愿向该地区派遣500名医生。",
            "number",
            "changed",
        ),
    ],
)
def test_drift_one_sentence_pairs(use_embedder, en, zh, kind, change):
    a = account_from_text("The two sides met in Beijing. " + en, id="en")
    b = account_from_text("双方在北京会晤。" + zh, id="zh")
    result = drift(a, b, embedder=use_embedder)
    assert [(i.kind, i.change) for i in result.items] == [(kind, change)]


def test_drift_to_dict_carries_both_spans(versions, use_embedder):
    data = drift(versions["en"], versions["zh_drift"], embedder=use_embedder).to_dict()
    assert data["kind"] == "drift" and data["counts"]["missing"] == 1
    first = data["items"][0]
    assert first["a"]["text"].startswith("On trade") and first["b"]["text"].startswith("在贸易")
    assert first["a"]["values"] == ["291000000000"] and first["b"]["marks"]
    json.dumps(data)


def test_drift_refuses_two_versions_with_one_id(versions, fake_embedder):
    with pytest.raises(ConfigError):
        drift(versions["en"], versions["en"], embedder=fake_embedder)


def test_drift_cli_prints_the_list(fixtures):
    folder = fixtures / "drift"
    result = CliRunner().invoke(
        main,
        [
            "drift",
            str(folder / "statement_en.txt"),
            str(folder / "statement_zh_drift.txt"),
            "--width",
            "100",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "VERSION DRIFT  statement_en (en, 11 sentences) ↔ statement_zh_drift (zh, 10 sentences)",
        "  1 missing sentence, 1 number, 1 tone word",
        "",
    ]
    assert lines[3] == (
        "  1. number (changed): statement_en “291 billion”, statement_zh_drift “2190亿”"
    )


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_drift_cli_formats(fixtures, fmt, tmp_path):
    folder = fixtures / "drift"
    out = tmp_path / f"drift.{fmt}"
    result = CliRunner().invoke(
        main,
        [
            "drift",
            str(folder / "statement_en.txt"),
            str(folder / "statement_zh.txt"),
            "--format",
            fmt,
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["items"] == []
    else:
        assert "nothing missing, nothing changed" in text


def test_drift_cli_same_file_twice_is_bad_input(fixtures):
    path = str(fixtures / "drift" / "statement_en.txt")
    result = CliRunner().invoke(main, ["drift", path, path])
    assert result.exit_code == 3


@pytest.mark.parametrize(
    ("en", "zh", "expected"),
    [
        # names: "the X side" is X; a side of a party the lexicon lacks stands in for it
        ("The Egyptian side appreciated China's position.", "埃方赞赏中方立场。", []),
        ("Mongolia welcomed the proposal of the Chinese side.", "蒙方欢迎中方的建议。", []),
        ("Blinken said the United States would keep talking.", "布林肯表示，美方将保持沟通。", []),
        # numbers: vague figures, numerals in names, dates as one value
        ("The G7 countries met with more than a dozen others.", "七国集团同十几个国家会晤。", []),
        ("China had worked for decades with Laos.", "数十年来，中方同老挝在万象合作。", []),
        ("They met on 14 March.", "双方于3月15日会晤。", [("number", "changed")]),
        # negation: words that hold 不 negate nothing
        (
            "The two sides kept strengthening cooperation; China expressed dissatisfaction.",
            "双方不断加强合作，中方表示不满。",
            [],
        ),
        ("It takes two to tango, Wang Yi said.", "王毅表示，一个巴掌拍不响。", []),
        # tone: intensity words and judgements, not only the lexicon's ladder
        ("He called the move very dangerous.", "他称此举有些无益。", [("tone", "softened")]),
        ("China strongly opposes the sanctions.", "中方强烈反对制裁。", []),
        ("China strongly condemned the attack.", "中方谴责这一袭击。", [("tone", "softened")]),
    ],
)
def test_drift_words_in_both_languages(use_embedder, en, zh, expected):
    a = account_from_text("The two sides met in Beijing. " + en, id="en")
    b = account_from_text("双方在北京会晤。" + zh, id="zh")
    result = drift(a, b, embedder=use_embedder)
    assert [(i.kind, i.change) for i in result.items] == expected


def test_drift_a_name_inside_a_longer_transliteration_is_not_that_name(tmp_path, use_embedder):
    from readouts.lexicon import load_lexicon

    # a lexicon that knows 林肯 (Lincoln) but not 布林肯 (Blinken)
    extra = tmp_path / "lincoln.tsv"
    extra.write_text(
        "# version: 1\nid\tkind\tparty\tcode\tnames_en\tnames_zh\troles\tsource\n"
        "lincoln\tperson\tunited_states\tUSA\tAbraham Lincoln|Lincoln\t林肯\t-\t-\n"
        "blinken\tperson\tunited_states\tUSA\tAntony Blinken|Blinken\t-\t-\t-\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon([extra])
    b = account_from_text("布林肯表示，双方应加强沟通。", id="zh")
    assert [m.id for m in lexicon.actor_matcher.find(b.text, "zh", b.text)] == ["lincoln"]
    assert version(b, lexicon).actors.items == []
    a = account_from_text("Blinken said the two sides should talk more.", id="en")
    assert drift(a, b, lexicon=lexicon, embedder=use_embedder).items == ()


@pytest.mark.parametrize("fmt", ["terminal", "json"])
def test_drift_warns_when_the_texts_are_not_versions_of_one_statement(use_embedder, fmt):
    from readouts.report import render

    a = account_from_text(
        "President Biden hosted governors to discuss the infrastructure law. He highlighted "
        "new bridges and broadband. The governors raised the cost of materials. The President "
        "promised to cut red tape.",
        id="en",
    )
    b = account_from_text(
        "中非合作论坛部长级会议在北京举行。与会各方回顾了合作成果。中方宣布将提供新的发展融资。"
        "会议通过了北京宣言。",
        id="zh",
    )
    result = drift(a, b, embedder=use_embedder)
    assert result.warning.startswith("these are not versions of one statement")
    assert result.items == ()
    out = render(result, fmt)
    assert "not versions of one statement" in out
