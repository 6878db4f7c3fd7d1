"""The language interface (lang/base.py): every registered language implements every
operation, and the stages give, through it, what they gave when they branched on the
language code (the expected values below were read from the code before the move)."""

import inspect
from datetime import date

import pytest

from readouts.claims import extract_claims
from readouts.facts import extract_facts
from readouts.facts._base import ReaderBase
from readouts.facts.extract import READERS
from readouts.issuers import IssuerMatch, issuer_in_opening
from readouts.lang import language_for, languages, simplified, text_view
from readouts.lang.base import Language
from readouts.lang.words_zh import segmenter
from readouts.lexicon import default_lexicon
from readouts.model import Account
from readouts.negation import negations
from readouts.plover import Hit, clause_break, default_event_lexicon, near
from readouts.quantities import numbers
from readouts.reading import infer_party
from readouts.segment import sentences
from readouts.tag import is_negated

OPERATIONS = sorted(
    name
    for name, member in vars(Language).items()
    if not name.startswith("_") and inspect.isfunction(member)
)

#: The interface's values, as opposed to its operations.
ATTRIBUTES = ("code", "intensity_reach", "opening_slack", "sentence_gap", "spaced")

TEXTS = {
    "en": (
        "Secretary Blinken met Foreign Minister Wang Yi in Rome on March 14. "
        "He stressed that the United States does not seek a new Cold War, and urged China "
        "to stop its military pressure on Taiwan. The two sides agreed to keep lines of "
        "communication open. The meeting lasted 7 hours."
    ),
    "zh": (
        "3月14日，国务委员兼外长王毅在罗马会见美国国务卿布林肯。王毅表示，中方从不寻求"
        "新冷战，美方应停止干涉中国内政。双方同意保持沟通，加强合作。会见持续了7个小时。"
    ),
}
PARTY = {"en": "United States", "zh": "China"}


def _account(code: str) -> Account:
    return Account(id=code, text=TEXTS[code], language=code, party=PARTY[code])


def test_lang_base_operations_are_the_stages_needs():
    assert OPERATIONS == [
        "attributor",
        "clause_break",
        "count_words",
        "country_office",
        "cutter",
        "dateline_agency",
        "dates",
        "demand_after",
        "describes_talks",
        "index_text",
        "is_negated",
        "lowered",
        "modal_request",
        "months",
        "names_counterpart",
        "near",
        "negations",
        "not_parties",
        "numbers",
        "opening_lead",
        "roles",
        "segmenter",
        "split_sentences",
        "stands_in",
        "strip_frame",
        "view",
    ]


@pytest.mark.parametrize("code", sorted(languages()))
def test_lang_base_every_language_implements_every_operation(code):
    language = languages()[code]
    assert isinstance(language, Language)
    assert language.code == code
    for name in OPERATIONS:
        assert callable(getattr(type(language), name)), name
        own = inspect.signature(getattr(type(language), name))
        spec = inspect.signature(getattr(Language, name))
        assert list(own.parameters) == list(spec.parameters), name
    for name in ATTRIBUTES:
        assert isinstance(getattr(language, name), type(getattr(languages()["en"], name))), name


@pytest.mark.parametrize("code,expected", [("en", "en"), ("zh", "zh"), ("", "en"), ("fr", "en")])
def test_lang_base_language_for_reads_other_codes_as_english(code, expected):
    assert language_for(code).code == expected


@pytest.mark.parametrize(
    "code,expected",
    [
        (
            "en",
            [
                "Secretary Blinken met Foreign Minister Wang Yi in Rome on March 14.",
                "He stressed that the United States does not seek a new Cold War, and urged "
                "China to stop its military pressure on Taiwan.",
                "The two sides agreed to keep lines of communication open.",
                "The meeting lasted 7 hours.",
            ],
        ),
        (
            "zh",
            [
                "3月14日，国务委员兼外长王毅在罗马会见美国国务卿布林肯。",
                "王毅表示，中方从不寻求新冷战，美方应停止干涉中国内政。",
                "双方同意保持沟通，加强合作。",
                "会见持续了7个小时。",
            ],
        ),
    ],
)
def test_lang_base_sentences_split_as_before(code, expected):
    account = _account(code)
    assert [account.text[s.start : s.end] for s in sentences(account)] == expected


