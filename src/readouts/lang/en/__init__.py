"""English word lists for segmentation and attribution (data only)."""

from __future__ import annotations

#: Tokens that end with a period without ending a sentence (compared lower-case, no period).
ABBREVIATIONS = frozenset(
    """
    a.m adm al amb approx apr art aug bros capt cf cmdr co col corp d.c dec dept dr e.g e.u ed
    est etc feb fig fri gen gov hon i.e inc jan jr jul jun l.a lt ltd maj mar mon mr mrs ms n.y
    no nos nov oct op p.m p.r.c para pp prof rep rev sat sec sen sep sept sgt sr st sun thu thur
    thurs tue tues u.k u.n u.s vol vs wed
    """.split()
)


#: Words that, after an abbreviation such as "U.S.", show a new sentence has begun.
SENTENCE_STARTERS = frozenset(
    """
    a after an at before both during he his however in it its meanwhile on our she that the
    their these they this those today we while yesterday
    """.split()
)


#: Reporting and agent verbs that introduce what a speaker said or did (past or present).
REPORTING_VERBS = """
    said says stated states stressed stresses emphasized emphasised emphasizes emphasises
    underscored underscores underlined underlines noted notes reiterated reiterates reaffirmed
    reaffirms affirmed affirms expressed expresses welcomed welcomes called calls urged urges
    invited invites raised raises discussed discusses agreed agrees highlighted highlights
    pointed points observed observes added adds set sets outlined outlines described describes
    detailed details asserted asserts warned warns explained explains conveyed conveys voiced
    voices made makes told tells thanked thanks congratulated congratulates praised praises
    commended commends condemned condemns criticized criticised opposed opposes rejected rejects
    acknowledged acknowledges recognized recognised recalled recalls reviewed reviews committed
    commits pledged pledges vowed vows promised promises assured assures proposed proposes
    suggested suggests offered offers encouraged encourages restated restates confirmed confirms
    shared shares exchanged addressed addresses talked talks spoke speaks held holds met meets
    remarked remarks considered considers regarded regards believed believes hoped hopes looked
    looks tasked tasks instructed instructs directed directs decided decides announced announces
    briefed briefs updated updates insisted insists demanded demands asked asks cited cites
    argued argues maintained maintains indicated indicates declared declares pressed presses
    sought seeks continued continues supported supports appreciated appreciates reaffirm affirm
    emphasize say stress note urge welcome express raise discuss agree highlight point observe
    add outline describe detail warn explain convey thank praise commend condemn oppose reject
    acknowledge recognize commit pledge vow promise assure propose suggest offer encourage
    restate confirm share exchange address talk speak hold meet remark consider regard believe
    hope look task instruct direct decide announce brief update insist demand ask cite argue
    maintain indicate declare press seek continue support appreciate underscore underline
    reiterate
""".split()


#: The subset that marks reported speech: what follows is the speaker's words, and the
#: sentences after it in the same paragraph continue them.
SPEECH_VERBS = frozenset(
    """
    added adds affirmed affirms argued argues asserted asserts believed believes cited
    considered declared declares emphasised emphasized emphasizes explained explains hoped hopes
    indicated indicates insisted insists maintained maintains noted notes observed observes
    pointed reaffirmed reaffirms recalled recalls regarded reiterated reiterates remarked
    remarks restated restates said says stated states stressed stresses tells told underlined
    underlines underscored underscores warned warns
    """.split()
)


#: Pronouns that refer back to the last person named.
PERSON_PRONOUNS = frozenset(["he", "her", "him", "she"])


#: Subjects that mean both sides together.
BOTH_SIDES = (
    "the two sides",
    "both sides",
    "the two leaders",
    "both leaders",
    "the leaders",
    "the two presidents",
    "the presidents",
    "both presidents",
    "the two heads of state",
    "the two ministers",
    "the ministers",
    "the two",
    "they",
    "together, they",
    "together they",
    "the two countries",
    "both countries",
    "the sides",
    "the parties",
    "the officials",
    "the two officials",
    "participants",
    "the participants",
    "the two men",
    "the two delegations",
    "both",
    "the two foreign ministers",
    "the two secretaries",
    "the two heads of government",
    "the two prime ministers",
    "the two national security advisors",
    "the teams",
)


#: Titles that, on their own ("the Secretary General"), stand for the person who holds them.
TITLES = (
    "president",
    "vice president",
    "prime minister",
    "secretary general",
    "secretary-general",
    "secretary",
    "foreign minister",
    "minister",
    "state councilor",
    "state councillor",
    "chancellor",
    "premier",
    "general secretary",
    "national security advisor",
    "national security adviser",
    "director",
    "ambassador",
    "special envoy",
    "envoy",
    "vice chairman",
    "chairman",
    "general",
    "admiral",
    "king",
    "queen",
    "crown prince",
    "emir",
    "sultan",
    "deputy secretary",
    "vice premier",
    "spokesperson",
    "spokesman",
    "high representative",
    "commissioner",
    "mr",
    "mr.",
    "ms",
    "ms.",
    "mrs",
    "mrs.",
    "dr",
    "dr.",
    "his majesty",
    "her majesty",
    "the president",
    "the secretary",
)


#: Words that coordinate a new clause after a comma ("..., but called on China to ...").
CONTRAST = (
    "but",
    "however",
    "while",
    "whereas",
    "yet",
    "although",
    "though",
)


#: Verbs that report a meeting itself; their subject is the narrator's topic, not a speaker.
MEETING_VERBS = frozenset(
    """
    convened convenes held holds hosted hosts joined joins meets met received receives speaks
    spoke visited visits
    """.split()
)


#: Negation words (claim polarity).
NEGATIONS = (
    "not",
    "never",
    "no",
    "nor",
    "neither",
    "without",
    "cannot",
    "n't",
    "none",
)


#: Base forms of verbs common in readouts, to tell "..., to manage" (a new point) from
#: "..., to partnerships" (a noun after "to").
COMMON_VERBS = frozenset(
    """
    abide accelerate achieve address adhere advance agree allow arrange attend avoid behave
    bolster boost bring broaden build buy chart combat commit consult contain continue cooperate
    coordinate counter create curb de-escalate deepen defend deliver deter develop discuss drive
    ease emphasize enable encourage end engage enhance ensure establish exercise expand explore
    export facilitate fight find follow form foster get give guarantee halt handle help hold
    honor honour host implement import improve increase invest join keep launch lead limit live
    look maintain make manage meet move narrow note observe open oppose organise organize
    overcome plan play prepare preserve press prevent produce promote protect provide pursue
    push put raise reach reaffirm recognise recognize reduce refrain reject report resolve
    respect respond restore resume return safeguard schedule secure seek sell serve set settle
    shape share solve stabilise stabilize stand stay steer stop strengthen stress supply support
    sustain tackle take task trade underscore uphold visit welcome widen work
    """.split()
)


#: Month names and their abbreviations, lower case, to the month's number.
MONTHS = {
    name: number
    for number, names in enumerate(
        "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|"
        "sep sept september|oct october|nov november|dec december".split("|"),
        start=1,
    )
    for name in names.split()
}
