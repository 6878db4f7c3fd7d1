"""Meeting facts: who met whom, when, how, where and at whose request; and `readouts read`."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from readouts.cli import main
from readouts.facts import counterparts, extract_facts, fact_differences, find_dates, principals
from readouts.facts.extract import READERS
from readouts.ingest import account_from_text
from readouts.lexicon import default_lexicon
from readouts.model import MeetingFacts
from readouts.segment import sentences


def _lang(text: str) -> str:
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"


def _facts(text: str, date: str = "", party: str = "", title: str = "") -> MeetingFacts:
    account = account_from_text(text, date=date, party=party, title=title, language=_lang(text))
    return extract_facts(account, sentences(account))


@pytest.mark.parametrize(
    "text,anchor,iso,iso_end",
    [
        ("They met on 27 September 2021.", "", "2021-09-27", ""),
        ("They met on Sept. 27.", "2021-10-02", "2021-09-27", ""),
        ("They met on September 16-17 in Malta.", "2023-09-18", "2023-09-16", "2023-09-17"),
        ("They met on Monday, September 27, 2021.", "", "2021-09-27", ""),
        ("He spoke today with her.", "2022-03-18", "2022-03-18", ""),
        ("He spoke yesterday with her.", "2022-03-18", "2022-03-17", ""),
        ("He met her on Monday.", "2024-01-31", "2024-01-29", ""),
        ("They met on December 29.", "2022-01-03", "2021-12-29", ""),
        ("They met on March 18.", "", "--03-18", ""),
        ("2021年9月27日，双方举行会晤。", "", "2021-09-27", ""),
        ("3月18日晚，两国元首通话。", "2022-03-19", "2022-03-18", ""),
        ("昨天，两国外长通电话。", "2023-04-06", "2023-04-05", ""),
    ],
)
def test_facts_dates_resolve_against_the_account_date(text, anchor, iso, iso_end):
    found = find_dates(text, _lang(text), anchor)
    assert found, text
    resolved = next(d for d in found if d.iso)
    assert (resolved.iso, resolved.iso_end) == (iso, iso_end)
    assert text[resolved.start : resolved.end] == resolved.text


@pytest.mark.parametrize(
    "text",
    ["He met her the next day.", "They spoke on Monday."],
)
def test_facts_relative_dates_stay_unresolved_without_an_anchor(text):
    found = find_dates(text, "en", "")
    assert found and found[0].iso == "" and found[0].relative


def test_facts_the_next_day_follows_the_date_before():
    found = find_dates("On 3 June 2023 they arrived. They met the next day.", "en", "")
    assert [d.iso for d in found] == ["2023-06-03", "2023-06-04"]


@pytest.mark.parametrize(
    "text,fmt",
    [
        ("President Biden spoke today with President Xi Jinping of China.", "phone"),
        ("President Biden held a secure video call today with President Putin.", "video"),
        (
            "President Biden met today with President Erdogan on the margins of the G20 Summit.",
            "sidelines",
        ),
        (
            "President Biden welcomed Prime Minister Petr Fiala to the White House today.",
            "in_person",
        ),
        ("President Biden called President Zelenskyy today.", "phone"),
        ("Secretary Blinken met virtually with Foreign Minister Wang Yi.", "video"),
        ("国家主席习近平应约同美国总统拜登举行视频通话。", "video"),
        ("国家主席习近平应约同法国总统马克龙通电话。", "phone"),
        ("外交部长王毅在北京会见美国国务卿布林肯。", "in_person"),
        ("王毅在出席联合国大会期间会见美国国务卿布林肯。", "sidelines"),
    ],
)
def test_facts_format(text, fmt):
    facts = _facts(text)
    assert facts.format == fmt
    a, b = facts.format_span
    assert a >= 0 and text[a:b]


def test_facts_spoke_with_is_a_call_by_default_not_a_stated_one():
    assert _facts("President Biden spoke today with President Xi.").format_basis == "verb"
    assert _facts("President Biden spoke by phone with President Xi.").format_basis == "stated"


def test_facts_format_falls_back_to_the_title():
    facts = _facts(
        "The leaders agreed on next steps.", title="Readout of the President's Call with X"
    )
    assert facts.format == "phone" and facts.format_span == (-1, -1)
    assert facts.format_basis == "title"


@pytest.mark.parametrize(
    "text,principal,counterpart,party",
    [
        (
            "President Joseph R. Biden, Jr. spoke today with Chancellor Olaf Scholz of Germany.",
            "Joseph R. Biden, Jr.",
            "Olaf Scholz",
            "germany",
        ),
        (
            "National Security Advisor Jake Sullivan met today with Prime Minister Sheikh "
            "Mohammed bin Abdulrahman Al Thani of Qatar.",
            "Jake Sullivan",
            "Mohammed bin Abdulrahman Al Thani",
            "qatar",
        ),
        (
            "Vice President Harris spoke today with His Highness, Crown Prince Mishal "
            "Al-Ahmad Al-Sabah of Kuwait.",
            "Kamala Harris",
            "Mishal Al-Ahmad Al-Sabah",
            "kuwait",
        ),
        (
            "Today, Senior Administration Officials met with New York Governor Kathy Hochul.",
            "Senior Administration Officials",
            "Kathy Hochul",
            "",
        ),
        ("国家主席习近平应约同法国总统马克龙通电话。", "习近平", "马克龙", "france"),
        (
            "8月29日，中央军委副主席张又侠在北京会见美国总统国家安全事务助理沙利文。",
            "张又侠",
            "沙利文",
            "united_states",
        ),
        ("国务委员兼外长王毅在北京同新加坡总理黄循财举行会谈。", "王毅", "黄循财", "singapore"),
    ],
)
def test_facts_who_met_whom(text, principal, counterpart, party):
    facts = _facts(text)
    assert principals(facts)[0].name == principal
    other = counterparts(facts)[0]
    assert other.name == counterpart
    assert other.party == party
    assert counterpart.split()[-1] in text[other.start : other.end]


def test_facts_unknown_person_keeps_title_and_country():
    facts = _facts("President Biden spoke today with President Abdel Fattah Al Sisi of Egypt.")
    other = counterparts(facts)[0]
    assert (other.name, other.role, other.affiliation) == (
        "Abdel Fattah Al Sisi",
        "President",
        "Egypt",
    )


def test_facts_a_pronoun_object_is_the_person_named_before():
    facts = _facts(
        "At the request of NATO Secretary General Jens Stoltenberg, Foreign Minister Wang Yi "
        "held a video meeting with him."
    )
    assert counterparts(facts)[0].name == "Jens Stoltenberg"


@pytest.mark.parametrize(
    "text,field,party",
    [
        (
            "At the request of the Chinese side, President Biden spoke with President Xi.",
            "requested_by",
            "china",
        ),
        (
            "President Biden spoke with President Xi at President Xi's request.",
            "requested_by",
            "china",
        ),
        ("国家主席习近平应约同美国总统拜登通电话。", "requested_by", "united_states"),
        ("应美方请求，外交部长王毅同美国国务卿布林肯通电话。", "requested_by", "united_states"),
        ("应俄罗斯总统普京邀请，国家主席习近平对俄罗斯进行国事访问。", "invited_by", "russia"),
        (
            "Secretary Blinken met with Wang Yi in Jakarta at the invitation of Indonesia.",
            "invited_by",
            "indonesia",
        ),
    ],
)
def test_facts_who_asked_request_and_invitation_apart(text, field, party):
    facts = _facts(text)
    assert getattr(facts, field) == party
    other = "invited_by" if field == "requested_by" else "requested_by"
    assert getattr(facts, other) == ""
    span = facts.request_span if field == "requested_by" else facts.invite_span
    assert span[0] >= 0


@pytest.mark.parametrize(
    "text,place",
    [
        (
            "National Security Advisor Jake Sullivan met on September 16-17 with Wang Yi in Malta.",
            "Malta",
        ),
        ("President Biden met with President Xi in Bali, Indonesia.", "Bali, Indonesia"),
        ("Vice President Harris met today with Benny Gantz at the White House.", "the White House"),
        ("外交部长王毅在北京会见美国国务卿布林肯。", "北京"),
    ],
)
def test_facts_place(text, place):
    facts = _facts(text)
    assert facts.place == place
    assert text[facts.place_span[0] : facts.place_span[1]] == place


def test_facts_event_of_a_sidelines_meeting():
    facts = _facts(
        "President Biden met today with President Erdogan on the margins of the G20 Summit."
    )
    assert facts.event == "the G20 Summit"


def test_facts_to_dict_keeps_every_field():
    facts = _facts("President Biden spoke today with President Xi Jinping.", date="2022-03-18")
    d = facts.to_dict()
    assert d["date"] == "2022-03-18" and d["format"] == "phone"
    assert isinstance(d["participants"], list) and d["participants"][0]["position"] == "principal"
    json.dumps(d)


@pytest.mark.parametrize(
    "a,b,fact",
    [
        (MeetingFacts(requested_by="united_states"), MeetingFacts(), "requested_by"),
        (MeetingFacts(date="2022-03-18"), MeetingFacts(date="2022-03-19"), "date"),
        (
            MeetingFacts(format="video", format_basis="stated"),
            MeetingFacts(format="in_person"),
            "format",
        ),
        (MeetingFacts(invited_by="russia"), MeetingFacts(invited_by="china"), "invited_by"),
    ],
)
def test_facts_differences_found(a, b, fact):
    diffs = fact_differences(a, b, ("US", "China"))
    assert [d["fact"] for d in diffs] == [fact]
    assert diffs[0]["finding"]


@pytest.mark.parametrize(
    "a,b",
    [
        (MeetingFacts(date="--03-18"), MeetingFacts(date="2022-03-18")),
        (MeetingFacts(format="sidelines"), MeetingFacts(format="in_person")),
        (MeetingFacts(format="phone", format_basis="verb"), MeetingFacts(format="video")),
        (MeetingFacts(place="Beijing"), MeetingFacts(place="北京")),
        (MeetingFacts(date="2022-03-18"), MeetingFacts()),
    ],
)
def test_facts_no_difference_when_the_accounts_agree_or_one_is_silent(a, b):
    assert fact_differences(a, b) == []


# --------------------------------------------------------------------------- readouts read


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_facts_read_command_prints_facts_claims_and_tone(runner, fixtures, fmt):
    result = runner.invoke(main, ["read", str(fixtures / "call_cn.txt"), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert data["facts"]["requested_by"] == "united_states"
        assert data["facts"]["format"] == "phone"
        assert data["claims"] and "signals" in data
    else:
        out = result.output
        assert out.index("Meeting facts") < out.index("Claims") < out.index("Tone")
        assert "王毅" in out and "布林肯" in out


@pytest.mark.parametrize(
    "content,code,words",
    [(None, 3, "no such file"), ("", 3, "empty"), ("   \n\n", 3, "empty")],
)
@pytest.mark.parametrize("command", ["read"])  # export-events lists refusals: test_events
def test_facts_cli_bad_input_is_one_line_and_non_zero(
    runner, tmp_path, command, content, code, words
):
    path = tmp_path / "account.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(main, [command, str(path)])
    assert result.exit_code == code
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("readouts: error:") and words in err and str(path) in err


@pytest.mark.parametrize("command", ["read", "export-events"])
def test_facts_cli_bad_lexicon_names_file_and_line(runner, tmp_path, fixtures, command):
    bad = tmp_path / "mine.tsv"
    bad.write_text("# version: 1\nid\tnope\n", encoding="utf-8")
    result = runner.invoke(main, [command, str(fixtures / "call_us.txt"), "--lexicon", str(bad)])
    assert result.exit_code == 5
    assert f"{bad}:2:" in result.stderr


# --------------------------------------------------------------------------- issue 12


def _people(facts: MeetingFacts) -> list[tuple[str, str, str, str]]:
    return [(p.position[0], p.name, p.role, p.party) for p in facts.participants]


@pytest.mark.parametrize(
    "text, title, want",
    [
        # both in the subject; the title names the counterpart (Bolsonaro, 2022-06-09)
        (
            "President Joseph R. Biden, Jr. and President Jair Messias Bolsonaro met today to "
            "reaffirm the relationship.",
            "Readout of President Biden’s Meeting with President Jair Bolsonaro of Brazil",
            [
                ("p", "Joseph R. Biden, Jr.", "President", "united_states"),
                ("c", "Jair Messias Bolsonaro", "President", "brazil"),
            ],
        ),
        # "Mr." is a form of address, no role (Kushner, 2025-11-23)
        (
            "Today, Secretary Rubio, Special Envoy Witkoff, Mr. Jared Kushner, and Secretary "
            "Driscoll held a meeting with the Ukrainian delegation.",
            "",
            [
                ("p", "Marco Rubio", "Secretary", "united_states"),
                ("p", "Steve Witkoff", "Special Envoy", "united_states"),
                ("p", "Jared Kushner", "", "united_states"),
                ("p", "Driscoll", "Secretary", "united_states"),
                ("c", "the Ukrainian delegation", "", "ukraine"),
            ],
        ),
        # the stated country wins over the lexicon's party of today (Kallas, Rutte)
        (
            "President Biden met today with Prime Minister Mark Rutte of the Netherlands.",
            "",
            [
                ("p", "Joseph R. Biden, Jr.", "President", "united_states"),
                ("c", "Mark Rutte", "Prime Minister", "netherlands"),
            ],
        ),
        # the title gives the counterpart's country the text leaves out
        (
            "President Joseph R. Biden Jr. spoke today with President Mohamed bin Zayed.",
            "Readout of President Biden’s Call with President Mohamed bin Zayed of the United "
            "Arab Emirates",
            [
                ("p", "Joseph R. Biden, Jr.", "President", "united_states"),
                ("c", "Mohamed bin Zayed", "President", "uae"),
            ],
        ),
        # "met X" with no "with"; a department before a name; "and" inside a title
        (
            "President Biden met Prime Minister Anthony Albanese of Australia today.",
            "",
            [
                ("p", "Joseph R. Biden, Jr.", "President", "united_states"),
                ("c", "Anthony Albanese", "Prime Minister", "australia"),
            ],
        ),
        (
            "Today, Secretary of Transportation Pete Buttigieg and Health and Human Services "
            "Secretary Xavier Becerra met with labor leaders as well as business leaders.",
            "",
            [
                ("p", "Pete Buttigieg", "Secretary of Transportation", "united_states"),
                ("p", "Xavier Becerra", "Health and Human Services Secretary", "united_states"),
                ("c", "labor leaders as well as business leaders", "", ""),
            ],
        ),
        # a meeting chaired by its participants, of two sides
        (
            "On July 25th, the fifth meeting of the Steering Committee was co-chaired in a "
            "virtual format by Deputy National Security Advisor for International Economics "
            "Mike Pyle and European Commission Director-General Gert Jan Koopman.",
            "",
            [
                (
                    "p",
                    "Mike Pyle",
                    "Deputy National Security Advisor for International Economics",
                    "united_states",
                ),
                ("c", "Gert Jan Koopman", "European Commission Director-General", "european_union"),
            ],
        ),
        # the issuer's officials are the object: the positions are swapped
        (
            "Jewish American leaders from across the country met with senior Administration "
            "officials at the White House yesterday.",
            "",
            [
                ("p", "senior Administration officials", "", "united_states"),
                ("c", "Jewish American leaders from across the country", "", ""),
            ],
        ),
        # an audience: the title names both
        (
            "In his audience with Pope Francis today, President Biden thanked His Holiness.",
            "Readout of President Biden’s Audience with His Holiness Pope Francis",
            [
                ("p", "Joseph R. Biden, Jr.", "President", "united_states"),
                ("c", "Francis", "His Holiness Pope", ""),
            ],
        ),
    ],
)
def test_facts_participants_of_real_readouts(text, title, want):
    got = _people(_facts(text, date="2023-06-01", party="united_states", title=title))
    assert got == want


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "Vice President Harris hosted President Lopez Obrador of Mexico for breakfast at the "
            "Naval Observatory today.",
            "the Naval Observatory",
        ),
        ("In Jerusalem, Mr. Sullivan met with Prime Minister Benjamin Netanyahu.", "Jerusalem"),
        ("The Office hosted 35 officials as part of its “Communities in Action” series.", ""),
    ],
)
def test_facts_place_of_real_readouts(text, place):
    assert _facts(text, date="2022-07-12", party="united_states").place == place


def test_facts_place_from_the_end_of_the_title():
    facts = _facts(
        "Today, Secretary Rubio held a meeting with the Ukrainian delegation.",
        date="2025-11-23",
        party="united_states",
        title="Readout of Peace Talks in Geneva",
    )
    assert facts.place == "Geneva" and facts.place_span == (-1, -1)


def test_facts_date_opens_the_next_sentence():
    facts = _facts(
        "On the heels of the report, the Task Force met to discuss climate ambition.\n\n"
        "Today, the Climate Advisor convened the fifth Task Force meeting.",
        date="2021-08-11",
        party="united_states",
    )
    assert facts.date == "2021-08-11"


def test_facts_hand_checked_white_house_files(shared_dir):
    """The 100 hand-checked White House readouts (eval/wh_facts.jsonl): every fact at
    least 0.97 (benchmarks/check_wh_facts.py --gold)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [
            sys.executable,
            str(root / "benchmarks" / "check_wh_facts.py"),
            "--gold",
            str(root / "eval" / "wh_facts.jsonl"),
            "--floor",
            "0.97",
            "--errors",
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "hand-checked files: 100" in out.stdout


def _reader(code: str, text: str, title: str = "", date: str = ""):
    """The facts reader of an account, its sentences and its meeting sentence and verb."""
    account = account_from_text(text, date=date, title=title, language=code)
    sents = sentences(account)
    reader = READERS[code](account, account.text, default_lexicon())
    _, s, verb = reader.participants(sents)
    return reader, sents, s, verb


_EN_CALL = (
    "President Biden spoke by phone today with Prime Minister Kishida of Japan at the "
    "request of Prime Minister Kishida."
)
_EN_CALL_TITLE = (
    "Readout of President Joseph R. Biden, Jr.’s Call with Prime Minister Kishida Fumio of Japan"
)
_ZH_CALL = "2021年9月10日，国家主席习近平应约同美国总统拜登通电话。"
_ZH_MEETING = "国务委员兼外长王毅在北京会见新加坡外长维文，应维文邀请。两人通电话。"


@pytest.mark.parametrize(
    "code,title,counterparts,fmt,principals",
    [
        ("en", _EN_CALL_TITLE, ["Fumio Kishida"], "phone", ["Joseph R. Biden, Jr."]),
        ("en", "Readout of the Secretary’s Video Meeting with the Minister", [""], "video", []),
        ("en", "", [], "", []),
        ("zh", "习近平同美国总统拜登通电话", [], "", []),  # titles are read in English only
    ],
)
def test_facts_reader_title_counterparts_and_principals(code, title, counterparts, fmt, principals):
    reader, *_ = _reader(code, _EN_CALL if code == "en" else _ZH_CALL, title)
    people, got_fmt = reader.title_counterparts(title)
    assert ([p.name for p in people], got_fmt) == (counterparts, fmt)
    assert all((p.position, p.start, p.end) == ("counterpart", -1, -1) for p in people)
    assert [p.name for p in reader.title_principals(title)] == principals


@pytest.mark.parametrize(
    "code,text,title,video,place",
    [
        (
            "en",
            "The President met with officials.",
            "Readout of a Virtual Session in Geneva",
            True,
            "Geneva",
        ),
        (
            "en",
            "The President met in person with officials.",
            "Readout of a Virtual Session",
            False,
            "",
        ),
        (
            "en",
            "They met with officials. They met in person.",
            "Readout of a Video Session",
            True,
            "",
        ),
        ("zh", "王毅会见维文。", "王毅视频会见维文 in Geneva", False, ""),
    ],
)
def test_facts_reader_title_video_and_place(code, text, title, video, place):
    reader, sents, *_ = _reader(code, text, title)
    assert reader.title_says_video(sents) is video
    assert reader.title_place(title) == place


@pytest.mark.parametrize(
    "code,text,cues,by_verb,place",
    [
        ("en", _EN_CALL, [None, None, "by phone", None], ("phone", (16, 21)), ("", (-1, -1))),
        (
            "en",
            "In Paris, the Secretary met the Minister to discuss a video link at the G20 Summit.",
            [None, None, None, "met"],  # nothing is read past the purpose clause
            ("in_person", (24, 27)),
            ("Paris", (3, 8)),
        ),
        ("zh", _ZH_CALL, [None, None, "通电话", None], None, ("", (-1, -1))),
        ("zh", _ZH_MEETING, [None, None, None, "会见"], None, ("北京", (10, 12))),
        (
            "zh",
            "王毅在出席二十国集团峰会期间视频会见维文。",
            ["视频", "在出席二十国集团峰会期间", None, "会见"],
            None,
            ("", (-1, -1)),
        ),
    ],
)
def test_facts_reader_format_cues_and_place(code, text, cues, by_verb, place):
    reader, _, s, verb = _reader(code, text)
    *found, got_by_verb = reader.format_cues(s, verb)
    assert [m.group(0) if m else None for m in found] == cues
    assert got_by_verb == by_verb
    assert reader.place(s, []) == place


@pytest.mark.parametrize(
    "code,text,phone,inp,over",
    [
        ("en", "He called, then met her.", "called", "met", True),
        ("en", "He met her and called.", "called", "met", False),
        ("en", "He called her.", "called", None, True),
        ("zh", "会见后通电话。", "通电话", "会见", True),  # a phone cue makes a call wherever it is
    ],
)
def test_facts_reader_phone_over_in_person(code, text, phone, inp, over):
    reader, *_ = _reader(code, text)
    ph = re.search(phone, text)
    assert ph is not None
    assert reader.phone_over(ph, re.search(inp, text) if inp else None) is over


@pytest.mark.parametrize(
    "code,text,before",
    [
        ("en", "The President met with county officials to discuss the summit on May 5.", []),
        (
            "en",
            "On May 4 the President met with officials to discuss the summit on May 5.",
            ["May 4"],
        ),
        ("zh", "5月4日，王毅会见维文，讨论5月5日的会议。", ["5月4日", "5月5日"]),
    ],
)
def test_facts_reader_dates_before_the_purpose(code, text, before):
    reader, _, s, _ = _reader(code, text, date="2023-05-03")
    inside = find_dates(reader.text, code, "2023-05-03")
    assert [d.text for d in reader.before_purpose(s, inside)] == before


@pytest.mark.parametrize(
    "code,text,day",
    [
        (
            "en",
            "The Task Force met to discuss the plan. Today, the Advisor convened the meeting.",
            ["Today"],
        ),
        ("zh", "王毅会见维文。今天，双方举行会谈。", []),
    ],
)
def test_facts_reader_next_sentence_opening_day(code, text, day):
    reader, sents, *_ = _reader(code, text, date="2023-05-03")
    dates = find_dates(reader.text, code, "2023-05-03")
    assert [d.text for d in reader.next_opening_day(sents[1], dates)] == day


@pytest.mark.parametrize(
    "code,text,invite,asked",
    [
        ("en", _EN_CALL, False, ("japan", "Fumio Kishida", (74, 114))),
        ("en", _EN_CALL, True, ("", "", (-1, -1))),
        ("zh", _ZH_CALL, False, ("united_states", "拜登", (18, 20))),  # 应约: the counterpart
        ("zh", _ZH_MEETING, True, ("singapore", "维文", (22, 27))),
    ],
)
def test_facts_reader_who_asked(code, text, invite, asked):
    reader, sents, *_ = _reader(code, text)
    people, _, _ = reader.participants(sents)
    counter = [p for p in people if p.position == "counterpart"]
    assert reader.asked(sents[:4], counter, invite) == asked
