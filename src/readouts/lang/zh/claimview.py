"""Chinese claims as the later stages read them: the content without its reporting
frame, a demand made of a party, the request rule of tagging (see
:mod:`readouts.claimview` and :mod:`readouts.tag`)."""

from __future__ import annotations

import re

from . import SPEECH_VERBS

__all__ = ["demand_after", "modal_request", "strip_frame"]

_FRAME_ZH = re.compile(
    r"^.{0,22}?(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")[，,：:]\s*"
)
# a demand: a party followed by a modal ("美方应恪守")
_DEMAND_ZH = re.compile(
    r"^(?:也|还|则|更|都)?(?:应当|应该|必须|须|要|不应|不要|不得|勿|停止|应(?![约邀对]))"
)
# "美方应停止...", "双方应坚持...": a demand or call made with the modal 应 (not 应约, 应对)
_ZH_SHOULD = re.compile(r"(?:方|国|家|各方|双方|两国|人)(?:也|还|更|都)?(?:应|须)(?![约邀对该当])")


def strip_frame(body: str) -> tuple[str, str]:
    """The body without spaces, and the same without its reporting frame ("王毅表示，")."""
    body = body.replace(" ", "")
    return body, _FRAME_ZH.sub("", body, count=1)


def demand_after(after: str) -> bool:
    """Does the text after a party's mention make a demand of it ("美方应恪守…")?"""
    if after.startswith("方"):
        after = after[1:]
    return bool(_DEMAND_ZH.match(after))


def modal_request(view: str, start: int, end: int) -> bool:
    """Does ``view[start:end]`` make a demand with the modal 应 ("双方应坚持...")?"""
    return bool(_ZH_SHOULD.search(view, start, end))