@pytest.mark.parametrize(
    "code,expected",
    [
        (
            "en",
            [
                (
                    "Secretary Blinken met Foreign Minister Wang Yi in Rome on March 14.",
                    "Antony J. Blinken",
                    "person",
                ),
                (
                    "He stressed that the United States does not seek a new Cold War,",
                    "Antony J. Blinken",
                    "person",
                ),
                (
                    "and urged China to stop its military pressure on Taiwan.",
                    "Antony J. Blinken",
                    "person",
                ),
                (
                    "The two sides agreed to keep lines of communication open.",
                    "the two sides",
                    "both",
                ),
                ("The meeting lasted 7 hours.", "United States", "narrator"),
            ],
        ),
        (
            "zh",
            [
                ("3月14日，国务委员兼外长王毅在罗马会见美国国务卿布林肯。", "王毅", "person"),
                ("王毅表示，中方从不寻求新冷战，", "王毅", "person"),
                ("美方应停止干涉中国内政。", "王毅", "person"),
                ("双方同意保持沟通，加强合作。", "双方", "both"),
                ("会见持续了7个小时。", "China", "narrator"),
            ],
        ),
    ],
)
def test_lang_base_claims_cut_and_attributed_as_before(code, expected):
    account = _account(code)
    claims = extract_claims(account, sentences(account))
    got = [(account.text[c.start : c.end], c.speaker.name, c.speaker.kind) for c in claims]
    assert got == expected


@pytest.mark.parametrize(
    "code,values,negated",
    [
        ("en", [("date:3-14", True), ("2", False), ("7", True)], [("not", "seek", True)]),
        ("zh", [("date:3-14", True), ("7", True)], [("不寻求", "寻求", True)]),
    ],
)
def test_lang_base_numbers_and_negations_as_before(code, values, negated):
    text = TEXTS[code]
    words = segmenter(default_lexicon()) if code == "zh" else None
    assert [(n.value, n.strong) for n in numbers(text, code, (), words)] == values
    found = [(text[n.start : n.end], n.predicate, n.strong) for n in negations(text, code, words)]
    assert found == negated
    assert is_negated(text, code)


@pytest.mark.parametrize(
    "code,text,word,expected",
    [
        ("en", "The meeting was candid and constructive.", "constructive", True),
        ("en", "Both sides should play a constructive role.", "constructive", False),
        ("en", "They will hold constructive talks.", "constructive", False),
        ("zh", "此次会晤是积极和建设性的。", "建设性", True),
        ("zh", "双方应发挥建設性作用。", "建設性", False),
        ("zh", "愿同美方开展建设性对话。", "建设性", False),
    ],
)
def test_lang_base_talks_described_as_before(code, text, word, expected):
    start = text.index(word)
    view = text_view(text, code)
    assert language_for(code).describes_talks(view, start, start + len(word)) is expected


@pytest.mark.parametrize(
    "code,text,spans,stand_in",
    [
        (
            "en",
            "Ships of the U.S. sailed the South China Sea, paid in US dollars near the Korean "
            "Peninsula. He said bilateral trade grew.",
            [(29, 44), (54, 64), (74, 90)],
            True,
        ),
        ("en", "China and the United States", [], False),
        (
            "zh",
            "美方舰船在南海航行，以美元结算，朝鲜半岛局势。",
            [(5, 7), (11, 13), (16, 20)],
            False,
        ),
        ("zh", "中美两国", [], True),
        ("zh", "双方同意", [], True),
    ],
)
def test_lang_base_drift_names_read_as_before(code, text, spans, stand_in):
    language = language_for(code)
    assert language.not_parties(text) == spans
    assert language.stands_in(text) is stand_in


