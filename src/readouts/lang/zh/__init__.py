"""Chinese word lists for segmentation and attribution (data only; simplified forms)."""

from __future__ import annotations

#: Characters that end a sentence.
SENTENCE_END = "。！？!?"
#: Closing marks that stay with the sentence before them.
CLOSERS = "”’」』）)》〉】"
#: Clause separators inside a sentence.
CLAUSE_SEPARATORS = "，；：,;:"

#: Reporting verbs, longest first when matched.
REPORTING_VERBS = (
    "表示",
    "指出",
    "强调",
    "说",
    "认为",
    "介绍",
    "称",
    "提出",
    "重申",
    "回顾",
    "坦言",
    "阐述",
    "阐明",
    "谈到",
    "宣布",
    "希望",
    "欢迎",
    "呼吁",
    "敦促",
    "要求",
    "建议",
    "主张",
    "相信",
    "祝贺",
    "感谢",
    "赞赏",
    "警告",
    "补充说",
    "还说",
    "说道",
    "提到",
    "表明",
    "承诺",
    "指示",
    "同意",
    "一致认为",
    "一致同意",
    "商定",
    "都认同",
    "认同",
    "愿",
    "愿意",
    "决定",
    "确认",
    "邀请",
    "通报",
)

#: Reporting verbs that mark reported speech continuing over the following sentences.
SPEECH_VERBS = frozenset(
    {
        "表示",
        "指出",
        "强调",
        "说",
        "认为",
        "介绍",
        "称",
        "重申",
        "回顾",
        "坦言",
        "阐述",
        "阐明",
        "谈到",
        "补充说",
        "还说",
        "说道",
        "提到",
        "表明",
    }
)

#: Subjects that mean both sides together.
BOTH_SIDES = (
    "双方",
    "两国元首",
    "两国领导人",
    "两位元首",
    "两位领导人",
    "中美双方",
    "两国",
    "两军",
    "两国外长",
    "两国防长",
    "与会各方",
    "与会领导人",
    "各国领导人",
    "他们",
    "二人",
    "两人",
    "两位部长",
)

#: Pronouns that refer back to the last person named.
PERSON_PRONOUNS = ("他", "她")

#: Titles that stand before a name ("外长王毅") or alone for its holder ("秘书长").
TITLES = (
    "国家副主席",
    "国务院总理",
    "中央外办主任",
    "政治局委员",
    "外交部副部长",
    "副部长",
    "部长助理",
    "驻华大使",
    "委员长",
    "国家主席",
    "主席",
    "总统",
    "副总统",
    "总理",
    "副总理",
    "国务委员",
    "外长",
    "外交部长",
    "部长",
    "秘书长",
    "国务卿",
    "国家安全事务助理",
    "助理",
    "副主席",
    "主任",
    "大使",
    "特使",
    "防长",
    "国防部长",
    "首相",
    "总书记",
    "发言人",
    "司令",
    "上将",
    "国王",
    "王储",
    "女士",
    "先生",
)

#: Adverbs that stand between a speaker and the verb ("王毅还表示", "双方一致同意").
ADVERBS = (
    "还",
    "也",
    "再次",
    "进一步",
    "同时",
    "则",
    "亦",
    "都",
    "均",
    "一致",
    "共同",
    "一贯",
    "始终",
    "一直",
    "坚决",
    "已经",
    "已",
)

#: Words at the start of a clause that make it depend on the clause before
#: ("..., 以增进了解", "..., 而不是 ...").
DEPENDENT_STARTS = (
    "以",
    "从而",
    "进而",
    "以便",
    "使",
    "而不是",
    "而非",
    "以期",
    "以利于",
    "旨在",
    "这",
    "此",
    "并且",
    "而且",
    "又",
    "也",
    "更",
    "还",
    "反而",
    "甚至",
    "乃至",
    "且",
    "则",
    "才",
    "即",
    "都",
    "亦",
)

#: Words anywhere in a clause that make it lead into the next one (conditions, concessions,
#: "as ...", "since ...").
SUBORDINATE_MARKERS = (
    "如果",
    "假如",
    "若",
    "一旦",
    "无论",
    "不管",
    "尽管",
    "虽然",
    "随着",
    "作为",
    "为了",
    "鉴于",
    "由于",
    "对于",
    "关于",
    "以来",
    "之际",
    "之时",
    "的是",
    "值得注意的是",
    "越是",
)

#: Words that open a paired construction whose second half follows ("既要…，又要…").
PAIRED_STARTS = ("既", "不仅", "一方面", "尤其", "特别是", "首先")

#: Words at the start of a clause that only set the scene for the next one.
INTRO_STARTS = (
    "当前",
    "目前",
    "近年来",
    "近期",
    "随着",
    "面对",
    "在",
    "为了",
    "为",
    "鉴于",
    "关于",
    "对于",
    "根据",
    "按照",
    "应",
    "据",
    "今天",
    "昨天",
    "此前",
    "会谈中",
    "通话中",
    "会见中",
)

#: Negation words (claim polarity).
NEGATIONS = ("不", "没有", "没", "未", "无", "非", "勿", "别", "莫", "绝不", "决不", "从不", "无意")

#: Markers of who asked for a meeting, which makes a claim of its own.
REQUEST_MARKERS = ("应约", "应邀", "应…邀请")

#: Verbs of meeting and summoning: their subject is the agent of the claim, though what
#: follows is not reported speech ("王毅同布林肯通电话", "孙卫东召见日本驻华大使").
AGENT_VERBS = (
    "会见",
    "会晤",
    "会谈",
    "通电话",
    "通话",
    "举行",
    "召见",
    "接见",
    "致电",
    "致信",
    "出席",
    "主持",
    "共同主持",
    "访问",
    "签署",
)

#: Chinese titles and the English role names the actors lexicon uses for them, so that a
#: bare title ("秘书长表示") finds the person who holds it.
TITLE_ROLES = {
    "秘书长": ("secretary general", "secretary-general"),
    "总统": ("president",),
    "主席": ("president", "chairman"),
    "总理": ("prime minister", "premier"),
    "首相": ("prime minister",),
    "外长": (
        "minister of foreign affairs",
        "foreign minister",
        "secretary of state",
        "foreign secretary",
        "minister for foreign affairs",
    ),
    "国务卿": ("secretary of state",),
    "防长": ("secretary of defense", "minister of defence", "minister of national defense"),
}

#: Speech-act verbs that, opening a clause after a comma, start a new point
#: ("..., 愿以相互尊重为基础 ...", "..., 同意继续保持沟通").
ACT_STARTS = (
    "愿",
    "愿意",
    "同意",
    "希望",
    "欢迎",
    "支持",
    "反对",
    "主张",
    "呼吁",
    "敦促",
    "要求",
    "强调",
    "表示",
    "指出",
    "承诺",
    "决定",
    "商定",
)
