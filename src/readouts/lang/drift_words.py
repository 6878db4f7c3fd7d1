"""Word lists for checking two language versions of one statement (data only).

Negators and the words that merely contain one, intensity words, strong and mild
judgements, vague figures and measure words, in English and Chinese (simplified). Chinese
entries are whole words as the segmenter (:mod:`.words_zh`) cuts them.
"""

from __future__ import annotations

__all__ = [
    "EN_DOWNTONERS",
    "EN_INTENSIFIERS",
    "EN_JUDGEMENTS",
    "EN_NEGATORS",
    "EN_NOT_NEGATIONS",
    "EN_WEAK_NEGATORS",
    "ZH_COUNTERS",
    "ZH_DOWNTONERS",
    "ZH_INTENSIFIERS",
    "ZH_JUDGEMENTS",
    "ZH_NEGATORS",
    "ZH_NOT_NEGATIONS",
    "ZH_NOT_SIDES",
    "ZH_USER_WORDS",
    "ZH_VAGUE_NUMBERS",
    "ZH_WEAK_NEGATORS",
]

# --------------------------------------------------------------------------- negation

#: English words that negate the predicate after them.
EN_NEGATORS = frozenset("not no never neither nor cannot none nobody nothing nowhere n't".split())
#: Phrases with a negator that do not negate ("not only ... but also", "no doubt").
EN_NOT_NEGATIONS = (
    "not only",
    "not just",
    "not least",
    "no doubt",
    "no less than",
    "no later than",
    "nothing less than",
    "no sooner",
    "second to none",
    "not to mention",
)
#: Negation in a word or a contrast: matches the other version's negation, never alone
#: reported ("without conditions" may be 无条件, "rather than" may be 而不是 or 代替).
EN_WEAK_NEGATORS = (
    "without",
    "rather than",
    "instead of",
    "in place of",
    "free of",
    "free from",
    "lack",
    "lacks",
    "lacked",
    "refuse",
    "refused",
    "refuses",
    "fail",
    "failed",
    "fails",
    "unable",
    "no longer",
    "still less",
    "let alone",
    "much less",
)

#: Chinese words that negate the predicate after them (single characters stand alone as
#: words only when they negate: 不断, 不满 and 无人机 are words of their own).
ZH_NEGATORS = frozenset(
    """
    不 没 没有 未 未能 未曾 尚未 从未 从不 绝不 决不 绝非 并非 并不 并未 毫不 毫无 勿 切勿 莫 别 非
    不会 不能 不是 不要 不得 不应 不应该 不该 不再 不愿 不愿意 不肯 不必 不可 不容 不许 不宜 不用
    不准 不予 无意 无须 无需 不曾 不致 没能 不打算 不寻求 不支持 不接受 不同意 不承认 不赞成
    """.split()
)
#: Words that carry 无/非/不 without negating a predicate the other version would negate.
ZH_WEAK_NEGATORS = frozenset(
    """
    无 无法 无条件 无端 非法 不利于 不利 而不是 而非 代替 取代 拒绝 未予 无从 无权
    不干涉 不结盟 不扩散 不对抗 不冲突 不首先使用 不歧视 非歧视
    """.split()
)
#: Words with a negator character that never negate (jieba usually cuts these whole).
ZH_NOT_NEGATIONS = frozenset(
    """
    不断 不仅 不少 不同 不久 不管 不论 不过 不但 不得不 无论 非常 无不 未来 莫斯科 不满 不安
    不丹 不足 不当 不稳定 不确定 不公 不合理 不必要 不懈 不可分割 不可替代 不可逆 不良 无与伦比
    并行不悖 不约而同 非传统 无人机 无线 一个巴掌拍不响 坚定不移 毫不动摇 不可或缺 义不容辞
    刻不容缓 迫不及待 层出不穷 锲而不舍 不遗余力 不言而喻 不容置疑 不折不扣 不可估量 无可争议
    无可替代 无可厚非 不失时机 不以为然 无所作为 是非 是非曲直 无非 别国 别人 别的 特别 分别
    区别 告别 类别 个别 差别 识别 鉴别 派别 性别 级别 非洲 南非 非盟
    """.split()
)

# --------------------------------------------------------------------------- tone