@pytest.mark.parametrize("code,reach,has_segmenter", [("en", 12, False), ("zh", 4, True)])
def test_lang_base_drift_values_as_before(code, reach, has_segmenter):
    language = language_for(code)
    assert language.intensity_reach == reach
    assert (language.segmenter(default_lexicon()) is not None) is has_segmenter


@pytest.mark.parametrize(
    "code,text,index,words,units",
    [
        (
            "en",
            "Blinken met Wang Yi's team in 2024.",
            "Blinken met Wang Yi's team in 2024.",
            7,
            7.0,
        ),
        ("zh", "會談在羅馬 AI 2024", " 会  谈  在  罗  马  AI 2024", 7, 5 / 1.35 + 2),
        ("zh", "王毅会见布林肯，讨论AI问题。", None, 12, 9.148148148148147),
    ],
)
def test_lang_base_text_counted_and_indexed_as_before(code, text, index, words, units):
    language = language_for(code)
    if index is not None:
        assert language.index_text(text) == index
    assert language.count_words(text) == (words, units)


@pytest.mark.parametrize("code,gap", [("en", " "), ("zh", "")])
def test_lang_base_sentences_joined_as_before(code, gap):
    assert language_for(code).sentence_gap == gap


def _hit(start: int, end: int, frame: str) -> Hit:
    return Hit(start, end, frame, "", "", (), 100, "")


@pytest.mark.parametrize(
    "code,text,adverbial_end",
    [
        ("en", "After the signing of the deal, China will impose sanctions.", 30),
        ("zh", "在会见期间，中方宣布制裁。", 6),
    ],
)
def test_lang_base_adverbial_read_as_before(code, text, adverbial_end):
    m = language_for(code).roles().adverbial.match(text, 0, len(text))
    assert m is not None and m.end() == adverbial_end


@pytest.mark.parametrize(
    "code,kept",
    [("en", [(6, 8), (8, 10), (13, 14)]), ("zh", [(8, 10)])],
)
def test_lang_base_predicates_as_before(code, kept):
    # 对美方的做法 (2, 8) is a coverb's object; 将 at 13 is the coverb, not "will"
    text = "中方对美方的做法表示不满，将其列入清单。"
    hits = [_hit(6, 8, "event"), _hit(8, 10, "event"), _hit(13, 14, "intent")]
    got = language_for(code).roles().predicates(text, 0, len(text), hits)
    assert [(h.start, h.end) for h in got] == kept


@pytest.mark.parametrize(
    "code,text,expected",
    [
        (
            "en",
            "Biden met Xi on Monday, September 27, 2021. The next day, they spoke again; "
            "on 16-17 March they meet.",
            [
                ("on Monday, September 27, 2021", "2021-09-27", "", False),
                ("The next day", "2021-09-28", "", True),
                ("16-17 March", "2021-03-16", "2021-03-17", False),
            ],
        ),
        (
            "zh",
            "2021年9月27日晚，双方通话。次日，双方会晤。近5日，18日至19日。",
            [
                ("2021年9月27日晚", "2021-09-27", "", False),
                ("次日", "2021-09-28", "", True),
                ("18日至19日", "2021-09-18", "2021-09-19", False),
            ],
        ),
    ],
)
def test_lang_base_dates_read_as_before(code, text, expected):
    found = language_for(code).dates(text, date(2021, 10, 1))
    got = sorted(found, key=lambda d: d.start)
    assert [(d.text, d.iso, d.iso_end, d.relative) for d in got] == expected


@pytest.mark.parametrize(
    "code,head,lead,slack",
    [
        ("en", "On March 14, 2024, the Ministry of Foreign Affairs of Fiji said", 23, 2),
        ("en", "Statement by the Ministry of Foreign Affairs of Fiji", 17, 2),
        ("zh", "2024年3月14日，外交部发言人办公室", 11, 0),
        ("zh", "北京时间3月14日，斐济外交部表示", 10, 0),
    ],
)
def test_lang_base_opening_lead_as_before(code, head, lead, slack):
    language = language_for(code)
    assert language.opening_lead(head) == lead
    assert language.opening_slack == slack


