import json

import pytest
from click.testing import CliRunner

from readouts.cli import main


@pytest.fixture()
def runner():
    return CliRunner()


def _compare(runner, *args):
    return runner.invoke(main, ["compare", *args, "--embedder", "fake.v1"])


def test_cli_compare_json(runner, fixtures):
    result = _compare(
        runner, str(fixtures / "call_us.txt"), str(fixtures / "call_cn.txt"), "--format", "json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["score"]["verdict"]


def test_cli_compare_writes_a_file(runner, fixtures, tmp_path):
    out = tmp_path / "r.md"
    result = _compare(
        runner,
        str(fixtures / "call_us.txt"),
        str(fixtures / "call_cn.txt"),
        "--format",
        "markdown",
        "-o",
        str(out),
    )
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize(
    "make,code,message",
    [
        (lambda p: p.write_bytes(b""), 3, "empty"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"), 3, "PNG"),
        (lambda p: p.write_bytes(bytes(range(128, 256)) * 10), 3, "decode"),
        (lambda p: p.write_bytes(b"a" * 5_000_001), 3, "limit"),
        (
            lambda p: p.write_text(
                "Le ministre a rencontré le président et ils ont discuté.", encoding="utf-8"
            ),
            4,
            "French",
        ),
        (lambda p: None, 3, "no such file"),
    ],
)
def test_cli_bad_input_is_one_line_and_an_exit_code(
    runner, fixtures, tmp_path, make, code, message
):
    bad = tmp_path / "bad.txt"
    make(bad)
    result = _compare(runner, str(fixtures / "call_us.txt"), str(bad))
    assert result.exit_code == code
    err = result.stderr if hasattr(result, "stderr") else result.output
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_cli_the_same_file_twice(runner, fixtures):
    path = str(fixtures / "call_us.txt")
    result = _compare(runner, path, path)
    assert result.exit_code == 3
    assert "twice" in result.output


def test_cli_malformed_lexicon_names_file_and_line(runner, fixtures, tmp_path):
    lex = tmp_path / "mine.tsv"
    lex.write_text(
        "# version: 1\nid\tcap\tgeneric\tlabel_en\tlabel_zh\tterms_en\tterms_zh\t"
        "source\nx\tnot-a-number\t0\tX\tX\tx\tx\t-\n",
        encoding="utf-8",
    )
    result = _compare(
        runner, str(fixtures / "call_us.txt"), str(fixtures / "call_cn.txt"), "--lexicon", str(lex)
    )
    assert result.exit_code == 5
    assert "mine.tsv:3" in result.output


@pytest.mark.parametrize(
    "names, says",
    [
        (("call_us.txt", "call_cn.txt", "call_cn_hant.txt"), "--side"),  # three, no --side
        (("call_us.txt",), "at least two"),  # one account
    ],
)
def test_cli_usage_slips_exit_2(runner, fixtures, names, says):
    result = _compare(runner, *(str(fixtures / n) for n in names))
    assert result.exit_code == 2
    assert says in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["--side", "nato"],  # no files
        ["--side", "us:{us}"],  # call_cn.txt in no side
    ],
)
def test_cli_malformed_side_exits_2(runner, fixtures, args):
    us, cn = str(fixtures / "call_us.txt"), str(fixtures / "call_cn.txt")
    result = _compare(runner, us, cn, *(a.format(us=us) for a in args))
    assert result.exit_code == 2


def test_cli_eval_floors_fail_with_exit_8(runner, tmp_path, shared_dir):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"alignment_f1": 1.01}}))
    result = runner.invoke(
        main,
        ["eval", str(shared_dir / "eval" / "dev"), "--method", "readouts", "--floors", str(floors)],
    )
    assert result.exit_code == 8
    assert "alignment_f1" in result.output


def test_cli_compare_two_addresses(runner, web_server):
    result = runner.invoke(
        main,
        [
            "compare",
            f"{web_server}/call_us",
            f"{web_server}/call_cn",
            "--embedder",
            "fake.v1",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    sources = [a["account"]["source"] for a in data["accounts"]]
    assert sources == [f"{web_server}/call_us", f"{web_server}/call_cn"]
    assert all(a["account"]["meta"]["fetched_at"] for a in data["accounts"])


def test_cli_compare_an_address_that_fails_exits_3(runner, web_server, fixtures):
    result = runner.invoke(
        main,
        [
            "compare",
            str(fixtures / "call_us.txt"),
            f"{web_server}/missing",
            "--embedder",
            "fake.v1",
        ],
    )
    assert result.exit_code == 3
    assert f"{web_server}/missing: the server answered 404" in result.output


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_cli_custom_lexicon_labels_appear_in_every_format(runner, fixtures, tmp_path, fmt):
    """A topic relabelled by --lexicon is shown with its new label, never the built-in one."""
    lex = tmp_path / "mine.tsv"
    lex.write_text(
        "# version: 1\nid\tcap\tgeneric\tlabel_en\tlabel_zh\tterms_en\tterms_zh\tsource\n"
        "climate\t7\t0\tWeather diplomacy\t天气外交\tclimate*\t气候\t-\n",
        encoding="utf-8",
    )
    result = _compare(
        runner,
        str(fixtures / "call_us.txt"),
        str(fixtures / "call_cn.txt"),
        "--lexicon",
        str(lex),
        "--format",
        fmt,
    )
    assert result.exit_code == 0, result.output
    assert "Weather diplomacy" in result.output
    assert "Climate change" not in result.output


def _sided_pair(fixtures, tmp_path) -> list[str]:
    """call_us.txt and call_cn.txt, each with its side in its front matter."""
    paths = []
    for side, name in (("us", "call_us.txt"), ("china", "call_cn.txt")):
        path = tmp_path / f"{side}.md"
        text = (fixtures / name).read_text(encoding="utf-8")
        path.write_text(f"---\nside: {side}\n---\n\n{text}", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "html"])
def test_cli_compare_a_pair_prints_the_same_with_and_without_sides(runner, fixtures, tmp_path, fmt):
    """Two accounts are one report, whether their sides are named by --side or not (#14)."""
    us, cn = _sided_pair(fixtures, tmp_path)
    plain = _compare(runner, us, cn, "--format", fmt, "--width", "100")
    sides = _compare(
        runner,
        us,
        cn,
        "--side",
        f"us:{us}",
        "--side",
        f"china:{cn}",
        "--format",
        fmt,
        "--width",
        "100",
    )
    assert plain.exit_code == 0, plain.output
    assert sides.exit_code == 0, sides.output
    assert sides.output == plain.output


@pytest.mark.parametrize("args", [["--side", "us:{us}", "--side", "china:{cn}"], ["{extra}"]])
def test_cli_compare_baseline_takes_two_accounts_only(runner, fixtures, tmp_path, args):
    """The baseline's claims are sentences, with none to merge per side: with --side or a
    third account it is refused, never silently replaced by the readouts method."""
    us, cn = _sided_pair(fixtures, tmp_path)
    extra = str(fixtures / "drift" / "call_outlet.txt")
    given = [a.format(us=us, cn=cn, extra=extra) for a in args]
    result = _compare(runner, us, cn, *given, "--method", "baseline")
    assert result.exit_code == 2
    assert "--method baseline compares two accounts" in result.output
