"""Chinese words around an atmosphere word, on the simplified view: whether it
characterises the talks (此次会晤是积极和建设性的, not 发挥建设性作用; see
:mod:`readouts.tone`)."""

from __future__ import annotations

import re

from ..base import TalkWords

__all__ = ["TALK_WORDS"]

TALK_WORDS = TalkWords(
    talks=re.compile(
        r"会谈|会晤|会见|通话|通电话|对话|沟通|交流|磋商|谈话|交谈|晤谈|谈判|交换|讨论|探讨"
    ),
    other=re.compile(
        r"(?:[的地]?(?:和|与|、)?[\u4e00-\u9fff]{0,3}?)?"
        r"(?:作用|关系|伙伴|合作|态度|方式|努力|措施|贡献|方案|力量|姿态|行动|成果|发展|影响|步骤)"
    ),
    # 愿同美方开展建设性对话: about talks to come, not the meeting held
    modal=re.compile(r"应当|应该|应|要|愿|希望|期待|必须|继续|将"),
    clause=re.compile(r"[。；;！？!?，,：:]"),
)