@pytest.mark.parametrize(
    "code,view,country,expected",
    [
        ("en", "Ministry of Foreign Affairs of Fiji said", (31, 35), True),
        ("en", "The Ministry of Foreign Affairs of Fiji said", (35, 39), True),
        ("en", "Fiji's Ministry of Foreign Affairs said", (0, 4), True),
        ("en", "Fiji said today", (0, 4), False),
        ("zh", "斐济外交部表示", (0, 2), True),
        ("zh", "斐济表示", (0, 2), False),
        ("zh", "据悉斐济外交部表示", (2, 4), False),
    ],
)
def test_lang_base_country_office_as_before(code, view, country, expected):
    assert language_for(code).country_office(view, 0, *country) is expected


@pytest.mark.parametrize(
    "code,text,agency",
    [
        ("en", "ABU DHABI, 11th October, 2023 (WAM) -- The President of the UAE", "WAM"),
        ("en", "U.S. Department of State readout", None),
        ("zh", "ABU DHABI, 11th October, 2023 (WAM) -- 阿联酋总统", None),
    ],
)
def test_lang_base_dateline_agency_as_before(code, text, agency):
    assert language_for(code).dateline_agency(text) == agency


@pytest.mark.parametrize(
    "opening,expected",
    [
        ("Ministry of Foreign Affairs of Fiji said", IssuerMatch("fiji", "", "opening")),
        ("Fiji's Ministry of Foreign Affairs said", IssuerMatch("fiji", "", "opening")),
        ("The Ministry of Foreign Affairs of Fiji said", IssuerMatch("fiji", "", "opening")),
        ("Fiji said today", None),
        ("斐济外交部表示", IssuerMatch("fiji", "", "opening")),
        ("斐济表示", None),
        ("外交部长王毅表示", None),
        ("U.S. Department of State readout", IssuerMatch("united_states", "us_state", "opening")),
        (
            "ABU DHABI, 11th October, 2023 (WAM) -- The President of the UAE",
            IssuerMatch("uae", "ae_mofa", "opening"),
        ),
    ],
)
def test_lang_base_issuer_in_opening_as_before(opening, expected):
    assert issuer_in_opening("", opening, default_lexicon()) == expected


@pytest.mark.parametrize(
    "code,sentence,start,expected",
    [
        ("en", "President Biden spoke with President Macron of France today.", 27, True),
        ("en", "President Biden spoke with President Macron of France today.", 0, False),
        ("en", "a call between the President of the Republic and Mr Biden", 50, True),
        ("zh", "王毅同布林肯通电话。", 3, True),
        ("zh", "习近平会见拜登。", 5, True),
        ("zh", "习近平会见拜登。", 0, False),
    ],
)
def test_lang_base_names_counterpart_as_before(code, sentence, start, expected):
    assert language_for(code).names_counterpart(sentence, start) is expected


@pytest.mark.parametrize(
    "code,text,party",
    [
        ("en", "President Biden spoke with President Macron of France today.", "united_states"),
        (
            "en",
            "At the invitation of President Macron, President Biden visited Paris.",
            "united_states",
        ),
        ("en", "Today a call took place between President Macron and President Biden.", "france"),
        ("zh", "王毅同布林肯通电话。", "china"),
        ("zh", "应拜登邀请，习近平会见拜登。", "united_states"),
        ("zh", "习近平会见拜登。", "china"),
    ],
)
def test_lang_base_party_inferred_as_before(code, text, party):
    account = Account(id="x", text=text, language=code)
    assert infer_party(account, default_lexicon()) == party


@pytest.mark.parametrize("code", sorted(languages()))
def test_lang_base_every_language_has_a_facts_reader(code):
    reader = READERS[code]
    for name in (
        "participants",
        "people",
        "title_counterparts",
        "title_principals",
        "title_says_video",
        "title_place",
        "before_purpose",
        "next_opening_day",
        "format_cues",
        "phone_over",
        "place",
        "asked",
    ):
        assert getattr(reader, name) is not getattr(ReaderBase, name), name