#: Words that strengthen the judgement they go with.
EN_INTENSIFIERS = frozenset(
    """
    very extremely highly deeply deep gravely grave seriously serious strongly strong strongest
    firmly firm resolutely resolute utterly totally absolutely completely severely severe sharply
    greatly stern sternly solemn solemnly
    """.split()
)
#: Words that weaken it.
EN_DOWNTONERS = frozenset(
    "somewhat slightly rather fairly relatively partly partially mildly moderately "
    "a_little a_bit".split()
)
#: Judgements with their strength: 2 strong, 1 mild (positive words are left to the tone
#: lexicon; these are the charged words of criticism).
EN_JUDGEMENTS = {
    "dangerous": 2,
    "reckless": 2,
    "provocative": 2,
    "provocation": 2,
    "provocations": 2,
    "irresponsible": 2,
    "destabilizing": 2,
    "destabilising": 2,
    "hostile": 2,
    "egregious": 2,
    "unacceptable": 2,
    "outrageous": 2,
    "blatant": 2,
    "aggressive": 2,
    "coercive": 2,
    "illegal": 2,
    "condemn": 2,
    "condemns": 2,
    "condemned": 2,
    "condemnation": 2,
    "unhelpful": 1,
    "unfortunate": 1,
    "unconstructive": 1,
    "inappropriate": 1,
    "problematic": 1,
    "undesirable": 1,
    "not helpful": 1,
    "unwise": 1,
    "troubling": 1,
}
ZH_INTENSIFIERS = frozenset(
    """
    非常 十分 极其 极为 极度 高度 严重 强烈 坚决 深表 深切 严正 极大 格外 深感 最为 最强烈 彻底 完全
    严厉 严肃
    """.split()
)
ZH_DOWNTONERS = frozenset("有些 有点 稍 稍微 略 略微 比较 相对 一定程度 某种程度 些许".split())
ZH_JUDGEMENTS = {
    "危险": 2,
    "鲁莽": 2,
    "挑衅": 2,
    "不负责任": 2,
    "破坏稳定": 2,
    "敌对": 2,
    "恶劣": 2,
    "不可接受": 2,
    "无法接受": 2,
    "蛮横": 2,
    "霸凌": 2,
    "胁迫": 2,
    "非法": 2,
    "谴责": 2,
    "无益": 1,
    "没有帮助": 1,
    "不明智": 1,
    "不妥": 1,
    "不恰当": 1,
    "不合适": 1,
    "不利于": 1,
    "令人遗憾": 1,
    "欠妥": 1,
}

# --------------------------------------------------------------------------- numbers

#: Chinese vague figures: read as a value, never checked ("十几个国家" is not 10).
ZH_VAGUE_NUMBERS = {
    "十几": 10,
    "几十": 10,
    "数十": 10,
    "数以十计": 10,
    "几百": 100,
    "数百": 100,
    "上百": 100,
    "成百上千": 100,
    "几千": 1000,
    "数千": 1000,
    "上千": 1000,
    "成千上万": 1000,
    "几万": 10_000,
    "数万": 10_000,
    "上万": 10_000,
    "数十万": 100_000,
    "数百万": 1_000_000,
    "上百万": 1_000_000,
    "数千万": 10_000_000,
    "数亿": 100_000_000,
    "几个": 3,
    "若干": 3,
}
#: Measure words and units a Chinese numeral may run into ("三次", "五项", "十三届").
ZH_COUNTERS = frozenset(
    (
        "年 岁 月 日 号 次 届 项 条 点 名 位 人 架 艘 枚 颗 倍 轮 场 天 周 家 所 只 批 个 "
        "轮次 余 多 "
        "万 亿 千 百 十 元 美元 欧元 吨 公里 千米 米 分 秒 时 小时 周年 份 种 起 例 支 台 辆 座 "
        "亿元 万元 万人 亿人"
    ).split()
)

# --------------------------------------------------------------------------- sides

#: "X方" words that are not a country's side (对方, 各方, 西方: the West).
ZH_NOT_SIDES = frozenset(
    (
        "对方 各方 双方 一方 多方 官方 军方 警方 西方 东方 南方 北方 地方 大方 比方 药方 配方 "
        "我方 他方 甲方 乙方 上方 下方 前方 后方 远方 平方 立方 处方 方方 三方 四方 有方 想方 "
        "千方 资方 劳方 校方 院方 厂方 外方 己方 敌方 友方 买方 卖方 男方 女方 一方面 另一方"
    ).split()
)

#: Extra words for the segmenter: negator compounds, idioms, vague figures.
ZH_USER_WORDS = frozenset(
    {w for w in ZH_NEGATORS if len(w) > 1}
    | {w for w in ZH_NOT_NEGATIONS if len(w) > 1}
    | {w for w in ZH_WEAK_NEGATORS if len(w) > 1}
    | set(ZH_VAGUE_NUMBERS)
    | {w for w in ZH_JUDGEMENTS if len(w) > 1}
    | set(ZH_INTENSIFIERS)
)
