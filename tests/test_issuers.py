"""Issuers: the party of every issuer of the lexicon, from its name, its domain or the opening."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from readouts.cli import main
from readouts.ingest import account_from_text
from readouts.issuers import issuer_by_domain, issuer_by_name, issuer_in_opening
from readouts.reading import infer_party


def _names(lexicon):
    return [
        (issuer.id, name, issuer.party)
        for issuer in lexicon.issuers.values()
        for name in (*issuer.names_en, *issuer.names_zh)
    ]


@pytest.mark.parametrize("minimum", [40])
def test_issuers_lexicon_covers_forty_parties_each_an_actor(lexicon, minimum):
    parties = {i.party for i in lexicon.issuers.values()}
    assert len(parties) >= minimum
    assert parties <= set(lexicon.actors)
    for needed in ("european_union", "nato", "united_nations", "asean", "african_union"):
        assert needed in parties
    kinds = {i.kind for i in lexicon.issuers.values()}
    assert {"foreign_ministry", "defence_ministry", "leader_office"} <= kinds
    assert all(i.names_en and i.names_zh and i.domains for i in lexicon.issuers.values())


def test_issuers_no_name_names_two_parties(lexicon):
    seen: dict[str, str] = {}
    for _, name, party in _names(lexicon):
        key = name.lower()
        assert seen.setdefault(key, party) == party, name


def test_issuers_every_name_in_the_issuer_field_gives_its_party(lexicon):
    wrong = [
        (name, party)
        for _, name, party in _names(lexicon)
        if infer_party(account_from_text("They met.", issuer=name, language="en"), lexicon) != party
    ]
    assert wrong == []


def test_issuers_every_domain_gives_its_party(lexicon):
    wrong = []
    for issuer in lexicon.issuers.values():
        for domain in issuer.domains:
            found = issuer_by_domain(f"https://www.{domain}/news/1.html", lexicon)
            if found is None or found.party != issuer.party:
                wrong.append(domain)
    assert wrong == []


@pytest.mark.parametrize(
    ("issuer", "party"),
    [
        ("U.S. Department of State", "united_states"),
        ("the U.S. Department of Defense", "united_states"),
        ("Minister for Foreign Affairs of Australia", "australia"),
        ("Ministry of Foreign Affairs of the Russian Federation", "russia"),
        ("Foreign Ministry of Kazakhstan, Press Service", "kazakhstan"),  # not a name: the country
        ("中华人民共和国外交部", "china"),
        ("新西兰外交贸易部", "new_zealand"),
    ],
)
def test_issuers_by_name(issuer, party, lexicon):
    found = issuer_by_name(issuer, lexicon)
    assert found is not None and found.party == party


@pytest.mark.parametrize(
    ("title", "opening", "party"),
    [
        ("", "U.S. Department of State: Secretary Blinken met Wang Yi today.", "united_states"),
        (
            "Statement by the Ministry of Foreign Affairs of Ukraine",
            "It was a good day.",
            "ukraine",
        ),
        (
            "",
            "On 12 March 2024, the European External Action Service said that ...",
            "european_union",
        ),
        ("", "外交部发言人办公室就有关问题答记者问。", "china"),
        ("", "2024年3月5日，俄罗斯外交部发表声明。", "russia"),
        # a news agency's dateline names the issuer (WAM: the Emirates News Agency)
        ("", "ABU DHABI, 11th October, 2023 (WAM) -- President Mohamed bin Zayed spoke.", "uae"),
    ],
)
def test_issuers_in_opening(title, opening, party, lexicon):
    found = issuer_in_opening(title, opening, lexicon)
    assert found is not None and found.party == party


@pytest.mark.parametrize(
    "opening",
    [
        "Secretary Blinken met today with the Minister for Foreign Affairs of Australia.",
        "王毅会见澳大利亚外长黄英贤。",
        "外交部长王毅同美国国务卿布林肯通电话。",  # 外交部 is the start of 外交部长, a title
    ],
)
def test_issuers_named_later_or_as_a_title_are_not_the_issuer(opening, lexicon):
    found = issuer_in_opening("", opening, lexicon)
    assert found is None or found.party != "australia"
    if opening.startswith("外交部长"):
        assert found is None


@pytest.mark.parametrize(
    ("issuer", "name"),
    [
        ("Ministry of Foreign Affairs of the Russian Federation", "Russia"),
        ("新西兰外交贸易部", "New Zealand"),
    ],
)
def test_issuers_read_cli_names_the_issuing_party(tmp_path, issuer, name):
    path = tmp_path / "statement.md"
    path.write_text(
        f"---\ntitle: Talks\ndate: 2024-04-09\nissuer: {issuer}\n---\n\n"
        "The two ministers held talks and discussed bilateral relations.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["read", str(path)])
    assert result.exit_code == 0, result.output
    assert name in result.output.splitlines()[1]


@pytest.mark.parametrize(
    ("opening", "party"),
    [
        ("The Ministry of Foreign Affairs of Fiji welcomes the agreement.", "fiji"),
        ("Fiji's Ministry of Foreign Affairs said on Monday that it would attend.", "fiji"),
        ("On 3 May, the Government of Samoa announced a new envoy.", "samoa"),
        ("斐济外交部发表声明。", "fiji"),
        ("President Biden thanked the Government of Japan.", None),
        ("王毅会见斐济外长。", None),
    ],
)
def test_issuers_an_office_the_lexicon_lacks_is_its_countrys(opening, party, lexicon):
    found = issuer_in_opening("", opening, lexicon)
    assert (found.party if found else None) == party
