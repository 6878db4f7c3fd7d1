"""Word lists for reading names: titles, offices, organisations, name particles.

Data only. A word of :data:`TITLE_WORDS` is never part of a person's name; a phrase
ending in a word of :data:`GROUP_HEADS` names a group ("county elected officials");
:data:`ZH_TITLES` are the Chinese titles that may stand before a name (longest first).
"""

from __future__ import annotations

import re

from ..lang import zh

__all__ = [
    "DEPARTMENTS",
    "DOMAIN_WORDS",
    "FUNCTION_WORDS",
    "GROUP_HEADS",
    "HONORIFICS",
    "NAME_PARTICLES",
    "ORG_HEADS",
    "ORG_WORDS",
    "PERSON_TITLES",
    "TITLE_WORDS",
    "ZH_TITLES",
]

#: The departments of a title, as lower-case words: in "Secretary of Transportation Pete
#: Buttigieg" or "Leader of the Opposition Yair Lapid" the name follows the department.
DEPARTMENTS = frozenset(
    tuple(d.split())
    for d in """
    state|defense|defence|transportation|treasury|energy|commerce|labor|labour|agriculture
    education|interior|justice|finance|health|housing|veterans affairs|homeland security
    foreign affairs|human services|urban development|the interior|the treasury|opposition
    the opposition|trade|industry|economy|culture|tourism|environment|infrastructure
    external affairs|home affairs|national defense|national defence|the army|the navy
    the air force|staff|the budget
    """.replace("\n", "|").split("|")
    if d.strip()
)

#: Words that end a title's domain and never start a name: in "Advisor for International
#: Economics Mike Pyle" the name is "Mike Pyle".
DOMAIN_WORDS = frozenset(
    {d[0] for d in DEPARTMENTS if len(d) == 1}
    | set(
        """
        economics technology technologies negotiations security affairs development policy climate
        enlargement neighborhood neighbourhood restoration communications management budget
        engagement innovation implementation resilience operations strategy planning programs
        emerging cyber regional global hemisphere relations outreach protection reconstruction
        """.split()
    )
)

#: Forms of address, not offices: "Mr. Jared Kushner" has no role.
HONORIFICS = re.compile(
    r"^(?:(?:the\s+)?(?:Mr|Mrs|Ms|Mx|Miss|Dr|Sir|Dame|Madam|Madame|Monsieur|Hon|"
    r"Honou?rable|H\.E|His\s+Excellency|Her\s+Excellency)\.?\s*)+$",
    re.I,
)

# words that make up titles, offices and honorifics rather than names
PERSON_TITLES = frozenset(
    """
    president vice prime minister secretary general deputy principal advisor adviser chancellor
    king queen crown prince princess amir emir sheikh sheikha sultan his her majesty highness
    excellency chairman chairwoman chair director ambassador ambassador-at-large envoy premier
    governor senator mayor speaker leader member head commander commander-in-chief chief gen.
    gen admiral adm. dr. dr mr. mr mrs. mrs ms. ms representative commissioner councilor
    councillor coordinator counselor taoiseach pope holiness president-elect vice-president
    attorney lieutenant colonel major marshal duke duchess lord lady sir dame hon. honorable
    congressman congresswoman rep. sen. gov. nuncio co-chair chief-of-staff director-general
    secretary-general emir. sec. amb. lt. col. maj. capt. captain minister-president
    vice-chairman vice-premier spokesperson spokesman assistant gentleman administrator counsel
    surgeon bishop reverend rev. father rabbi imam cardinal archbishop judge nominee
    patriarch ecumenical all-holiness beatitude eminence
    secretary-designate ceo founder under-secretary undersecretary minister-counselor
    """.split()
)
# words of offices and organisations: never part of a person's name
ORG_WORDS = frozenset(
    """
    ministers national security advisors advisers foreign defense defence affairs state special
    presidential members executive senior high cabinet war finance interior trade economy
    economic commerce treasury homeland justice permanent under-secretary undersecretary office
    council commission federal acting interim staff joint chiefs committee ranking majority
    minority party communist central politburo standing army navy air force armed forces
    supreme grand apostolic first second deputy-prime co-chairs policy relations external
    european international development cooperation intelligence agency department ministry
    royal engagement caucus community republic kingdom secretariat administration bureau
    institute foundation coalition organization organisation center centre group service
    services union bank fund court assembly parliament congress senate house government
    authority board league network alliance partnership initiative program programme
    commissions councils committees agencies nations states countries governments co-chairs
    chairs leadership delegation team task
    """.split()
)
# words that head the name of an organisation ("Office of ...", "Council on ...")
ORG_HEADS = frozenset(
    """
    office council commission committee department ministry agency bureau administration
    secretariat institute foundation coalition organization organisation center centre group
    union bank fund court assembly parliament congress senate house government cabinet
    authority board league network alliance partnership initiative program programme task
    team delegation leadership caucus conference forum summit
    """.split()
)
TITLE_WORDS = PERSON_TITLES | ORG_WORDS | ORG_HEADS
FUNCTION_WORDS = frozenset(("of", "the", "for", "and", "to", "on", "in", "at", "&"))
NAME_PARTICLES = frozenset(
    "bin bint ibn al el de del della der den van von da das dos do di du e la le ter ten zu y abu"
    " ".split()
)
GROUP_HEADS = re.compile(
    r"\b(?:leaders|officials|members|representatives|stakeholders|advocates|executives|experts|"
    r"ceos|groups?|organizations|organisations|coalition|delegation|delegations|counterparts|"
    r"governors|mayors|legislators|lawmakers|senators|families|survivors|students|workers|"
    r"partners|allies|ministers|heads|chiefs|staff|team|teams|community|communities|"
    r"caucus|committee|council|board|union|unions|association|associations|companies|"
    r"businesses|people|americans|activists|scholars|economists|clergy|participants|"
    r"attorneys\s+general|secretaries|commissions|councils|committees|agencies|nations|countries|"
    r"governments|co-chairs|chairs|leadership|panel|officers|advisors|advisers|fellows|colleges|"
    r"universities|schools|tribes|nations|cities|states|providers|societies|institutions|"
    r"philanthropies|firms|industries|manufacturers|companies|employers|unions|negotiators)\b",
    re.I,
)
#: Chinese titles before a name (longest first), beyond those of ``lang.zh``.
ZH_TITLES = tuple(
    sorted(
        set(zh.TITLES)
        | set(
            """
            国务委员兼外长 政治局委员 中共中央政治局委员 外交部长 国家安全顾问 首席 副首相
            外交大臣 总督 议长 国防部长 中央外事工作委员会办公室主任 中央外办主任 秘书长
            联合国秘书长 外交部副部长 副部长 常务副部长 贸易代表 财长 财政部长 商务部长
            国务卿 副国务卿 国家安全事务助理 总统国家安全事务助理 副总理 总理 总统 主席
            国家主席 首相 国王 王储 埃米尔 亲王 女王 大公 委员长 特使 特别代表 高级代表
            专员
            """.split()
        ),
        key=len,
        reverse=True,
    )
)