@pytest.mark.parametrize(
    "code,text,title,party,people,fmt,requested_by",
    [
        (
            "en",
            "Secretary Blinken met Foreign Minister Wang Yi in Rome on March 14, 2024, "
            "at the request of the PRC.",
            "",
            "united_states",
            [
                ("Antony J. Blinken", "united_states", "principal"),
                ("Wang Yi", "china", "counterpart"),
            ],
            "in_person",
            "china",
        ),
        (
            "en",
            "The two leaders discussed trade.",
            "Readout of President Biden’s Call with Prime Minister Kishida of Japan",
            "united_states",
            [
                ("Joseph R. Biden, Jr.", "united_states", "principal"),
                ("Fumio Kishida", "japan", "counterpart"),
            ],
            "phone",
            "",
        ),
        (
            "zh",
            "2024年3月14日，国务委员兼外长王毅应约同美国国务卿布林肯通电话。",
            "",
            "china",
            [("王毅", "china", "principal"), ("布林肯", "united_states", "counterpart")],
            "phone",
            "united_states",
        ),
    ],
)
def test_lang_base_facts_read_by_the_language_reader_as_before(
    code, text, title, party, people, fmt, requested_by
):
    account = Account(id="x", text=text, language=code, title=title, party=party, date="2024-03-14")
    facts = extract_facts(account, sentences(account), (), default_lexicon())
    assert [(p.name, p.party, p.position) for p in facts.participants] == people
    assert (facts.format, facts.requested_by) == (fmt, requested_by)


@pytest.mark.parametrize(
    "code,text,start,end,expected",
    [
        ("en", "They sent 1,000 troops; then left.", 0, 25, True),
        ("en", "They sent 1,000 troops then left.", 0, 30, False),
        ("zh", "中方宣布，将制裁美方。", 0, 6, True),
        ("zh", "中方宣布将制裁美方。", 0, 8, False),
    ],
)
def test_lang_base_clause_break_as_before(code, text, start, end, expected):
    assert language_for(code).clause_break(text, start, end) is expected
    assert clause_break(text, start, end, code) is expected


@pytest.mark.parametrize(
    "code,text,a,b,limits,expected",
    [
        ("en", "will impose new sanctions on", 4, 22, (2, 4), False),
        ("en", "will impose sanctions on", 4, 12, (0, 4), False),
        ("en", "will impose sanctions on", 4, 12, (1, 4), True),
        ("en", "x", 5, 2, (9, 9), False),
        ("zh", "将对美方实施制裁", 1, 6, (0, 4), False),
        ("zh", "将对美方实施制裁", 1, 4, (0, 4), True),
    ],
)
def test_lang_base_near_as_before(code, text, a, b, limits, expected):
    assert language_for(code).near(text, a, b, *limits) is expected
    assert near(text, code, a, b, *limits) is expected


@pytest.mark.parametrize(
    "code,spaced,text,found",
    [
        (
            "en",
            True,
            "The United States imposed sanctions on China and threatened to withdraw troops.",
            [(18, 35, "sanction_impose"), (63, 78, "retreat_withdraw")],
        ),
        (
            "zh",
            False,
            "美方宣布对中方实施制裁，并威胁撤军。",
            [(2, 4, "announce"), (7, 9, "light"), (13, 15, "threaten_warn")],
        ),
        ("zh", False, "美方宣佈對中方實施制裁。", [(2, 4, "announce"), (7, 9, "light")]),
    ],
)
def test_lang_base_event_cues_matched_as_before(code, spaced, text, found):
    assert language_for(code).spaced is spaced
    view = simplified(text) if code == "zh" else None
    got = default_event_lexicon().matcher.find(text, code, view)
    assert [(m.start, m.end, m.id) for m in got] == found
